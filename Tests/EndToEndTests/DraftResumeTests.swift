import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Drafts end to end (issue 9): a hardware deallocation with a serial moved and a reference
/// typed survives SIGHUP (a dropped SSH session) and SIGTERM; the next `stockroom` offers
/// Resume and lands on the same step with the same answers; a pick taken meanwhile is named.
@Suite(.serialized) struct DraftResumeTests {
  @Test(.postgres) func theDatabaseCasesRun() throws { try StoreKind.reachTheServer() }

  /// Fills Fabrikam's RB-1 wizard up to the Reference step.
  func startDraft(_ terminal: WizardTerminal) throws {
    let session = terminal.session
    try terminal.openAccount(search: "Fabrikam", name: "Fabrikam Health")
    try terminal.openCell("RB-1")
    session.send("Tab")
    session.send("Enter")
    try session.waitFor("RB1-1100839")
    session.send("Tab")
    session.send("Space", "Right")
    try session.waitFor("Deallocate (1)")
    session.send("Tab", "Tab", "Enter")
    try terminal.waitForStep(2)
    session.send("Tab", "Tab")
    session.type("RMA-77")
    try session.waitFor("RMA-77")
  }

  /// Sends `signal` to the program and waits for its pane to die.
  func end(_ session: TmuxSession, with signal: Int32) throws {
    let pid = try require(session.panePID, "pane pid")
    kill(pid, signal)
    let deadline = Date().addingTimeInterval(10)
    while Date() < deadline {
      let dead = session.tmux(["display-message", "-p", "-t", "0", "#{pane_dead}"]).output
      if dead.hasPrefix("1") { return }
      usleep(50_000)
    }
    throw E2EError("stockroom did not end on signal \(signal)")
  }

  /// A new `stockroom` that offers the draft; Enter resumes it.
  func resume(_ demo: DemoDirectory, offering: String = "Deallocate RB-1") throws -> TmuxSession {
    let session = try TmuxSession(
      command: "exec " + demo.command(), environment: demo.terminalEnvironment)
    let offer = try session.waitFor("Resume where you were?")
    #expect(offer.contains(offering), "\(offer)")
    session.send("Enter")
    return session
  }

