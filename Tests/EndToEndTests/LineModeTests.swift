import Foundation
import TestSupport
import Testing

/// The line mode end to end (issue 21) in a pseudo-terminal with `TERM=dumb`: a wizard done
/// by answering lines, checked afterwards with the headless commands and `verify`; no ESC
/// byte or C1 control in the output and no line wider than the terminal; input ending or
/// the connection dropping mid-wizard keeps the draft for the next start.
@Suite(.serialized) struct LineModeTests {
  @Test(.postgres) func theDatabaseCasesRun() throws { try StoreKind.reachTheServer() }

  static let account = "ACC-0001"

  /// The RB-1 wizard of Contoso Bank opened with `serial` answered, as lines.
  static func hardwareWizard(_ demo: DemoDirectory, serial: String) throws -> LinePty {
    try LinePty(
      [
        Binary.path, "--data-dir", demo.path, "deallocate", "hardware", "--account", account,
        "--serial", serial, "--interactive",
      ], environment: demo.terminalEnvironment)
  }

  @Test(arguments: StoreKind.available)
  func hardwareDeallocationWithSerialsTypedPastedAndPickedFromTheList(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let free = demo.freeSerials(account: Self.account, model: "RB-1")
    try #require(free.count >= 6)
    let pty = try Self.hardwareWizard(demo, serial: free[0])
    try pty.answer(":back", when: "step 2 of 3, Reference")
    try pty.answer(free[1], when: "Type or scan serials")
    try pty.answer("NOT-A-SERIAL", when: "\(free[1]) moved to Deallocate")
    // A paste: two lines at once, each answered with a line of its own.
    try pty.answer(free[2] + "\n" + free[3], when: "Error: NOT-A-SERIAL")
    try pty.answer(":list", when: "\(free[3]) moved to Deallocate")
    let listed = try pty.wait(for: ":pick 3-7 picks by number", after: pty.mark)
    #expect(listed.contains("1 \(free[4])"), "\(listed)")
    try pty.answer(":pick 1", when: ":pick 3-7 picks by number")
    try pty.answer(":done", when: "\(free[4]) moved to Deallocate")
    try pty.answer("3", when: "Return as (radio, required)")
    try pty.answer("", when: "Container (choice, required)")
    try pty.answer("RMA-LINE-21", when: "Reference (text)")
    try pty.answer("", when: "Comment (text)")
    try pty.answer("", when: "Reason (choice)")
    try pty.answer("yes", when: "Type confirm to commit it")
    try pty.answer("confirm", when: "Error: Type confirm to commit it")
    let id = try pty.committed()
    try pty.answer(":quit", when: "An empty line opens the details")
    #expect(pty.exitStatus() == 0)
    #expect(pty.brokenLines.isEmpty, "\(pty.brokenLines)\n\(pty.text)")
    // The pick list's hints ("Ctrl-Z undoes") name the line's answers, or are left out.
    #expect(KeyNames.lines(in: pty.text).isEmpty, "\(KeyNames.lines(in: pty.text))")
    #expect(pty.text.contains("Deallocate RB-1 tokens, step 1 of 3, Select."))
    // The result's allocation table is read a line per column, each value named.
    #expect(
      pty.text.range(
        of: #"RB-1: Maximum \d+, In Use \d+, Available \d+"#, options: .regularExpression) != nil,
      "\(pty.text)")

    let last = try #require(demo.lastTransaction())
    #expect(last["transactionId"] as? String == id)
    #expect(last["action"] as? String == "deallocate-hardware")
    #expect(last["reference"] as? String == "RMA-LINE-21")
    let moved = Set(demo.objects(["show", id, "--json"]).flatMap(Self.serials))
    #expect(Set(free.prefix(5)).isSubset(of: moved) || moved.isEmpty, "\(moved)")
    for serial in free.prefix(5) {
      #expect(!demo.freeSerials(account: Self.account, model: "RB-1").contains(serial))
    }
    #expect(demo.run(["verify"]).status == 0)
  }

