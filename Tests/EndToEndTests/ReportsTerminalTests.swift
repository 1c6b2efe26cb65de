import Foundation
import TestSupport
import Testing

/// Home › Reports end to end in a real terminal (issue 18's acceptance): a hardware
/// deallocation told its return reason in the wizard, then the transactions report filtered
/// by that reason and exported to the data directory's `exports/`.
@Suite(.serialized) struct ReportsTerminalTests {
  @Test(.postgres) func theDatabaseCasesRun() throws { try StoreKind.reachTheServer() }

  @Test(arguments: StoreKind.available)
  func aReturnReasonFiltersTheTransactionsReportWhichIsExported(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let free = demo.freeSerials(account: "ACC-0002", model: "KT-4")
    try #require(!free.isEmpty)
    var terminal = try WizardTerminal(demo)
    var session = terminal.session
    try terminal.openAccount(search: "Fabrikam", name: "Fabrikam Health")
    try terminal.openCell("KT-4")
    session.send("Tab")
    session.send("Enter")
    try session.waitFor("\(free.count) serials listed")
    session.type(free[0])
    session.send("Enter")
    try session.waitFor("\(free[0]) moved to Deallocate.")
    session.send("Tab", "Tab", "Tab", "Enter")
    try terminal.waitForStep(2)
    // Return as, Container, Reference, Comment, then Reason: Warranty claim.
    session.send("Tab", "Tab", "Tab", "Tab", "Down", "Down")
    try session.waitFor("Warranty claim")
    session.send("Tab", "Enter")
    let confirm = try terminal.waitForStep(3)
    #expect(confirm.contains("Reason      Warranty claim"), "\(confirm)")
    let id = try terminal.confirm()
    #expect(demo.objects(["show", id, "--json"]).first?["returnReason"] as? String == "warranty")
    terminal.close()

    terminal = try WizardTerminal(demo)
    defer { terminal.close() }
    session = terminal.session
    let shown = try terminal.transactionsReport(reason: "Warranty claim", downs: 2, rows: 1)
    #expect(shown.contains(id), "\(shown)")
    let lines = try terminal.exportedCSV(demo, prefix: "transactions-")
    #expect(lines.count == 2, "\(lines)")
    #expect(lines.first?.hasPrefix("transactionId,time,action,") == true)
    #expect(lines.last?.hasPrefix(id + ",") == true && lines.last?.contains(",warranty,") == true)
  }
  /// In one session: a deallocation told its return reason is reversed from its Transaction
  /// screen (`v`), then Home › Reports finds it by that reason and exports it; the reversal
  /// has no reason of its own, so the export holds the deallocation alone.
  @Test(arguments: StoreKind.available)
  func aReversedDeallocationIsFoundByItsReasonAndExported(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let (id, _, tables) = try ReverseHeadlessTests.deallocated(
      demo, ["--disposition", "return", "--return-reason", "warranty"])
    let terminal = try WizardTerminal(demo)
    defer { terminal.close() }
    let (_, reversal) = try terminal.reverse(
      id, search: "Fabrikam", name: "Fabrikam Health", why: "Wrong account")
    #expect(ReverseHeadlessTests.tables(demo) == tables)
    terminal.session.send("Enter")
    try terminal.session.waitFor("Reversed by \(reversal)")
    try terminal.backHome()
    let shown = try terminal.transactionsReport(reason: "Warranty claim", downs: 2, rows: 1)
    #expect(shown.contains(id) && !shown.contains(reversal), "\(shown)")
    let lines = try terminal.exportedCSV(demo, prefix: "transactions-")
    #expect(lines.count == 2, "\(lines)")
    #expect(lines.first?.hasPrefix("transactionId,time,action,") == true)
    let row = lines.last.map(String.init) ?? ""
    #expect(row.hasPrefix(id + ",") && row.contains(",deallocate-hardware,ACC-0002,"), "\(row)")
    #expect(row.contains(",warranty,"), "\(row)")
  }
}