  @Test(arguments: StoreKind.available)
  func hangupTerminateAndAStaleDraft(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let terminal = try WizardTerminal(demo)
    defer { terminal.close() }
    try startDraft(terminal)
    try end(terminal.session, with: SIGHUP)
    let listed = demo.run(["drafts", "--json"])
    #expect(listed.status == 0)
    #expect(listed.output.contains("\"position\":\"Step 2 of 3 · Reference\""), "\(listed.output)")

    let second = try resume(demo)
    defer { second.close() }
    let screen = try second.waitFor("Step 2 of 3")
    #expect(screen.contains("Deallocating 1 × RB-1: RB1-1100828"), "\(screen)")
    #expect(screen.contains("[RMA-77"), "\(screen)")
    second.type("B2")
    try second.waitFor("RMA-77B2")
    try end(second, with: SIGTERM)

    let third = try resume(demo)
    defer { third.close() }
    let again = try third.waitFor("Step 2 of 3")
    #expect(again.contains("RB1-1100828") && again.contains("[RMA-77B2"), "\(again)")
    try end(third, with: SIGTERM)

    // Another session deallocates the picked serial meanwhile: the resume says so.
    let taken = demo.run([
      "deallocate", "hardware", "--account", "ACC-0002", "--serial", "RB1-1100828",
      "--disposition", "return", "--yes",
    ])
    #expect(taken.status == 0, "\(taken.output)")
    let fourth = try resume(demo)
    defer { fourth.close() }
    let notice = try fourth.waitFor("Your picks changed while you were away")
    #expect(notice.contains("RB1-1100828"), "\(notice)")
    fourth.send("Enter")
    try fourth.waitFor("Step 2 of 3")
    // Leaving on purpose (and saying so) drops the draft; nothing was committed by a resume.
    fourth.send("C-c")
    try fourth.waitFor("Leave without saving?")
    fourth.send("y")
    try fourth.waitUntil("the program ends") { _ in
      fourth.tmux(["display-message", "-p", "-t", "0", "#{pane_dead}"]).output.hasPrefix("1")
    }
    #expect(demo.run(["drafts"]).output.contains("No drafts."))
    let log = demo.run(["log", "--json"]).output.split(separator: "\n")
    #expect(
      log.filter { $0.contains("RB1-1100828") && $0.contains("deallocate-hardware") }.count == 1)
    #expect(demo.run(["verify"]).status == 0)
  }

  /// A wizard opened by `--interactive` keeps a draft from its first answer:
  /// a dropped connection (SIGHUP) before the screens were ever home loses nothing.
  @Test(arguments: StoreKind.available)
  func anInteractiveWizardComesBackWithResume(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let session = try TmuxSession(
      command: "exec "
        + demo.command([
          "deallocate", "hardware", "--account", "ACC-0002", "--serial", "RB1-1100828",
          "--interactive",
        ]), environment: demo.terminalEnvironment)
    defer { session.close() }
    let opened = try session.waitFor("Step 2 of 3")
    #expect(opened.contains("Deallocating 1 × RB-1: RB1-1100828"), "\(opened)")
    session.send("Tab", "Tab")
    session.type("RMA-9")
    try session.waitFor("[RMA-9")
    // The draft is written within a moment of the last key; then the line drops.
    try session.waitUntil("the draft is saved") { _ in
      demo.run(["drafts", "--json"]).output.contains("RMA-9")
    }
    try end(session, with: SIGHUP)
    let listed = demo.run(["drafts", "--json"]).output
    #expect(listed.contains("\"wizard\":\"deallocate\""), "\(listed)")
    #expect(listed.contains("\"step\":\"reference\""), "\(listed)")
    let second = try resume(demo)
    defer { second.close() }
    let screen = try second.waitFor("Step 2 of 3")
    #expect(screen.contains("RB1-1100828") && screen.contains("[RMA-9"), "\(screen)")
    // Confirmed once: one transaction with the draft's answers, and the draft gone.
    let terminal = WizardTerminal(session: second)
    second.send("Enter", "Enter", "Enter", "Enter")
    try terminal.waitForStep(3)
    let id = try terminal.confirm()
    let moves = demo.objects(["log", "--serial", "RB1-1100828", "--json"]).filter {
      $0["action"] as? String == "deallocate-hardware"
    }
    #expect(moves.count == 1)
    #expect(moves.first?["transactionId"] as? String == id)
    #expect(moves.first?["reference"] as? String == "RMA-9")
    #expect(demo.run(["drafts"]).output.contains("No drafts."))
    #expect(demo.run(["verify"]).status == 0)
  }

  /// `arguments` opened with `--interactive`, `typed` typed into the focused field, the
  /// line dropped (SIGHUP); the next `stockroom` offers the draft and shows `typed` again.
  func interactiveSurvivesHangup(
    _ arguments: [String], on kind: StoreKind, ready: String, typed: String, offering: String
  ) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let session = try TmuxSession(
      command: "exec " + demo.command(arguments + ["--interactive"]),
      environment: demo.terminalEnvironment)
    defer { session.close() }
    try session.waitFor(ready)
    session.type(typed)
    try session.waitFor(typed)
    try session.waitUntil("the draft is saved") { _ in
      demo.run(["drafts", "--json"]).output.contains(typed)
    }
    try end(session, with: SIGHUP)
    let second = try resume(demo, offering: offering)
    defer { second.close() }
    let screen = try second.waitFor(typed)
    #expect(screen.contains(ready), "\(screen)")
    try end(second, with: SIGTERM)
  }

  @Test(arguments: StoreKind.available)
  func swapInteractiveComesBackWithResume(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let session = try TmuxSession(
      command: "exec "
        + demo.command([
          "swap", "--subscription", "SUB-000001", "--item", "STB-10001", "--new", "STB-10007",
          "--reason", "stolen", "--performed-by", "Sam Tech", "--reference", "WO-77",
          "--interactive",
        ]), environment: demo.terminalEnvironment)
    defer { session.close() }
    try session.waitFor("Step 4 of 4")
    // Back to the details step: the answers given by the options are the draft.
    session.send("Escape")
    try session.waitFor("Step 3 of 4")
    try session.waitUntil("the draft is saved") { _ in
      demo.run(["drafts", "--json"]).output.contains("WO-77")
    }
    try end(session, with: SIGHUP)
    let second = try resume(demo, offering: "Swap")
    defer { second.close() }
    let screen = try second.waitFor("Step 3 of 4")
    #expect(screen.contains("[Sam Tech") && screen.contains("[WO-77"), "\(screen)")
    try end(second, with: SIGTERM)
  }

  @Test(arguments: StoreKind.available)
  func orderNewInteractiveComesBackWithResume(kind: StoreKind) throws {
    try interactiveSurvivesHangup(
      ["order", "new", "--type", "upgrade", "--line", "312-555-0107"], on: kind,
      ready: "Step 2 of 3", typed: "Pixel 9", offering: "New wireless order")
  }
}
