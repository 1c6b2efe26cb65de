import Foundation
import TestSupport
import Testing

/// The deallocation wizard end to end in a real terminal (issue 4's
/// acceptance): every flow from the home screen to the Transaction ID, then
/// the headless commands show the change and `verify` passes.
@Suite(.serialized) struct DeallocationWizardTests {
  @Test(.postgres) func theDatabaseCasesRun() throws { try StoreKind.reachTheServer() }

  static let fabrikam = (code: "ACC-0002", search: "Fabrikam", name: "Fabrikam Health")

  @Test(arguments: StoreKind.available)
  func softwareFlowFromHomeToTransactionID(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let sms = try #require(demo.column("ACC-0002", "SMS Rental"))
    let capacity = try #require(demo.column("ACC-0002", "Capacity"))
    let terminal = try WizardTerminal(demo)
    defer { terminal.close() }
    let session = terminal.session
    let home = session.capture()
    #expect(home.contains(demo.homeLocation), "\(home)")
    try terminal.openAccount(search: "Fabrikam", name: "Fabrikam Health")
    try terminal.openCell("SMS Rental")
    session.send("Tab")
    session.type("12")
    session.send("Enter")
    session.send("Enter")
    try terminal.waitForStep(2)
    #expect(session.capture().contains("Deallocating 12 SMS Rental tokens, with 12 units"))
    session.send("Tab")
    session.type("RMA-2026-77")
    session.send("Tab")
    session.type("Users left in October")
    session.send("Enter")
    session.send("Enter", "Enter")
    let confirm = try terminal.waitForStep(3)
    #expect(confirm.contains("This will:"))
    #expect(
      confirm.contains(
        "take 12 SMS Rental tokens from Fabrikam Health (Available \(sms.available) → "
          + "\(sms.available - 12))"), "\(confirm)")
    #expect(
      confirm.contains(
        "also deallocate 12 units of Capacity (Available \(capacity.available) → "
          + "\(capacity.available - 12))"), "\(confirm)")
    let id = try terminal.confirm()
    #expect(session.capture().contains("Committed as \(id)."))

    let last = try #require(demo.lastTransaction())
    #expect(last["transactionId"] as? String == id)
    #expect(last["action"] as? String == "deallocate-software")
    #expect(last["account"] as? String == "ACC-0002")
    #expect(last["reference"] as? String == "RMA-2026-77")
    #expect(last["comment"] as? String == "Users left in October")
    let items = (last["items"] as? [[String: Any]]) ?? []
    #expect(items.compactMap { $0["quantity"] as? Int } == [12, 12])
    #expect(demo.column("ACC-0002", "SMS Rental")?.available == sms.available - 12)
    #expect(demo.column("ACC-0002", "Capacity")?.available == capacity.available - 12)
    #expect(demo.run(["verify"]).status == 0)
  }

  @Test(arguments: StoreKind.available)
  func mobilePassFlowFromHomeToTransactionID(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let before = try #require(demo.column("ACC-0002", "MobilePASS"))
    let terminal = try WizardTerminal(demo)
    defer { terminal.close() }
    let session = terminal.session
    try terminal.openAccount(search: "Fabrikam", name: "Fabrikam Health")
    try terminal.openCell("MobilePASS")
    session.type("4")
    session.send("Enter")
    session.send("Enter")
    try terminal.waitForStep(2)
    #expect(session.capture().contains("Deallocating 4 MobilePASS tokens"))
    session.send("Tab")
    session.type("WO-2026/11 #4")
    session.send("Enter")
    session.type("Pilot ended")
    session.send("Enter")
    session.send("Enter", "Enter")
    let confirm = try terminal.waitForStep(3)
    #expect(
      confirm.contains(
        "take 4 MobilePASS tokens from Fabrikam Health (Available \(before.available) → "
          + "\(before.available - 4))"), "\(confirm)")
    let id = try terminal.confirm()

    let last = try #require(demo.lastTransaction())
    #expect(last["transactionId"] as? String == id)
    #expect(last["action"] as? String == "deallocate-mobilepass")
    #expect(last["reference"] as? String == "WO-2026/11 #4")
    #expect(last["comment"] as? String == "Pilot ended")
    #expect(demo.column("ACC-0002", "MobilePASS")?.available == before.available - 4)
    #expect(demo.run(["verify"]).status == 0)
  }

  @Test(arguments: StoreKind.available)
  func hardwareFlowWithPickListScanAndFaulty(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let free = demo.freeSerials(account: "ACC-0002", model: "KT-4")
    try #require(free.count >= 3)
    let before = try #require(demo.column("ACC-0002", "KT-4"))
    let scanned = try #require(free.last)
    let marked = Array(free.prefix(2))
    let terminal = try WizardTerminal(demo)
    defer { terminal.close() }
    let session = terminal.session
    try terminal.openAccount(search: "Fabrikam", name: "Fabrikam Health")
    try terminal.openCell("KT-4")
    session.send("Tab")
    session.send("Enter")
    try session.waitFor("\(free.count) serials listed")
    session.type(scanned)
    session.send("Enter")
    try session.waitFor("\(scanned) moved to Deallocate.")
    session.send("Tab")
    session.send("Space", "Down", "Space", "Right")
    let picked = try session.waitFor("Deallocate (3)")
    #expect(picked.contains("Allocated (\(free.count - 3))"))
    session.send("Tab", "Tab", "Enter")
    let reference = try terminal.waitForStep(2)
    for serial in marked + [scanned] { #expect(reference.contains(serial)) }
    session.send("Down", "Down", "Space")
    try session.waitFor("(•) Faulty")
    session.send("Tab", "Tab")
    session.type("RMA-HW-1")
    session.send("Enter", "Enter", "Enter", "Enter")
    let confirm = try terminal.waitForStep(3)
    #expect(confirm.contains("return them in the Faulty state"), "\(confirm)")
    #expect(confirm.contains("(Available \(before.available) → \(before.available - 3))"))
    for serial in marked + [scanned] { #expect(confirm.contains(serial)) }
    let id = try terminal.confirm()

    for serial in marked + [scanned] {
      let token = try #require(demo.token(serial))
      #expect(token["state"] as? String == "faulty", "\(serial)")
      #expect(token["account"] is NSNull, "\(serial)")
    }
    let last = try #require(demo.lastTransaction())
    #expect(last["transactionId"] as? String == id)
    #expect(last["action"] as? String == "deallocate-hardware")
    #expect(last["reference"] as? String == "RMA-HW-1")
    #expect(Set(Self.serials(of: last)) == Set(marked + [scanned]))
    #expect(demo.column("ACC-0002", "KT-4")?.available == before.available - 3)
    #expect(demo.run(["verify"]).status == 0)
  }

  /// Letters, 0 and too many in the quantity; 65- and 129-character texts; a
  /// pasted control character; Back and Esc: each refused with a message,
  /// what was typed kept, and the answers still there on the way forward.
  @Test(arguments: StoreKind.available)
  func badInputIsRefusedAndNothingIsLost(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let limit = try #require(demo.column("ACC-0002", "MobilePASS")).available
    let terminal = try WizardTerminal(demo)
    defer { terminal.close() }
    let session = terminal.session
    try terminal.openAccount(search: "Fabrikam", name: "Fabrikam Health")
    try terminal.openCell("MobilePASS")
    let cases = [
      ("abc", "[abc ", "A whole number, please"), ("0", "[0 ", "From 1 to \(limit)"),
      ("\(limit + 1)", "[\(limit + 1) ", "From 1 to \(limit)"),
    ]
    for (typed, field, message) in cases {
      session.send("C-u")
      session.type(typed)
      try session.waitUntil("'\(message)' beside [\(typed)]") { screen in
        screen.split(separator: "\n").contains {
          $0.contains("Deallocate   \(field)") && $0.contains(message)
        }
      }
      try pressRefusedNext(terminal)
      let screen = session.capture()
      #expect(WizardTerminal.step(of: screen) == 1, "Next went on with \(typed)")
      #expect(terminal.statusLine().contains("Deallocate: \(message)"), "\(screen)")
      #expect(screen.contains("Deallocate   \(field)"), "\(typed) not kept:\n\(screen)")
    }
    session.send("C-u")
    session.type("5")
    try session.waitUntil("the quantity accepted") { !$0.contains("From 1 to") }
    session.send("Enter", "Enter")
    try terminal.waitForStep(2)

    let reference = "RMA-" + String(repeating: "R", count: 60)
    let comment = String(repeating: "c", count: 128)
    session.send("Tab")
    session.type("RMA-")
    terminal.paste("AB\u{1B}[2JCD")
    var screen = try session.waitFor("Reference: Control characters are not allowed")
    #expect(screen.contains("[RMA-" + String(repeating: " ", count: 36) + "]"), "\(screen)")
    session.type(String(reference.dropFirst(4)) + "X")
    screen = try session.waitFor("Reference: At most 64 characters")
    #expect(screen.contains("[" + String(reference.suffix(39)) + " ]"), "\(screen)")
    session.send("Tab")
    session.type(comment + "d")
    screen = try session.waitFor("128/128")
    #expect(screen.contains("[" + String(comment.prefix(55)) + " ]"), "\(screen)")
    #expect(screen.contains("Comment: At most 128 characters"), "no refusal shown:\n\(screen)")
    session.send("Enter", "Enter", "Enter")
    var confirm = try terminal.waitForStep(3)
    #expect(Self.squeezed(confirm).contains("Reference\(reference)Comment\(comment)By"))

    // Back from Confirm, then Esc from Reference: nothing is lost.
    session.send("Left", "Enter")
    screen = try terminal.waitForStep(2)
    #expect(screen.contains(String(reference.suffix(39))), "\(screen)")
    #expect(screen.contains(String(comment.prefix(55))), "\(screen)")
    session.send("Escape")
    screen = try terminal.waitForStep(1)
    #expect(session.capture().contains("Deallocate   [5 "))
    session.send("Enter", "Enter")
    screen = try terminal.waitForStep(2)
    #expect(screen.contains("Deallocating 5 MobilePASS tokens"))
    #expect(screen.contains(String(reference.suffix(39))), "\(screen)")
    session.send("Tab", "Tab", "Tab", "Tab", "Enter")
    confirm = try terminal.waitForStep(3)
    #expect(Self.squeezed(confirm).contains("Reference\(reference)Comment\(comment)By"))
    let id = try terminal.confirm()
    let last = try #require(demo.lastTransaction())
    #expect(last["transactionId"] as? String == id)
    #expect(last["reference"] as? String == reference)
    #expect(last["comment"] as? String == comment)
    #expect(demo.column("ACC-0002", "MobilePASS")?.available == limit - 5)
    #expect(demo.run(["verify"]).status == 0)
  }

  /// Esc on a later step goes back one step and nothing more.
  @Test(arguments: StoreKind.available)
  func escapeStepsBackWithoutAskingToLeave(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let terminal = try WizardTerminal(demo)
    defer { terminal.close() }
    let session = terminal.session
    try terminal.openAccount(search: "Fabrikam", name: "Fabrikam Health")
    try terminal.openCell("MobilePASS")
    session.type("5")
    session.send("Enter", "Enter")
    try terminal.waitForStep(2)
    session.send("Tab", "Tab", "Tab", "Tab", "Enter")
    try terminal.waitForStep(3)
    session.send("Escape")
    try terminal.waitForStep(2)
    // Whatever else that Escape does is on screen once the screen settles.
    var settled = try session.waitForStableScreen()
    #expect(WizardTerminal.step(of: settled) == 2, "\(settled)")
    #expect(!settled.contains("Leave without saving?"), "\(settled)")
    session.send("Escape")
    try terminal.waitForStep(1)
    settled = try session.waitForStableScreen()
    #expect(WizardTerminal.step(of: settled) == 1, "\(settled)")
    #expect(!settled.contains("Leave without saving?"), "\(settled)")
  }

  @Test(arguments: StoreKind.available)
  func twoSessionsPickingOneSerialWriteItOnce(kind: StoreKind) throws {
    let race = try SerialRace(kind)
    defer { race.close() }
    #expect(race.refusal.contains(race.taken), "\(race.refusal)")
    let log = race.demo.objects(["log", "--json"])
    #expect(log.count == race.transactionsBefore + 1)
    let moves = log.filter {
      $0["action"] as? String == "deallocate-hardware" && Self.serials(of: $0).contains(race.taken)
    }
    #expect(moves.count == 1)
    #expect(moves.first?["transactionId"] as? String == race.committedID)
    #expect(race.demo.token(race.taken)?["state"] as? String == "available")
    #expect(race.demo.token(race.other)?["state"] as? String == "allocated")
    #expect(race.demo.run(["verify"]).status == 0)
  }

  @Test(arguments: StoreKind.available)
  func theSecondSessionReturnsToThePickListKeepingItsAnswers(kind: StoreKind) throws {
    let race = try SerialRace(kind)
    defer { race.close() }
    let screen = try race.b.waitForStep(1)
    let body = race.b.body()
    #expect(!body.contains(race.taken), "\(screen)")
    #expect(body.contains("Deallocate (1)"), "\(screen)")
    #expect(body.contains(race.other), "\(screen)")
    race.b.session.send("Tab", "Tab", "Tab", "Enter")
    let reference = try race.b.waitForStep(2)
    #expect(reference.contains("[RMA-B "), "\(reference)")
  }

  // MARK: - Helpers

  /// Waits for focus on Next, presses it, then moves focus back to the field
  /// and waits for that, so the refused press has certainly been handled.
  private func pressRefusedNext(_ terminal: WizardTerminal) throws {
    let session = terminal.session
    session.send("Enter")
    try session.waitUntil("Next focused") { _ in
      session.capture(escapes: true).contains("7m[ Next > ]")
    }
    session.send("Enter", "BTab")
    try session.waitUntil("focus back on the field") { _ in
      !session.capture(escapes: true).contains("7m[ Next > ]")
    }
  }

  /// The screen without frame lines and spaces, so wrapped values read whole.
  static func squeezed(_ screen: String) -> String {
    String(
      screen.unicodeScalars.filter { $0 != " " && $0 != "\n" && $0 != "│" }.map(Character.init))
  }

  /// Every serial a logged transaction moved.
  static func serials(of transaction: [String: Any]) -> [String] {
    ((transaction["items"] as? [[String: Any]]) ?? []).flatMap {
      ($0["serials"] as? [String]) ?? []
    }
  }
}

/// Two sessions on one data directory both put the same serial in Deallocate
/// and reach Confirm; A confirms, then B confirms and is refused.
struct SerialRace {
  let demo: DemoDirectory
  let a: WizardTerminal
  let b: WizardTerminal
  /// The serial both picked, and the one only B picked.
  let taken: String
  let other: String
  let committedID: String
  /// How many transactions the log held before either session committed.
  let transactionsBefore: Int
  /// B's status line after its Confirm.
  let refusal: String

  init(_ kind: StoreKind) throws {
    demo = try DemoDirectory(kind)
    let free = demo.serials(account: "ACC-0004", inUse: false).filter { $0.hasPrefix("RB1-") }
    guard free.count >= 2 else { throw E2EError("ACC-0004 has too few free RB-1 tokens") }
    taken = free[0]
    transactionsBefore = demo.objects(["log", "--json"]).count
    other = free[1]
    a = try WizardTerminal(demo)
    b = try WizardTerminal(demo)
    for terminal in [a, b] {
      try terminal.openAccount(search: "Northwind", name: "Northwind Traders")
      try terminal.openCell("RB-1")
      terminal.session.send("Tab", "Enter")  // Search; focus goes to the scan field
      try terminal.session.waitFor("serials listed")
      terminal.session.type(taken)
      terminal.session.send("Enter")
      try terminal.session.waitFor("\(taken) moved to Deallocate.")
    }
    b.session.type(other)
    b.session.send("Enter")
    try b.session.waitFor("\(other) moved to Deallocate.")
    for terminal in [a, b] {
      terminal.session.send("Tab", "Tab", "Tab", "Enter")
      try terminal.waitForStep(2)
    }
    a.session.send("Tab", "Tab", "Tab", "Tab", "Tab", "Enter")
    b.session.send("Tab", "Tab")
    b.session.type("RMA-B")
    b.session.send("Enter", "Enter", "Enter", "Enter")
    for terminal in [a, b] { try terminal.waitForStep(3) }
    committedID = try a.confirm()
    b.session.send("Enter")
    let name = taken
    try b.session.waitUntil("B's Confirm refused naming \(name)") { screen in
      let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
      return lines.count > 22 && lines[22].contains(name)
    }
    refusal = b.statusLine()
  }

  func close() {
    a.close()
    b.close()
    demo.remove()
  }
}
