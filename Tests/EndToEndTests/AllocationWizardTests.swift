import Foundation
import TestSupport
import Testing

/// Issue 6 end to end: the allocation wizard in a real terminal for hardware and software
/// tokens, receiving from a manifest file, and the loop headless (received, allocated,
/// deallocated as Faulty, re-initialized, allocated again) with `verify` after each step.
@Suite(.serialized) struct AllocationWizardTests {
  @Test(.postgres) func theDatabaseCasesRun() throws { try StoreKind.reachTheServer() }

  /// Waits for "Step n of m" in the title line.
  @discardableResult
  static func waitForStep(_ terminal: WizardTerminal, _ step: Int) throws -> String {
    try terminal.session.waitUntil("step \(step)") { screen in
      guard let first = screen.split(separator: "\n").first,
        let match = first.firstMatch(of: /Step (\d) of \d/)
      else { return false }
      return Int(match.1) == step
    }
  }

  /// Home → Inventory → `a` → the account chooser → the wizard for Fabrikam Health.
  static func openWizard(_ terminal: WizardTerminal) throws {
    terminal.session.send("5")
    try terminal.session.waitFor("Hardware tokens in stock")
    terminal.session.send("a")
    try terminal.session.waitFor("Choose the account to allocate to")
    terminal.session.type("Fabrikam")
    try terminal.session.waitFor("1 of 6 accounts")
    terminal.session.send("Enter")
    try waitForStep(terminal, 1)
  }

  @Test(arguments: StoreKind.available)
  func hardwareAllocationFromTheInventory(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let serial = try #require(
      demo.objects(["tokens", "--state", "available", "--json"]).first {
        ($0["model"] as? String) == "RB-1"
      }?["serial"] as? String)
    let before = try #require(demo.column("ACC-0002", "RB-1"))
    let terminal = try WizardTerminal(demo)
    defer { terminal.close() }
    let session = terminal.session
    try Self.openWizard(terminal)
    session.send("Tab")
    for _ in 0..<3 { session.send("Down") }
    try session.waitFor("(•) RB-1 hardware tokens")
    session.send("Tab", "Enter")
    try Self.waitForStep(terminal, 2)
    session.send("Tab", "Enter")
    try session.waitFor("Available (")
    session.type(serial)
    session.send("Enter")
    try session.waitFor("\(serial) moved to Allocate")
    session.send("Tab", "Tab", "Tab", "Enter")
    try Self.waitForStep(terminal, 3)
    session.type("9.90")
    session.send("Tab", "Tab", "Tab")
    session.type("PO-2026-1")
    session.send("Tab", "Tab", "Tab", "Enter")
    let confirm = try Self.waitForStep(terminal, 4)
    #expect(confirm.contains("allocate 1 RB-1 hardware token to Fabrikam Health as a Rental"))
    #expect(confirm.contains("Billing     9.90 per unit, billed on allocation"), "\(confirm)")
    let id = try terminal.confirm()
    try session.waitFor("The Allocation table of Fabrikam Health now reads")

