import Foundation
import TestSupport
import Testing

/// A refusal at Confirm, in a real terminal, takes the user to the control it belongs to,
/// with the step shown in the top line (issue 14's acceptance).
@Suite(.serialized) struct ConfirmRefusalTests {
  @Test(.postgres) func theDatabaseCasesRun() throws { try StoreKind.reachTheServer() }

  /// The receiving wizard is on Confirm with three new serials when another session receives
  /// one of them: Confirm is refused in the store's words, and the wizard goes to Step 2 of
  /// 3, the serial list, its cursor on the serial taken; nothing of it is committed, and
  /// Delete there takes the serial off so the rest can be received.
  @Test(arguments: StoreKind.available)
  func aSerialReceivedMeanwhileLandsOnTheListInStep2(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let terminal = try WizardTerminal(
      demo,
      arguments: [
        "receive", "--interactive", "--model", "KT-4", "--ownership", "owned", "--serial",
        "E2E-00001", "E2E-00002", "E2E-00003", "--reference", "DN-2026-78",
      ], waitingFor: "Receive stock")
    defer { terminal.close() }
    let session = terminal.session
    let confirm = try terminal.waitForStep(3)
    #expect(confirm.contains("receive 3 new KT-4 hardware tokens"), "\(confirm)")

    let other = demo.run([
      "receive", "--model", "KT-4", "--serial", "E2E-00002", "--ownership", "owned", "--yes",
    ])
    #expect(other.status == 0, "\(other.output)")
    let committed = try #require(demo.lastTransaction())

    session.send("Enter")
    let refused = try session.waitUntil("the refusal on Step 2 of 3") {
      WizardTerminal.step(of: $0) == 2 && $0.contains("already in the inventory: E2E-00002")
    }
    let top = refused.split(separator: "\n").first.map(String.init) ?? ""
    #expect(top.contains("Step 2 of 3"), "top line: \(top)")
    #expect(refused.contains("E2E-00001") && refused.contains("E2E-00003"), "\(refused)")
    #expect(
      terminal.statusLine().contains("serial already in the inventory: E2E-00002"),
      "\(terminal.statusLine())")
    // The list has focus, its cursor (reverse video) on the serial taken.
    let styled = session.capture(escapes: true)
    let row = try #require(
      styled.split(separator: "\n").first { $0.contains("E2E-00002") }, "the E2E-00002 row")
    #expect(row.contains("\u{1B}[7m"), "E2E-00002 is not highlighted: \(row.debugDescription)")
    try session.waitForStableScreen()
    let last = try #require(demo.lastTransaction())
    #expect(last["transactionId"] as? String == committed["transactionId"] as? String)
    #expect(demo.token("E2E-00001") == nil)

    // Delete takes the highlighted serial off; the other two are received.
    session.send("DC")
    try session.waitFor("2 to receive")
    #expect(!terminal.body().contains("E2E-00002"), "\(terminal.body())")
    session.send("Tab", "Enter")
    try terminal.waitForStep(3)
    let id = try terminal.confirm()
    #expect(demo.lastTransaction()?["transactionId"] as? String == id)
    #expect(demo.token("E2E-00001")?["state"] as? String == "available")
    #expect(demo.run(["verify"]).status == 0)
  }
}
