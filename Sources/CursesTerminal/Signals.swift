import CNCurses
import Glibc
import Synchronization

/// The last terminating signal received; 0 when none. A
/// signal handler may only touch lock-free atomics, so this is the one
/// process-wide value the terminal layer keeps.
private let receivedSignal = Atomic<Int32>(0)

/// The signals the app loop turns into a clean exit.
let terminatingSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

/// Signals of a crash (a Swift trap is SIGILL on x86_64, SIGTRAP on arm64).
let crashSignals: [Int32] = [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE]

/// Installs and removes the process's signal handlers while curses runs.
enum SignalHandling {
  /// Records SIGINT/SIGTERM/SIGHUP in a flag (no SA_RESTART, so a waiting
  /// read returns); on a crash signal restores the terminal as well as it
  /// can and lets the default action run.
  static func install() {
    for signal in terminatingSignals {
      _ = stockroom_set_handler(signal, { receivedSignal.store($0, ordering: .relaxed) }, 0)
    }
    for signal in crashSignals {
      _ = stockroom_set_handler(
        signal,
        { signal in
          // Best effort before dying: the process is already broken.
          if !isendwin() { endwin() }
          stockroom_bracketed_paste(0)
          _ = stockroom_set_default_handler(signal)
          // Blocked until this handler returns, then the default action ends
          // the process with the same signal (also for a `kill -SEGV`).
          _ = raise(signal)
        }, 1)
    }
  }

  /// Puts back the default actions.
  static func uninstall() {
    for signal in terminatingSignals + crashSignals { _ = stockroom_set_default_handler(signal) }
  }

  /// The signal received, without clearing it.
  static var pending: Int32? {
    let signal = receivedSignal.load(ordering: .relaxed)
    return signal == 0 ? nil : signal
  }
}

/// The terminating signals while the line mode runs (without curses): each is noticed in a
/// flag, so a waiting read returns and the loop saves the draft (and a demo session cleans
/// up) before the signal ends the process as it would have.
public enum LineModeSignals {
  /// Notes SIGINT, SIGTERM and SIGHUP instead of ending the process at once.
  public static func install() {
    for signal in terminatingSignals {
      _ = stockroom_set_handler(signal, { receivedSignal.store($0, ordering: .relaxed) }, 0)
    }
  }

  /// The signal received, if any.
  public static var pending: Int32? { SignalHandling.pending }

  /// Lets `signal` end the process (exit status 128 + signal).
  public static func reraise(_ signal: Int32) -> Never {
    _ = stockroom_set_default_handler(signal)
    _ = stockroom_unblock_signal(signal)
    raise(signal)
    _exit(128 + signal)
  }
}
