import CursesTerminal
import Foundation
import StockroomStore
import Wizards

#if canImport(Glibc)
  import Glibc
#endif

/// `stockroom --demo-session`: one visitor (usually over SSH, as sshd's ForceCommand) gets a
/// fresh private copy of the demo data in its own directory under the demo root, the home
/// screen on it, and nothing else; the directory goes when the session ends (quit, idle
/// timeout, SIGHUP from a dropped connection, SIGTERM, SIGINT). `--data-dir`,
/// `STOCKROOM_DATA_DIR` and `SSH_ORIGINAL_COMMAND` are never read.
enum DemoSession {
  /// The signals that end a session cleanly; blocked while the session is being made so
  /// that they wait for the terminal's handlers (and the clean-up) instead of leaving a
  /// directory behind.
  static let endingSignals: [Int32] = [SIGHUP, SIGTERM, SIGINT]

  /// `lines`: the line mode (`--accessible`, or a terminal that cannot address the cursor).
  static func run(_ options: DemoSessionOptions, lines: Bool) -> Never {
    // Ctrl-Z and Ctrl-\ arrive as keys in raw mode; should a signal come anyway, it must
    // neither stop the visitor's session nor dump core.
    for signal in [SIGTSTP, SIGTTIN, SIGTTOU, SIGQUIT, SIGPIPE] {
      _ = Glibc.signal(signal, SIG_IGN)
    }
    let environment = ProcessInfo.processInfo.environment
    guard isatty(0) == 1, isatty(1) == 1 else {
      leave("The Stockroom demo needs a terminal: connect with ssh -t.", status: .usage)
    }
    setSignals(blocked: true)
    let root: DemoSessionRoot
    let lease: DemoSessionLease
    do {
      root = try DemoSessionRoot(
        path: options.root ?? DemoSessionRoot.defaultPath(environment: environment))
      lease = try root.begin(maxSessions: options.resolvedMaxSessions)
    } catch {
      leave(error.message, status: .storeUnavailable)
    }
    var terminal: CursesTerminal?
    if lines {
      LineModeSignals.install()
    } else {
      do {
        terminal = try CursesTerminal(environment: environment)
      } catch {
        lease.end()
        leave(String(describing: error), status: .usage)
      }
    }
    setSignals(blocked: false)
    let context: AppContext
    do {
      context = try makeContext(dataDirectory: lease.dataDirectory, environment: environment)
    } catch {
      terminal?.stop()
      lease.end()
      leave("Could not prepare the demo data: \(error.message)", status: .storeUnavailable)
    }
    let limit = options.resolvedIdleTimeout
    let watch = DemoSessionWatch(idleLimit: limit > 0 ? TimeInterval(limit) : nil) {
      lease.end()
    }
    var app = App(home: Home.screen(), size: terminal?.size ?? LineLoop.size, context: context)
    if let terminal {
      TerminalLoop.run(&app, on: terminal, watch: watch)
      terminal.stop()
    } else {
      _ = LineLoop.run(&app, writer: LineWriter(), reader: LineReader(), watch: watch)
    }
    lease.end()
    switch watch.ending {
    case .idle:
      let minutes = limit % 60 == 0 && limit >= 120 ? "\(limit / 60) minutes" : "\(limit) seconds"
      leave(
        "This demo session ended after \(minutes) without a key press; its changes are gone. "
          + "Thank you for trying Stockroom.", status: .done)
    case .hungUp:
      exit(128 + SIGHUP)
    case nil:
      print("Thank you for trying Stockroom. Your demo changes are gone.")
      exit(ExitStatus.done.rawValue)
    }
  }

  /// The store settings a visitor may not choose: only the clock (for tests) is read from
  /// the environment, never the data directory or a group.
  static func storeEnvironment(_ environment: [String: String]) -> [String: String] {
    var kept: [String: String] = [:]
    for key in ["STOCKROOM_NOW", "USER", "LOGNAME", "HOME", "PATH"] {
      if let value = environment[key] { kept[key] = value }
    }
    return kept
  }

  private static func makeContext(
    dataDirectory: URL, environment: [String: String]
  ) throws(StoreError) -> AppContext {
    var options = FileStore.Options()
    options.environment = storeEnvironment(environment)
    let now = AppContext.fixedClock(environment) ?? Date()
    let store = try FileStore.createDemo(at: dataDirectory, now: now, options: options)
    var context = AppContext(
      now: now, userName: OSUser.current.name, userId: OSUser.current.uid,
      dataDirectory: dataDirectory, version: Stockroom.version, store: store)
    context.isDemoSession = true
    return context
  }

  private static func setSignals(blocked: Bool) {
    var set = sigset_t()
    sigemptyset(&set)
    for signal in endingSignals { sigaddset(&set, signal) }
    pthread_sigmask(blocked ? SIG_BLOCK : SIG_UNBLOCK, &set, nil)
  }

  /// Prints `message` (one line, on stderr) and ends with `status`; pending ending signals
  /// are let through first.
  private static func leave(_ message: String, status: ExitStatus) -> Never {
    FileHandle.standardError.write(Data(("stockroom: " + message + "\n").utf8))
    setSignals(blocked: false)
    exit(status.rawValue)
  }
}
