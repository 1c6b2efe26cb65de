import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Drafts across the two modes (issue 21): the connection drops in the middle of the line
/// mode and the screens offer Resume at the same step; a wizard left on screen is offered
/// in the line mode, its answers read as lines.
@Suite(.serialized) struct LineDraftCrossTests {
  @Test(.postgres) func theDatabaseCasesRun() throws { try StoreKind.reachTheServer() }

  let screens = DraftResumeTests()

  @Test(arguments: StoreKind.available)
  func aLineModeDraftIsOfferedOnScreen(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let serial = try #require(demo.freeSerials(account: LineModeTests.account, model: "RB-1").first)
    let pty = try LineModeTests.hardwareWizard(demo, serial: serial)
    try pty.answer("3", when: "Return as (radio, required)")
    try pty.answer("", when: "Container (choice, required)")
    try pty.answer("RMA-LINE-9", when: "Reference (text)")
    try pty.wait(for: "Comment (text)", after: pty.mark)
    pty.close()
    let status = pty.exitStatus()
    #expect(status == 128 + SIGHUP, "\(status)")
    #expect(pty.brokenLines.isEmpty, "\(pty.brokenLines)")
    let listed = demo.run(["drafts", "--json"]).output
    #expect(listed.contains("RMA-LINE-9"), "\(listed)")

    let session = try screens.resume(demo)
    defer { session.close() }
    let screen = try session.waitFor("Step 2 of 3")
    #expect(screen.contains(serial) && screen.contains("[RMA-LINE-9"), "\(screen)")
    try screens.end(session, with: SIGTERM)
    #expect(demo.run(["drafts", "--json"]).output.contains("RMA-LINE-9"))
    #expect(demo.run(["verify"]).status == 0)
  }

  @Test(arguments: StoreKind.available)
  func aScreenDraftIsOfferedInTheLineMode(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let session = try TmuxSession(
      command: "exec "
        + demo.command([
          "deallocate", "hardware", "--account", "ACC-0002", "--serial", "RB1-1100828",
          "--interactive",
        ]), environment: demo.terminalEnvironment)
    defer { session.close() }
    try session.waitFor("Step 2 of 3")
    session.send("Tab", "Tab")
    session.type("RMA-SCREEN-9")
    try session.waitUntil("the draft is saved") { _ in
      demo.run(["drafts", "--json"]).output.contains("RMA-SCREEN-9")
    }
    try screens.end(session, with: SIGHUP)

    let pty = try LinePty(
      [Binary.path, "--data-dir", demo.path], environment: demo.terminalEnvironment)
    try pty.answer("1", when: "Deallocate RB-1")
    // The same step and field, the answer typed on screen its current value.
    let resumed = try pty.wait(for: "Type the value", after: pty.mark)
    #expect(resumed.contains("step 2 of 3, Reference"), "\(resumed)")
    #expect(resumed.contains("Now: RMA-SCREEN-9."), "\(resumed)")
    try pty.answer("", when: "Type the value")
    try pty.answer("", when: "Comment (text)")
    try pty.answer("", when: "Reason (choice)")
    try pty.answer("confirm", when: "Type confirm to commit it")
    try pty.answer(":quit", when: "Committed as T")
    #expect(pty.exitStatus() == 0)
    #expect(pty.brokenLines.isEmpty, "\(pty.brokenLines)")
    // The draft's answers committed once, and the draft gone.
    let moves = demo.objects(["log", "--serial", "RB1-1100828", "--json"]).filter {
      $0["action"] as? String == "deallocate-hardware"
    }
    #expect(moves.count == 1)
    #expect(moves.first?["reference"] as? String == "RMA-SCREEN-9")
    #expect(demo.run(["drafts"]).output.contains("No drafts."))
    #expect(demo.run(["verify"]).status == 0)
  }
}