    let last = try #require(demo.lastTransaction())
    #expect(last["transactionId"] as? String == id)
    #expect(last["action"] as? String == "allocate")
    let billing = try #require(last["billing"] as? [String: Any])
    #expect(billing["amount"] as? String == "9.90")
    #expect(billing["customerReference"] as? String == "PO-2026-1")
    #expect(demo.token(serial)?["account"] as? String == "ACC-0002")
    #expect(demo.column("ACC-0002", "RB-1")?.maximum == before.maximum + 1)
    #expect(demo.run(["verify"]).status == 0)
  }

  @Test(arguments: StoreKind.available)
  func softwareAllocationFromTheAllocationTable(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let sms = try #require(demo.column("ACC-0002", "SMS Rental"))
    let capacity = try #require(demo.column("ACC-0002", "Capacity"))
    let terminal = try WizardTerminal(demo)
    defer { terminal.close() }
    let session = terminal.session
    try terminal.openAccount(search: "Fabrikam", name: "Fabrikam Health")
    session.send("a")
    try Self.waitForStep(terminal, 1)
    session.send("Tab", "Tab", "Enter")
    try Self.waitForStep(terminal, 2)
    session.type("99999999")
    try session.waitFor("From 1 to")
    for _ in 0..<8 { session.send("BSpace") }
    session.type("7")
    session.send("Tab", "Enter")
    try Self.waitForStep(terminal, 3)
    for _ in 0..<6 { session.send("Tab") }
    session.send("Enter")
    let confirm = try Self.waitForStep(terminal, 4)
    #expect(confirm.contains("allocate 7 SMS Rental tokens to Fabrikam Health"), "\(confirm)")
    #expect(confirm.contains("also allocate 7 units of Capacity"), "\(confirm)")
    _ = try terminal.confirm()
    #expect(demo.column("ACC-0002", "SMS Rental")?.maximum == sms.maximum + 7)
    #expect(demo.column("ACC-0002", "Capacity")?.maximum == capacity.maximum + 7)
    #expect(demo.lastTransaction()?["billing"] == nil)
    #expect(demo.run(["verify"]).status == 0)
  }

  @Test(arguments: StoreKind.available)
  func receivingFromAManifestFile(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let known = try #require(demo.serials(account: "ACC-0002", inUse: false).first)
    let manifest = demo.path + "-manifest.csv"
    try "box,serial\n1,NEW-00001\n1,NEW-00002\n2,NEW-00002\n2,\(known)\n3,NEW-00003\n"
      .write(toFile: manifest, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: manifest) }
    let terminal = try WizardTerminal(demo)
    defer { terminal.close() }
    let session = terminal.session
    session.send("5")
    try session.waitFor("Hardware tokens in stock")
    session.send("r")
    try Self.waitForStep(terminal, 1)
    for _ in 0..<6 { session.send("Tab") }
    session.send("Enter")
    try Self.waitForStep(terminal, 2)
    session.send("C-o")
    try session.waitFor("Load serials from a file")
    session.type(manifest)
    session.send("Enter")
    let preview = try session.waitFor("new serials to receive")
    #expect(preview.contains("3 new serials to receive"))
    #expect(preview.contains("1 refused, duplicated (listed twice): NEW-00002"))
    #expect(preview.contains("1 refused, already in the inventory: \(known)"))
    session.send("Enter")
    try session.waitFor("3 to receive")
    session.send("Tab", "Tab", "Enter")
    let confirm = try Self.waitForStep(terminal, 3)
    #expect(confirm.contains("receive 3 new RB-1 hardware tokens (owned)"), "\(confirm)")
    _ = try terminal.confirm()
    #expect(demo.token("NEW-00003")?["state"] as? String == "available")
    #expect(demo.lastTransaction()?["action"] as? String == "receive")
    #expect(demo.run(["verify"]).status == 0)
  }

  /// `receive --interactive` opens the receiving wizard filled with the options' answers, at
  /// the first step still needing one (no --ownership: Stock), and commits what they said.
  @Test(arguments: StoreKind.available)
  func receiveInteractiveOpensFilledIn(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let terminal = try WizardTerminal(
      demo,
      arguments: [
        "receive", "--interactive", "--model", "KT-4", "--serial", "E2E-00001", "E2E-00002",
        "--needs-pin", "--container", "EAST", "--reference", "DN-2026-77", "--comment",
        "pallet 3",
      ], waitingFor: "Receive stock")
    defer { terminal.close() }
    let session = terminal.session
    let stock = try terminal.waitForStep(1)
    #expect(stock.contains("Stockroom › Inventory › Receive stock"), "\(stock)")
    #expect(stock.contains("[ KT-4 hardware"), "\(stock)")
    #expect(stock.contains("( ) Owned"), "no --ownership: none chosen\n\(stock)")
    #expect(stock.contains("( ) Leased"), "\(stock)")
    #expect(stock.contains("[ East Depot"), "\(stock)")
    #expect(stock.contains("[x] Needs a token-side PIN"), "\(stock)")
    #expect(stock.contains("DN-2026-77"), "\(stock)")
    #expect(stock.contains("pallet 3"), "\(stock)")
    // Focus is on Ownership, the answer still needed.
    session.send("Down")
    try session.waitFor("(•) Leased")
    for _ in 0..<5 { session.send("Tab") }
    session.send("Enter")
    let items = try terminal.waitForStep(2)
    #expect(items.contains("New KT-4 hardware serials (leased) into East Depot"), "\(items)")
    #expect(items.contains("2 to receive"), "\(items)")
    #expect(items.contains("E2E-00001") && items.contains("E2E-00002"), "\(items)")
    session.send("Tab", "Tab", "Enter")
    let confirm = try terminal.waitForStep(3)
    #expect(
      confirm.contains("receive 2 new KT-4 hardware tokens (leased), needing a token-side PIN"),
      "\(confirm)")
    #expect(confirm.contains("DN-2026-77"), "\(confirm)")
    let id = try terminal.confirm()
    let last = try #require(demo.lastTransaction())
    #expect(last["transactionId"] as? String == id)
    #expect(last["action"] as? String == "receive")
    #expect(last["reference"] as? String == "DN-2026-77")
    let token = try #require(demo.token("E2E-00002"))
    #expect(token["state"] as? String == "available")
    #expect(token["container"] as? String == "EAST")
    #expect(token["ownership"] as? String == "leased")
    #expect(demo.run(["verify"]).status == 0)
  }

  /// `allocate --interactive` with every answer opens at Confirm, filled in.
  @Test(arguments: StoreKind.available)
  func allocateInteractiveWithEveryAnswerOpensAtConfirm(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let before = try #require(demo.column("ACC-0002", "SMS Rental"))
    let terminal = try WizardTerminal(
      demo,
      arguments: [
        "allocate", "--interactive", "--account", "ACC-0002", "--product", "sms", "--quantity",
        "3", "--amount", "4.25", "--per", "unit", "--reference", "PO-E2E-1",
      ], waitingFor: "Allocate to Fabrikam Health")
    defer { terminal.close() }
    let confirm = try Self.waitForStep(terminal, 4)
    #expect(confirm.contains("allocate 3 SMS Rental tokens to Fabrikam Health"), "\(confirm)")
    #expect(confirm.contains("4.25 per unit, billed on allocation"), "\(confirm)")
    #expect(confirm.contains("PO-E2E-1"), "\(confirm)")
    _ = try terminal.confirm()
    #expect(demo.column("ACC-0002", "SMS Rental")?.maximum == before.maximum + 3)
    #expect(demo.lastTransaction()?["reference"] as? String == "PO-E2E-1")
  }

  @Test(arguments: StoreKind.available)
  func theLoopHeadless(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let steps: [([String], String)] = [
      (
        [
          "receive", "--model", "KT-4", "--serial", "LOOP-1", "LOOP-2", "--ownership", "owned",
          "--container", "MAIN",
        ], "receive"
      ),
      (["allocate", "--account", "ACC-0001", "--serial", "LOOP-1"], "allocate"),
      (
        [
          "deallocate", "hardware", "--account", "ACC-0001", "--serial", "LOOP-1",
          "--disposition", "faulty",
        ], "deallocate-hardware"
      ),
      (["reinitialize", "--serial", "LOOP-1"], "reinitialize"),
      (
        [
          "allocate", "--account", "ACC-0002", "--serial", "LOOP-1", "--type", "sale",
          "--amount", "25", "--per", "transaction",
        ], "allocate"
      ),
    ]
    for (arguments, action) in steps {
      let preview = demo.run(arguments)
      #expect(preview.status == 0, "\(arguments): \(preview.output)")
      #expect(preview.output.contains("Nothing written; add --yes to commit."))
      let done = demo.run(arguments + ["--yes"])
      #expect(done.status == 0, "\(arguments): \(done.output)")
      let last = try #require(demo.lastTransaction())
      #expect(last["action"] as? String == action)
      #expect((last["items"] as? [[String: Any]])?.first?["serials"] as? [String] != nil)
      #expect(demo.run(["verify"]).status == 0, "verify after \(action)")
    }
    let token = try #require(demo.token("LOOP-1"))
    #expect(token["account"] as? String == "ACC-0002")
    #expect(token["state"] as? String == "allocated")
    let log = demo.objects(["log", "--json"]).suffix(5).compactMap { $0["action"] as? String }
    #expect(log == steps.map(\.1))
  }

  @Test(arguments: StoreKind.available)
  func refusalsHaveTheirOwnMessageAndWriteNothing(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let tokens = demo.objects(["tokens", "--json"])
    let leased = try #require(
      tokens.first {
        ($0["state"] as? String) == "available" && ($0["ownership"] as? String) == "leased"
      }?["serial"] as? String)
    let faulty = try #require(
      tokens.first { ($0["state"] as? String) == "faulty" }?["serial"] as? String)
    let before = demo.written
    let cases: [([String], String)] = [
      (
        ["allocate", "--account", "ACC-0002", "--serial", leased, "--type", "sale"],
        "leased tokens can only be rented, not sold: \(leased)"
      ),
      (
        ["allocate", "--account", "ACC-0002", "--product", "mobilepass", "--quantity", "999999"],
        "MobilePASS: 999999 requested but the provider holds"
      ),
      (
        ["allocate", "--account", "ACC-0002", "--serial", faulty],
        "faulty, never allocated until re-initialized: \(faulty)"
      ),
      (
        [
          "receive", "--model", "RB-1", "--serial", "DUP-1", "DUP-1", "--ownership", "owned",
        ], "serial listed twice: DUP-1"
      ),
      (
        ["allocate", "--account", "ACC-0999", "--product", "capacity", "--quantity", "1"],
        "unknown account ACC-0999"
      ),
    ]
    for (arguments, message) in cases {
      let result = demo.run(arguments + ["--yes"])
      #expect(result.status == 1, "\(arguments): \(result.output)")
      #expect(result.output.contains(message), "\(arguments): \(result.output)")
    }
    #expect(demo.written == before)
    let bad = demo.run([
      "allocate", "--account", "ACC-0002", "--product", "capacity", "--quantity", "1",
      "--amount", "1e3", "--per", "unit",
    ])
    #expect(bad.status == 2)
    #expect(bad.output.contains("Amount: not a decimal amount"))
  }

  @Test func inventoryIsOneObject() throws {
    let demo = try DemoDirectory()
    defer { demo.remove() }
    let objects = demo.objects(["inventory", "--json"])
    try #require(objects.count == 1)
    let software = try #require(objects[0]["software"] as? [[String: Any]])
    #expect(
      software.compactMap { $0["product"] as? String } == [
        "capacity", "sms", "st-1", "mobilepass",
      ])
    let hardware = try #require(objects[0]["hardware"] as? [[String: Any]])
    #expect(hardware.contains { ($0["faulty"] as? Int ?? 0) > 0 })
  }
}