  @Test(arguments: StoreKind.available)
  func softwareDeallocationAnsweredAsLines(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let before = try #require(demo.column("ACC-0002", "Capacity"))
    let pty = try LinePty(
      [
        Binary.path, "--data-dir", demo.path, "deallocate", "software", "--account", "ACC-0002",
        "--product", "capacity", "--quantity", "5", "--interactive",
      ], environment: demo.terminalEnvironment)
    try pty.answer(":back", when: "Type confirm to commit it")
    try pty.answer("", when: "Container (choice, required)")
    try pty.answer("RMA-SW-21", when: "Reference (text)")
    try pty.answer("", when: "Comment (text)")
    try pty.answer("", when: "Reason (choice)")
    try pty.answer("confirm", when: "Type confirm to commit it")
    try pty.answer(":quit", when: "Committed as T")
    #expect(pty.exitStatus() == 0)
    #expect(pty.brokenLines.isEmpty, "\(pty.brokenLines)")
    let last = try #require(demo.lastTransaction())
    #expect(last["action"] as? String == "deallocate-software")
    #expect(last["reference"] as? String == "RMA-SW-21")
    #expect(demo.column("ACC-0002", "Capacity")?.available == before.available - 5)
    #expect(demo.run(["verify"]).status == 0)
  }

  /// A range `A..B` is previewed with its count before anything moves: `no` leaves the list
  /// as it was, `yes` moves them, and the deallocation commits them all.
  @Test(arguments: StoreKind.available)
  func hardwareDeallocationWithARangeConfirmedByItsCount(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let free = demo.freeSerials(account: Self.account, model: "RB-1")
    try #require(free.count >= 5)
    let range = "\(free[1])..\(free[4])"
    let pty = try Self.hardwareWizard(demo, serial: free[0])
    try pty.answer(":back", when: "step 2 of 3, Reference")
    try pty.answer(range, when: "Type or scan serials")
    try pty.answer("no", when: "Move them? Type yes or no.")
    let first = try pty.wait(for: "Nothing moved.", after: pty.mark)
    #expect(!first.contains("moved to Deallocate"), "\(first)")
    try pty.answer(range, when: "Type or scan serials")
    let preview = try pty.wait(for: "Move them? Type yes or no.", after: pty.mark)
    #expect(preview.contains("Range \(range): 4 serials.\n4 to move to Deallocate"), "\(preview)")
    #expect(!preview.contains("Nothing moved."), "the last answer's status is not said again")
    try pty.answer("yes", when: "Move them? Type yes or no.")
    try pty.answer(":done", when: "4 serials moved to Deallocate")
    try pty.answer("", when: "Return as (radio, required)")
    try pty.answer("", when: "Container (choice, required)")
    try pty.answer("RMA-RANGE-21", when: "Reference (text)")
    try pty.answer("", when: "Comment (text)")
    try pty.answer("", when: "Reason (choice)")
    let confirm = try pty.wait(for: "Type confirm to commit it", after: pty.mark)
    #expect(confirm.contains("take 5 RB-1 hardware tokens from Contoso Bank"), "\(confirm)")
    try pty.answer("confirm", when: "Type confirm to commit it")
    let id = try pty.committed()
    try pty.answer(":quit", when: "An empty line opens the details")
    #expect(pty.exitStatus() == 0)
    #expect(pty.brokenLines.isEmpty, "\(pty.brokenLines)\n\(pty.text)")
    #expect(KeyNames.lines(in: pty.text).isEmpty, "\(KeyNames.lines(in: pty.text))")

    let last = try #require(demo.lastTransaction())
    #expect(last["transactionId"] as? String == id)
    #expect(last["reference"] as? String == "RMA-RANGE-21")
    let left = demo.freeSerials(account: Self.account, model: "RB-1")
    #expect(Set(free.prefix(5)).isDisjoint(with: left), "\(left.prefix(5))")
    #expect(left.count == free.count - 5)
    #expect(demo.run(["verify"]).status == 0)
  }

  static func serials(_ object: [String: Any]) -> [String] {
    (object["serials"] as? [String]) ?? []
  }

