import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Demos over SSH (issue 10's acceptance): a real OpenSSH server whose Match block comes from
/// `stockroom ssh-setup`, visitors connecting with `ssh -tt` in tmux, each on a private copy
/// of the demo data that vanishes when they leave, and no way out to a shell.
@Suite(.serialized, .needsSSHD)
struct DemoSessionTests {
  /// A scratch area: the demo root, a real data directory the visitors must never touch,
  /// and the running server (which names that directory in STOCKROOM_DATA_DIR).
  final class Scene {
    let base: String
    let real: DemoDirectory
    let realLedger: Data
    let realNames: Set<String>
    /// The Transaction ID a visitor's first commit gets in a fresh demo copy.
    let firstID: String
    let server: SSHServer

    init(idleTimeout: Int = 600, maxSessions: Int = 8) throws {
      base = NSTemporaryDirectory() + "stockroom-sshdemo-\(getpid())-\(UUID().uuidString.prefix(8))"
      try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
      real = try DemoDirectory()
      realLedger = try Data(contentsOf: URL(fileURLWithPath: real.path + "/ledger.jsonl"))
      realNames = Set(try FileManager.default.contentsOfDirectory(atPath: real.path))
      firstID = String(format: "T%06d", real.objects(["log", "--json"]).count + 1)
      server = try SSHServer(
        demoRoot: base + "/demo-root", idleTimeout: idleTimeout, maxSessions: maxSessions,
        settings: [
          "AcceptEnv LANG",
          "SetEnv STOCKROOM_DATA_DIR=\(real.path) XDG_DATA_HOME=\(base)/xdg TMPDIR=\(base)/tmp",
        ])
    }

    /// The real data directory is exactly as it was, and nothing was made from the
    /// environment sshd set.
    var realDataUntouched: Bool {
      let ledger = try? Data(contentsOf: URL(fileURLWithPath: real.path + "/ledger.jsonl"))
      let names = (try? FileManager.default.contentsOfDirectory(atPath: real.path)) ?? []
      return ledger == realLedger && Set(names) == realNames
        && !FileManager.default.fileExists(atPath: base + "/xdg")
        && !FileManager.default.fileExists(atPath: base + "/tmp")
    }

    /// Waits until no session directory and no stockroom process is left.
    func waitUntilEmpty(timeout: TimeInterval = 10) -> Bool {
      let deadline = Date().addingTimeInterval(timeout)
      while Date() < deadline {
        if server.sessionDirectories.isEmpty && server.stockroomProcesses.isEmpty { return true }
        usleep(50_000)
      }
      return false
    }

    func remove() {
      server.remove()
      real.remove()
      try? FileManager.default.removeItem(atPath: base)
    }
  }

  /// One visitor: `ssh -tt` in an 80x24 tmux pane.
  struct Visitor {
    let session: TmuxSession
    let terminal: WizardTerminal

    init(
      _ scene: Scene, remote: String? = nil, lang: Bool = true, term: String = "tmux-256color"
    ) throws {
      session = try TmuxSession(
        command: scene.server.sshCommand(remote: remote, sendLang: lang), term: term,
        environment: lang ? ["LANG": "C.UTF-8"] : [:])
      terminal = WizardTerminal(session: session)
    }

    @discardableResult
    func waitForHome() throws -> String {
      try session.waitUntil(timeout: 20, "the demo's home screen") {
        $0.contains("Choose where to go") && $0.contains("DEMO: changes vanish on exit")
      }
    }

    /// Fabrikam's MobilePASS cell → 4 tokens → reference → Confirm; the Transaction ID.
    func deallocate(reference: String) throws -> String {
      try terminal.openAccount(search: "Fabrikam", name: "Fabrikam Health")
      try terminal.openCell("MobilePASS")
      session.type("4")
      session.send("Enter")
      session.send("Enter")
      try terminal.waitForStep(2)
      session.send("Tab")
      session.type(reference)
      session.send("Enter")
      session.type("Demo visitor")
      session.send("Enter")
      // Past the return reason (none) to Next.
      session.send("Enter", "Enter")
      try terminal.waitForStep(3)
      return try terminal.confirm()
    }

    /// Kills the ssh client at once, as a dropped connection would.
    func dropConnection() throws {
      let shell = try require(session.panePID, "pane pid")
      let ssh = try require(
        Processes.children(of: shell).first { $0.arguments.first == "ssh" }, "ssh client")
      kill(ssh.pid, SIGKILL)
    }

    /// Waits for the ssh client to end; its exit status. (A killed Stockroom leaves the
    /// cursor at the end of the legend, so the line may wrap.)
    func waitForExit(timeout: TimeInterval = 10) throws -> Int {
      let screen = try session.waitUntil(timeout: timeout, "SSH-EXIT") {
        $0.replacingOccurrences(of: "\n", with: "").contains(/SSH-EXIT=\d+/)
      }
      let joined = screen.replacingOccurrences(of: "\n", with: "")
      let match = try require(joined.firstMatch(of: /SSH-EXIT=(\d+)/), "exit status")
      return Int(match.1) ?? -1
    }

    /// The pane with its scrollback, wrapped lines joined (messages printed after the
    /// screen is restored start at the bottom and scroll).
    var history: String { session.history }

    /// Types a shell command whose output would only appear if a shell ran it.
    func probeForShell() {
      session.type("echo SHELL_$((6*7))")
      session.send("Enter")
    }

    var sawShell: Bool { session.capture().contains("SHELL_42") }
  }

  @Test func deallocationInAPrivateCopyThenADroppedConnectionLeavesNothing() throws {
    let scene = try Scene()
    defer { scene.remove() }
    let visitor = try Visitor(scene)
    defer { visitor.session.close() }
    let home = try visitor.waitForHome()
    #expect(home.contains("A private demo copy, yours alone; it vanishes when you leave"))
    #expect(!home.contains(scene.base))
    let sessions = scene.server.sessionDirectories
    #expect(sessions.count == 1)
    let session = try require(sessions.first, "session directory")
    var permissions = stat()
    stat(session, &permissions)
    #expect(permissions.st_mode & 0o777 == 0o700)

    // The window size and its later changes reach Stockroom over SSH.
    visitor.session.resize(width: 100, height: 30)
    let wide = try visitor.session.waitUntil("a 100x30 frame") { screen in
      screen.split(separator: "\n").contains { $0.hasPrefix("└") && $0.count == 100 }
    }
    #expect(wide.split(separator: "\n", omittingEmptySubsequences: false).count >= 30)
    visitor.session.resize(width: 80, height: 24)
    try visitor.session.waitUntil("an 80x24 frame") { screen in
      screen.split(separator: "\n").contains { $0.hasPrefix("└") && $0.count == 80 }
    }

    let id = try visitor.deallocate(reference: "VISIT-1")
    #expect(id == scene.firstID)
    let mine = DemoDirectory(existing: session + "/data")
    let last = try require(mine.lastTransaction(), "the visitor's last transaction")
    #expect(last["transactionId"] as? String == id)
    #expect(last["reference"] as? String == "VISIT-1")
    #expect(scene.realDataUntouched)

    try visitor.dropConnection()
    #expect(try visitor.waitForExit() != 0)
    #expect(scene.waitUntilEmpty(), "left: \(scene.server.sessionDirectories)")
    #expect(scene.realDataUntouched)
  }

  @Test func twoVisitorsAtOnceEachSeeOnlyTheirOwnChanges() throws {
    let scene = try Scene()
    defer { scene.remove() }
    let first = try Visitor(scene)
    defer { first.session.close() }
    let second = try Visitor(scene)
    defer { second.session.close() }
    try first.waitForHome()
    try second.waitForHome()
    let directories = scene.server.sessionDirectories
    #expect(directories.count == 2)
    let firstID = try first.deallocate(reference: "VISITOR-A")
    let secondID = try second.deallocate(reference: "VISITOR-B")
    // Separate ledgers: each commit is the first after the demo data in its own copy.
    #expect(firstID == scene.firstID)
    #expect(secondID == scene.firstID)
    let references = directories.map { directory in
      DemoDirectory(existing: directory + "/data").objects(["log", "--json"])
        .compactMap { $0["reference"] as? String }.filter { $0.hasPrefix("VISITOR-") }
    }
    #expect(
      references.sorted { $0.description < $1.description } == [["VISITOR-A"], ["VISITOR-B"]])
    first.session.send("C-c")
    second.session.send("C-c")
    #expect(try first.waitForExit() == 0)
    #expect(try second.waitForExit() == 0)
    #expect(first.history.contains("Thank you for trying Stockroom"), "\(first.history)")
    #expect(scene.waitUntilEmpty())
    #expect(scene.realDataUntouched)
  }

  @Test func aSessionKilledWithSIGKILLIsSweptByTheNextStart() throws {
    let scene = try Scene()
    defer { scene.remove() }
    let first = try Visitor(scene)
    defer { first.session.close() }
    try first.waitForHome()
    let dead = try require(scene.server.sessionDirectories.first, "first session")
    let pid = try require(scene.server.stockroomProcesses.first, "stockroom process")
    kill(pid, SIGKILL)
    _ = try first.waitForExit()
    #expect(scene.server.sessionDirectories == [dead])
    let second = try Visitor(scene)
    defer { second.session.close() }
    try second.waitForHome()
    let now = scene.server.sessionDirectories
    #expect(now.count == 1)
    #expect(!now.contains(dead))
    second.session.send("q")
    #expect(try second.waitForExit() == 0)
    #expect(scene.waitUntilEmpty())
  }

  @Test func escapeAttemptsStayInsideStockroomOrDisconnect() throws {
    let scene = try Scene()
    defer { scene.remove() }
    // A command asked for by the client runs Stockroom instead, and no LANG still gives a
    // clean (ASCII and line-drawing) screen.
    let visitor = try Visitor(scene, remote: "sh -i", lang: false)
    defer { visitor.session.close() }
    let home = try visitor.waitForHome()
    #expect(!home.contains("M-"))
    #expect(
      home.unicodeScalars.allSatisfy { $0.isASCII || (0x2500...0x257F).contains($0.value) },
      "\(home)")
    let pid = try require(scene.server.stockroomProcesses.first, "stockroom process")
    // Ctrl-Z and Ctrl-\ are plain keys to Stockroom: the key after them is still handled
    // (a stopped or killed program would not handle it), and then the process is checked.
    visitor.session.send("C-z")
    visitor.session.send("C-\\")
    visitor.session.send("Down")
    try visitor.session.waitFor("> 2  Returns bench")
    #expect(Processes.entry(pid)?.state != "T", "stopped by Ctrl-Z")
    #expect(scene.server.stockroomProcesses == [pid])
    // The signals themselves, should they come: ignored. Both are pending before the next
    // key is read, so they have been delivered once that key's effect is on screen.
    kill(pid, SIGTSTP)
    kill(pid, SIGQUIT)
    visitor.session.send("Up")
    try visitor.session.waitFor("> 1  On-Boarding")
    #expect(Processes.entry(pid)?.state != "T", "stopped by SIGTSTP")
    #expect(scene.server.stockroomProcesses == [pid])
    // Still answering keys; typed shell commands only reach Stockroom (a shell would have
    // echoed by the time the screen settles).
    visitor.session.send("Down")
    try visitor.session.waitFor("> 2  Returns bench")
    visitor.probeForShell()
    try visitor.session.waitForStableScreen()
    #expect(!visitor.sawShell, "\(visitor.session.capture())")
    // A key storm: nothing but Stockroom or a closed connection may come of it.
    let keys = [
      "Up", "Down", "Left", "Right", "Enter", "Escape", "Tab", "BTab", "Space", "C-z", "C-\\",
      "C-d", "F1", "?", "/", "a", "1", "BSpace", "PageDown", "Home", "End", "!", "`",
    ]
    let seed = FuzzSeed("escapeAttemptsStayInsideStockroomOrDisconnect")
    var generator = seed.generator
    for _ in 0..<20 {
      let burst = (0..<15).map { _ in keys.randomElement(using: &generator) ?? "Down" }
      visitor.session.tmux(["send-keys", "-t", "0"] + burst)
    }
    // The storm has been handled once the screen settles; then the probe, and again.
    try visitor.session.waitForStableScreen(quiet: 0.5, timeout: 30)
    visitor.probeForShell()
    let screen = try visitor.session.waitForStableScreen()
    #expect(!visitor.sawShell, "\(seed.note)\n\(screen)")
    #expect(Processes.entry(pid)?.state != "T", "\(seed.note)")
    #expect(screen.contains("DEMO") || screen.contains("SSH-EXIT="), "\(seed.note)\n\(screen)")
    // Leave: close whatever the storm opened (help ignores Ctrl-C), then Ctrl-C and agree.
    for _ in 0..<6 where !visitor.history.contains("SSH-EXIT=") {
      // The sleep only spaces the keys (nothing is checked after it): an Escape followed
      // within ESCDELAY (25 ms) by another key reads as one Alt key.
      for key in ["Escape", "C-c", "y"] {
        visitor.session.send(key)
        usleep(100_000)
      }
    }
    _ = try visitor.waitForExit()
    #expect(!visitor.sawShell, "\(seed.note)")

    // --data-dir through SSH_ORIGINAL_COMMAND is not an option to Stockroom.
    let other = try Visitor(scene, remote: "--data-dir \(scene.real.path)")
    defer { other.session.close() }
    try other.waitForHome()
    #expect(scene.server.sessionDirectories.count == 1)
    other.session.send("q")
    #expect(try other.waitForExit() == 0)
    #expect(scene.waitUntilEmpty())
    #expect(scene.realDataUntouched)
  }

  /// `ssh -t` with TERM=dumb: the demo's home in the line mode (issue 21).
  @Test func aTerminalWithoutCursorMovementGetsTheLineMode() throws {
    let scene = try Scene()
    defer { scene.remove() }
    let visitor = try Visitor(scene, term: "dumb")
    defer { visitor.session.close() }
    try visitor.session.waitFor("Type a row's number to open it.", timeout: 20)
    visitor.session.type(":quit")
    visitor.session.send("Enter")
    #expect(try visitor.waitForExit() == 0)
    #expect(visitor.history.contains("1 On-Boarding"), "\(visitor.history)")
    #expect(scene.waitUntilEmpty())
  }
}

