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
    session.send("6")
    try session.waitFor("Transactions · ")
    session.send("Tab", "Down", "Down")
    try session.waitFor("Warranty claim")
    session.send("Enter")
    let shown = try session.waitFor("Transactions · 1 rows")
    #expect(shown.contains(id), "\(shown)")
    session.send("BTab", "BTab", "e")
    try session.waitFor("Export Transactions")
    session.send("c")
    try session.waitFor("Exported to")
    let folder = demo.path + "/exports"
    let names = try FileManager.default.contentsOfDirectory(atPath: folder)
    let name = try #require(names.first { $0.hasPrefix("transactions-") && $0.hasSuffix(".csv") })
    let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/" + name)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
    let lines = text.split(separator: "\r\n")
    #expect(lines.count == 2, "\(text)")
    #expect(lines.first?.hasPrefix("transactionId,time,action,") == true)
    #expect(lines.last?.hasPrefix(id + ",") == true && lines.last?.contains(",warranty,") == true)
  }
}
