import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The real binary in a real terminal: start, quit, signals, resize, and the
/// terminal left as it was found (issue 2's acceptance).
@Suite(.serialized) struct TerminalLifecycleTests {
  /// A run of `stockroom` in a pane, wrapped so the pane records `stty -a`
  /// before and after and the exit code, then stays open for inspection.
  struct Run {
    let session: TmuxSession
    let dataDir: String
    /// Where the wrapper writes `before`, `after` and `rc`.
    let files: String

    init(
      arguments: String = "", width: Int = 80, height: Int = 24, term: String = "tmux-256color",
      environment: [String: String] = ["LANG": "C.UTF-8"], withDemo: Bool = true
    ) throws {
      let scratch = NSTemporaryDirectory() + "stockroom-e2e-\(UUID().uuidString.prefix(8))"
      files = scratch + "/wrapper"
      dataDir = scratch + "/data"
      try FileManager.default.createDirectory(atPath: files, withIntermediateDirectories: true)
      var env = environment
      env["STOCKROOM_NOW"] = "2026-11-22T09:00:00Z"
      let demo =
        withDemo
        ? "\(TmuxSession.quote(Binary.path)) demo --data-dir \(TmuxSession.quote(dataDir)) >/dev/null; "
        : ""
      let command = """
        \(demo)stty -a > \(files)/before; \
        \(TmuxSession.quote(Binary.path)) --data-dir \(TmuxSession.quote(dataDir)) \(arguments); \
        echo $? > \(files)/rc; stty -a > \(files)/after; \
        echo ENDED; sleep 600
        """
      session = try TmuxSession(
        command: command, width: width, height: height, term: term, environment: env)
    }

    /// Waits for the program to end; its exit code and whether `stty -a` is as before.
    func waitForEnd() throws -> (rc: Int, sttySame: Bool) {
      try session.waitFor("ENDED")
      let rc = Int(try String(contentsOfFile: files + "/rc", encoding: .utf8).trimmed) ?? -1
      let before = try String(contentsOfFile: files + "/before", encoding: .utf8)
      let after = try String(contentsOfFile: files + "/after", encoding: .utf8)
      return (rc, before == after)
    }

    /// The stockroom process in the pane (found by its unique data directory).
    func stockroomPID() throws -> pid_t {
      let deadline = Date().addingTimeInterval(10)
      while Date() < deadline {
        let out = Spawn.run(["pgrep", "-f", "--", "--data-dir '?\(dataDir)'?$"]).output
        if let pid = out.split(separator: "\n").compactMap({ pid_t($0) }).first { return pid }
        usleep(50_000)
      }
      throw E2EError("stockroom process not found")
    }

    /// Whether the pane is back on the normal screen with a visible cursor.
    var terminalIsNormal: Bool {
      let flags = session.tmux([
        "display-message", "-p", "-t", "0", "#{alternate_on} #{cursor_flag} #{keypad_flag}",
      ]).output.trimmed
      return flags.hasPrefix("0 1")
    }
  }

  @Test func homeScreenShowsNameEntriesAndLegendAndQQuits() throws {
    let run = try Run()
    defer { run.session.close() }
    let screen = try run.session.waitFor("Stockroom")
    #expect(screen.contains("q quit"))
    #expect(screen.contains("F1 ? help"))
    #expect(screen.contains("Quit"))
    #expect(screen.contains("1  On-Boarding › Allocation"))
    #expect(screen.contains("Returns bench"))
    run.session.send("q")
    let (rc, same) = try run.waitForEnd()
    #expect(rc == 0)
    #expect(same, "stty -a differs after quitting")
    #expect(run.terminalIsNormal)
  }

  @Test func controlCQuitsAndRestoresTheTerminal() throws {
    let run = try Run()
    defer { run.session.close() }
    try run.session.waitFor("q quit")
    run.session.send("C-c")
    let (rc, same) = try run.waitForEnd()
    #expect(rc == 0)
    #expect(same)
    #expect(run.terminalIsNormal)
  }