/// The cap and the idle timeout, without SSH: both end politely with a message.
@Suite(.serialized) struct DemoSessionLimitTests {
  @Test func pastTheCapAndAfterTheIdleTimeoutSessionsEndPolitely() throws {
    let root = NSTemporaryDirectory() + "stockroom-demo-limits-\(UUID().uuidString.prefix(8))"
    defer { try? FileManager.default.removeItem(atPath: root) }
    let command = { (extra: String) in
      "\(TmuxSession.quote(Binary.path)) --demo-session --demo-root \(TmuxSession.quote(root)) "
        + "--max-sessions 1 \(extra); echo EXIT=$?; sleep 30"
    }
    let first = try TmuxSession(
      command: command("--idle-timeout 3"), environment: ["LANG": "C.UTF-8"])
    defer { first.close() }
    try first.waitFor("Choose where to go")
    let second = try TmuxSession(command: command(""), environment: ["LANG": "C.UTF-8"])
    defer { second.close() }
    try second.waitFor("EXIT=")
    let busy = second.history
    #expect(busy.contains("The Stockroom demo is busy: all 1 sessions are in use."), "\(busy)")
    #expect(busy.contains("EXIT=4"))
    try first.waitFor("EXIT=", timeout: 10)
    let ended = first.history
    #expect(ended.contains("This demo session ended after 3 seconds without a key press"))
    #expect(ended.contains("EXIT=0"))
    let left = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
    #expect(left == ["sessions.lock"])
  }

