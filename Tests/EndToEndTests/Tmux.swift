import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A detached tmux session on a private server, running one command in a
/// pane of a chosen size, TERM and LANG. Tests type into it with `send` and
/// read it with `capture`; `close` (also on deinit) kills the server.
final class TmuxSession {
  let socket: String
  let directory: String
  private var closed = false

  /// Starts `command` (run by `sh -c`) in an 80x24 (or `size`) pane.
  init(
    command: String, width: Int = 80, height: Int = 24, term: String = "tmux-256color",
    environment: [String: String] = [:]
  ) throws {
    socket = "stockroom-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
    directory = NSTemporaryDirectory() + socket
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    var exports = ""
    for (key, value) in environment.sorted(by: { $0.key < $1.key }) {
      exports += "export \(key)=\(TmuxSession.quote(value)); "
    }
    for key in ["LANG", "LC_ALL", "NO_COLOR"] where environment[key] == nil {
      exports += "unset \(key); "
    }
    let script = "\(exports)export TERM=\(TmuxSession.quote(term)); \(command)"
    // The pane stays after its command ends, set before the command starts: a command that
    // ends at once (a refusal) must not take the server with it before it is read.
    let result = tmux([
      "-f", "/dev/null", "start-server", ";", "set-option", "-g", "remain-on-exit", "on", ";",
      "new-session", "-d", "-x", "\(width)", "-y", "\(height)", "sh", "-c", script,
    ])
    guard result.status == 0 else {
      throw E2EError("tmux new-session failed: \(result.output)")
    }
  }

  deinit { close() }

  /// Runs tmux against this session's private server.
  @discardableResult
  func tmux(_ arguments: [String]) -> Spawn.Result {
    Spawn.run(["tmux", "-L", socket] + arguments)
  }

  /// Sends tmux key names (e.g. "Down", "Enter", "C-c", "q").
  func send(_ keys: String...) {
    tmux(["send-keys", "-t", "0"] + keys)
  }

  /// Sends literal text, character for character.
  func type(_ text: String) {
    tmux(["send-keys", "-t", "0", "-l", text])
  }

  /// The visible pane as text.
  func capture(escapes: Bool = false) -> String {
    tmux(["capture-pane", "-p", "-t", "0"] + (escapes ? ["-e"] : [])).output
  }

  /// Resizes the pane's window.
  func resize(width: Int, height: Int) {
    tmux(["resize-window", "-t", "0", "-x", "\(width)", "-y", "\(height)"])
  }

  /// Waits until `text` is on screen; returns the capture (or throws with it).
  @discardableResult
  func waitFor(_ text: String, timeout: TimeInterval = 10) throws -> String {
    try waitUntil(timeout: timeout, "'\(text)' on screen") { $0.contains(text) }
  }

  /// Waits until the capture satisfies `condition`.
  @discardableResult
  func waitUntil(
    timeout: TimeInterval = 10, _ what: String, _ condition: (String) -> Bool
  ) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    var screen = capture()
    while true {
      if condition(screen) {
        // The frame may still be arriving: wait until two captures agree.
        usleep(30_000)
        let again = capture()
        if again == screen { return screen }
        screen = again
        continue
      }
      if Date() > deadline {
        throw E2EError("timed out waiting for \(what); screen was:\n\(screen)")
      }
      usleep(30_000)
      screen = capture()
    }
  }

  /// Waits until the screen has not changed for `quiet` seconds and returns it. For checking
  /// that something did NOT happen (no dialog, no shell echo) once the keys sent have had
  /// their effect, instead of a fixed sleep that is too short on a busy machine and wasted on
  /// an idle one. Throws if the screen is still changing after `timeout` seconds.
  @discardableResult
  func waitForStableScreen(quiet: TimeInterval = 0.3, timeout: TimeInterval = 10) throws
    -> String
  {
    let deadline = Date().addingTimeInterval(timeout)
    var screen = capture()
    var unchangedSince = Date()
    while true {
      usleep(30_000)
      let again = capture()
      if again != screen {
        screen = again
        unchangedSince = Date()
      } else if Date().timeIntervalSince(unchangedSince) >= quiet {
        return screen
      }
      if Date() > deadline {
        throw E2EError("the screen was still changing after \(timeout) s; last:\n\(screen)")
      }
    }
  }

  /// The pid of the process in the pane (the `sh` running the command).
  var panePID: pid_t? {
    let text = tmux(["display-message", "-p", "-t", "0", "#{pane_pid}"]).output
    return pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))
  }

  func close() {
    guard !closed else { return }
    closed = true
    tmux(["kill-server"])
    try? FileManager.default.removeItem(atPath: directory)
  }

  static func quote(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}

/// A failure of the end-to-end harness, with what the screen showed.
struct E2EError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// Where the built `stockroom` binary is: `STOCKROOM_BINARY`, else the
/// package's debug build folder.
enum Binary {
  static var path: String {
    if let path = ProcessInfo.processInfo.environment["STOCKROOM_BINARY"], !path.isEmpty {
      return path
    }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    for folder in [".build/debug", ".build/x86_64-unknown-linux-gnu/debug"] {
      let candidate = root.appendingPathComponent(folder).appendingPathComponent("stockroom").path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return root.appendingPathComponent(".build/debug/stockroom").path
  }
}