  @Test(arguments: [(SIGTERM, 143), (SIGHUP, 129), (SIGINT, 130)])
  func signalLeavesTheTerminalSane(signal: Int32, expected: Int) throws {
    let run = try Run()
    defer { run.session.close() }
    try run.session.waitFor("q quit")
    let pid = try run.stockroomPID()
    kill(pid, signal)
    let (rc, same) = try run.waitForEnd()
    #expect(rc == expected)
    #expect(same, "stty -a differs after signal \(signal)")
    #expect(run.terminalIsNormal)
  }

  @Test func resizeRedrawsAndTooSmallNamesTheSize() throws {
    let run = try Run()
    defer { run.session.close() }
    try run.session.waitFor("q quit")
    run.session.resize(width: 120, height: 40)
    var screen = try run.session.waitUntil("a 120-column frame") { screen in
      screen.split(separator: "\n").contains { $0.hasPrefix("┌") && $0.count == 120 }
        && screen.contains("q quit")
    }
    #expect(screen.contains("q quit"))
    run.session.resize(width: 60, height: 20)
    screen = try run.session.waitFor("at least 80x24")
    #expect(screen.contains("This one is 60x20"))
    run.session.resize(width: 80, height: 24)
    screen = try run.session.waitUntil("an 80-column frame") { screen in
      screen.split(separator: "\n").contains { $0.hasPrefix("┌") && $0.count == 80 }
        && screen.contains("q quit")
    }
    #expect(!screen.contains("at least 80x24"))
    run.session.send("q")
    #expect(try run.waitForEnd().rc == 0)
  }

  @Test func plainLocaleAndVT100ShowNoMojibake() throws {
    let run = try Run(term: "vt100", environment: ["LANG": "C", "LC_ALL": "C"])
    defer { run.session.close() }
    let screen = try run.session.waitFor("quit")
    #expect(!screen.contains("M-"), "mojibake:\n\(screen)")
    #expect(!screen.contains("â"), "mojibake:\n\(screen)")
    #expect(
      screen.unicodeScalars.allSatisfy { $0.isASCII || "─│┌┐└┘├┤┬┴┼".unicodeScalars.contains($0) })
    run.session.send("q")
    #expect(try run.waitForEnd().sttySame)
  }

  @Test func noColourMeansNoColourEscapes() throws {
    let run = try Run(environment: ["LANG": "C.UTF-8", "NO_COLOR": "1"])
    defer { run.session.close() }
    try run.session.waitFor("q quit")
    let screen = run.session.capture(escapes: true)
    let colour = try Regex("\u{1B}\\[[0-9;]*(3[0-7]|4[0-7]|38;|48;)")
    #expect(screen.firstMatch(of: colour) == nil, "colour used:\n\(screen.debugDescription)")
    run.session.send("q")
    _ = try run.waitForEnd()
  }

  @Test func colourIsUsedWhenAllowed() throws {
    let run = try Run()
    defer { run.session.close() }
    try run.session.waitFor("q quit")
    let screen = run.session.capture(escapes: true)
    #expect(screen.contains("\u{1B}["), "no attributes at all")
    run.session.send("q")
    _ = try run.waitForEnd()
  }

  @Test func firstRunOffersDemoDataAndCreatesIt() throws {
    let run = try Run(withDemo: false)
    defer { run.session.close() }
    try run.session.waitFor("Create demo data")
    run.session.send("Enter")
    try run.session.waitFor("Returns bench")
    run.session.send("q")
    #expect(try run.waitForEnd().rc == 0)
    let verify = Spawn.run([Binary.path, "verify", "--data-dir", run.dataDir])
    #expect(verify.status == 0, "\(verify.output)")
  }

  /// A terminal that cannot address the cursor gets the line mode (issue 21), not a refusal.
  @Test func dumbTerminalOpensTheLineMode() throws {
    let run = try Run(term: "dumb")
    defer { run.session.close() }
    try run.session.waitFor("to open it.")
    run.session.type(":quit")
    run.session.send("Enter")
    try run.session.waitFor("ENDED")
    let rc = try String(contentsOfFile: run.files + "/rc", encoding: .utf8).trimmed
    #expect(rc == "0")
  }
}

extension String {
  var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