  @Test(arguments: [(SIGHUP, 129), (SIGTERM, 143), (SIGINT, 130)])
  func aSignalEndsTheSessionAndRemovesItsDirectory(signal: Int32, status: Int) throws {
    let root = NSTemporaryDirectory() + "stockroom-demo-signal-\(UUID().uuidString.prefix(8))"
    defer { try? FileManager.default.removeItem(atPath: root) }
    let session = try TmuxSession(
      command: "\(TmuxSession.quote(Binary.path)) --demo-session --demo-root "
        + "\(TmuxSession.quote(root)); echo EXIT=$?; sleep 30", environment: ["LANG": "C.UTF-8"])
    defer { session.close() }
    try session.waitFor("Choose where to go")
    let process = try require(
      Processes.all.first { $0.arguments.first == Binary.path && $0.arguments.contains(root) },
      "stockroom process")
    #expect(((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).count == 2)
    kill(process.pid, signal)
    try session.waitFor("EXIT=\(status)")
    let left = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
    #expect(left == ["sessions.lock"])
  }

  @Test func sshSetupPrintsTheOpenSSHConfiguration() throws {
    let result = Spawn.run([Binary.path, "ssh-setup", "--binary", "/opt/stock room/stockroom"])
    #expect(result.status == 0)
    let text = result.output
    #expect(text.contains("useradd --create-home --shell /bin/sh demo\n"))
    #expect(text.contains("\nMatch User demo\n"))
    #expect(
      text.contains(
        "    ForceCommand '/opt/stock room/stockroom' --demo-session --max-sessions 20 "
          + "--idle-timeout 900\n"))
    for setting in [
      "DisableForwarding yes", "PermitUserRC no", "PermitTTY yes", "PermitTunnel no",
      "X11Forwarding no", "AllowAgentForwarding no", "AllowTcpForwarding no",
    ] {
      #expect(text.contains("\n    \(setting)\n"), "\(setting)")
    }
    let defaultBinary = Spawn.run([Binary.path, "ssh-setup", "--user", "guest"]).output
    let match = try require(defaultBinary.firstMatch(of: /ForceCommand (\S+) --demo-session/))
    #expect(String(match.1).hasPrefix("/"))
    #expect(FileManager.default.isExecutableFile(atPath: String(match.1)))
    #expect(Spawn.run([Binary.path, "ssh-setup", "--user", "Bad User"]).status == 2)
  }

  @Test func theReadmeShowsWhatSSHSetupPrints() throws {
    let readme = try String(
      contentsOf: ReadmeCommandTests.root.appendingPathComponent("README.md"), encoding: .utf8)
    let printed = Spawn.run([Binary.path, "ssh-setup", "--binary", "/usr/local/bin/stockroom"])
    #expect(printed.status == 0)
    #expect(readme.contains("## Demos over SSH\n"))
    #expect(readme.contains("```sh\n" + printed.output + "```\n"))
  }
}

extension TmuxSession {
  /// The pane with its scrollback, wrapped lines joined.
  var history: String { tmux(["capture-pane", "-p", "-J", "-S", "-200", "-t", "0"]).output }
}

extension WizardTerminal {
  /// A wizard terminal on a session someone else started (here: `ssh -tt`).
  init(session: TmuxSession) { self.session = session }
}

extension DemoDirectory {
  /// An existing data directory (a visitor's private copy).
  init(existing path: String) {
    self.path = path
    kind = .file
    database = nil
  }
}
