import Foundation
import TestSupport
import Testing

/// A hardware deallocation reversed from its Transaction screen in a real terminal: the
/// allocation table and `tokens --json` are as before the deallocation, `verify` passes, and
/// a second reversal is refused; `reverse --interactive` opens the same Confirm.
@Suite(.serialized) struct ReversalTerminalTests {
  @Test(.postgres) func theDatabaseCasesRun() throws { try StoreKind.reachTheServer() }

  @Test(arguments: StoreKind.available)
  func aDeallocationIsReversedFromItsTransactionScreen(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let (id, _, tables) = try ReverseHeadlessTests.deallocated(demo, ["--disposition", "lost"])
    let terminal = try WizardTerminal(demo)
    defer { terminal.close() }
    let session = terminal.session
    let (confirm, reversal) = try terminal.reverse(
      id, search: "Fabrikam", name: "Fabrikam Health", why: "Lost by mistake")
    #expect(confirm.contains("Reverse \(id) (deallocate-hardware ACC-0002)"), "\(confirm)")
    #expect(confirm.contains("Put 2 RB-1 serials back on ACC-0002 as allocated"), "\(confirm)")
    #expect(ReverseHeadlessTests.tables(demo) == tables)
    #expect(demo.run(["verify"]).status == 0)
    session.send("Enter")
    try session.waitFor("Reversed by \(reversal)")
    session.type("v")
    try session.waitFor("already reversed by \(reversal)")
    let again = demo.run(["reverse", id, "--why", "twice", "--yes"])
    #expect(again.status == 1 && again.output.contains("already reversed by \(reversal)"))
  }

  @Test func interactiveOpensTheConfirmWithTheWhy() throws {
    let demo = try DemoDirectory()
    defer { demo.remove() }
    let free = demo.serials(account: "ACC-0002", inUse: false)
    try #require(!free.isEmpty)
    let id = try ReverseHeadlessTests.committed(
      demo.run([
        "deallocate", "hardware", "--account", "ACC-0002", "--serial", free[0],
        "--disposition", "return", "--yes", "--json",
      ]))
    let terminal = try WizardTerminal(
      demo, arguments: ["reverse", id, "--why", "Wrong box", "--interactive"],
      waitingFor: "Reverse \(id) (deallocate-hardware")
    defer { terminal.close() }
    #expect(terminal.session.capture().contains("[Wrong box"))
    terminal.session.send("Tab")
    terminal.session.send("Enter")
    try terminal.session.waitFor("Reversed. Transaction ID T")
    terminal.session.send("Enter")
    try terminal.session.waitFor("Reversed by T")
  }
}