  @Test(arguments: StoreKind.available)
  func badInputGetsAnErrorAndTheSamePromptAgain(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let free = demo.freeSerials(account: Self.account, model: "RB-1")
    let pty = try Self.hardwareWizard(demo, serial: try #require(free.first))
    try pty.answer("9", when: "Return as (radio, required)")
    try pty.answer("faulty-ish", when: "Error: 9 is not one of the choices")
    try pty.answer(String(repeating: "x", count: 3_000), when: "Error: faulty-ish")
    try pty.answer(":frobnicate", when: "Error: xxxxxxxxxx")
    try pty.wait(for: "Error: :frobnicate is not a command", after: pty.mark)
    // Invalid UTF-8, straight to the terminal.
    pty.mark = pty.text.count
    pty.send(bytes: [0x66, 0xFF, 0x6F, 0x0A])
    try pty.answer(":quit", when: "Error: That line is not valid UTF-8")
    try pty.answer("yes", when: "Type yes to leave, or no to stay.")
    #expect(pty.exitStatus() == 0)
    #expect(pty.brokenLines.isEmpty, "\(pty.brokenLines)")
  }

  @Test(arguments: StoreKind.available)
  func endOfInputInAWizardKeepsTheDraftAndTheNextStartOffersResume(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let free = demo.freeSerials(account: Self.account, model: "RB-1")
    let pty = try Self.hardwareWizard(demo, serial: try #require(free.first))
    try pty.answer("RMA-EOF", when: "Return as (radio, required)")
    try pty.wait(for: "Error: RMA-EOF", after: pty.mark)
    // Ctrl-D at the start of a line: the end of input.
    pty.mark = pty.text.count
    pty.send("\u{04}")
    try pty.wait(for: "kept as a draft", after: pty.mark)
    #expect(pty.exitStatus() == 130)
    #expect(demo.run(["drafts"]).output.contains("Deallocate RB-1 tokens"))

    let next = try LinePty(
      [Binary.path, "--data-dir", demo.path], environment: demo.terminalEnvironment)
    try next.wait(for: "Resume")
    #expect(next.brokenLines.isEmpty, "\(next.brokenLines)")
  }

  @Test(arguments: StoreKind.available)
  func aDroppedConnectionMidWizardKeepsTheDraft(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let free = demo.freeSerials(account: Self.account, model: "RB-1")
    let pty = try Self.hardwareWizard(demo, serial: try #require(free.first))
    try pty.answer("3", when: "Return as (radio, required)")
    try pty.wait(for: "Container (choice, required)", after: pty.mark)
    pty.close()
    // A hang-up ends the process as its SIGHUP does (129), whichever came first: the draft is kept.
    let status = pty.exitStatus()
    #expect(status == 128 + SIGHUP, "\(status)")
    let drafts = demo.run(["drafts"]).output
    #expect(drafts.contains("Deallocate RB-1 tokens"), "\(drafts)")
  }

  /// A report longer than one step of background work (2,000 transactions) is finished
  /// before the answer is read back: on screen it runs between key polls, and the line mode
  /// has no key polls (it stopped at "Reading the ledger for Transactions: 75%").
  @Test(arguments: StoreKind.available)
  func aReportOverALongLedgerComesBackWhole(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let commits = demo.run(["_commit-test", "--mode", "loop", "--count", "2100"])
    #expect(commits.status == 0, "\(commits.output)")
    let total = demo.objects(["log", "--json"]).count
    #expect(total > 2_000)
    let pty = try LinePty(
      [Binary.path, "--data-dir", demo.path], environment: demo.terminalEnvironment)
    try pty.answer("6", when: "1 On-Boarding › Allocation: Allocation tables")
    try pty.answer(":quit", when: "Transactions: \(total) rows.")
    #expect(pty.exitStatus() == 0)
    #expect(!pty.text.contains("Reading the ledger"), "\(pty.text)")
    #expect(pty.brokenLines.isEmpty, "\(pty.brokenLines)")
  }

  @Test func homeOnADumbTerminalOpensTheLineMode() throws {
    let demo = try DemoDirectory(.file)
    defer { demo.remove() }
    let pty = try LinePty(
      [Binary.path, "--data-dir", demo.path], environment: demo.terminalEnvironment)
    try pty.answer("help", when: "1 On-Boarding › Allocation: Allocation tables")
    try pty.answer(":quit", when: "Commands (at every prompt)")
    #expect(pty.exitStatus() == 0)
    #expect(pty.brokenLines.isEmpty, "\(pty.brokenLines)")
  }
}
