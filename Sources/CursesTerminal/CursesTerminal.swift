import CNCurses
import Foundation
import TerminalUI

/// The only place Stockroom talks to curses: it starts and restores the
/// terminal, draws a `Buffer` by sending only what changed, and turns input
/// into `Key` values. Screens never see it; the app loop owns one instance
/// and uses it from the main thread only.
public final class CursesTerminal {
  /// Whether the locale's character set is UTF-8; if not, box glyphs are
  /// drawn with ACS and other non-ASCII glyphs with ASCII stand-ins.
  public let unicode: Bool
  /// Whether colour is used: the terminal has it and `NO_COLOR` is unset.
  public let colours: Bool

  let screen: OpaquePointer
  let window: UnsafeMutablePointer<WINDOW>
  /// The last buffer sent, to send only the cells that changed.
  var previous: Buffer?
  /// Set by a resize: the next draw repaints the whole screen once.
  var needsRepaint = false
  var cursorVisible = false
  /// Colour pairs made so far, by foreground and background index.
  var pairs: [Int: Int32] = [:]
  var defaultColours = false
  /// True after `stop`: drawing and reading then do nothing.
  private(set) var stopped = false

  /// Starts curses. Throws `TerminalError.unsupported` when standard input
  /// or output is not a terminal, or when `TERM` is unset, unknown, or
  /// cannot address the cursor (`TERM=dumb`). Only `TERM` and `NO_COLOR`
  /// are read from `environment`; the locale comes from the process.
  public init(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
    guard isatty(0) == 1, isatty(1) == 1 else {
      throw TerminalError.unsupported(
        "stockroom needs a terminal: standard input and output must not be redirected.")
    }
    guard let term = environment["TERM"], !term.isEmpty else {
      throw TerminalError.unsupported(
        "TERM is not set: stockroom needs a terminal type such as TERM=xterm-256color.")
    }
    switch stockroom_probe_terminal(term) {
    case 0: break
    case 2:
      throw TerminalError.unsupported(
        "TERM=\(term) cannot move the cursor: run stockroom in a full-screen terminal "
          + "(e.g. TERM=xterm-256color).")
    default:
      throw TerminalError.unsupported(
        "TERM=\(term) is not a known terminal type: set TERM to one this system knows "
          + "(e.g. TERM=xterm-256color).")
    }
    setlocale(LC_ALL, "")
    guard let screen = stockroom_newterm(term), let window = stockroom_stdscr() else {
      throw TerminalError.unsupported("TERM=\(term) could not be started by curses.")
    }
    self.screen = screen
    self.window = window
    let codeset = String(cString: stockroom_codeset()).uppercased()
    unicode = codeset == "UTF-8" || codeset == "UTF8"
    let noColour = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
    colours = has_colors() && !noColour
    raw()
    noecho()
    nonl()
    keypad(window, true)
    set_escdelay(25)
    curs_set(0)
    leaveok(window, true)
    if colours {
      start_color()
      defaultColours = use_default_colors() == OK
    }
    // BUTTON1_CLICKED too: when a press and its release arrive in one read (a quick click,
    // or both reports in one packet over SSH), curses reports only a click, and without
    // it in the mask only the release, so the click would be lost.
    mousemask(
      mmask_t(
        stockroom_button1_pressed | stockroom_button1_released | stockroom_button1_clicked
          | stockroom_button4_pressed | stockroom_button5_pressed), nil)
    mouseinterval(0)
    SignalHandling.install()
    stockroom_bracketed_paste(1)
  }

  /// True when `environment`'s TERM is known and cannot address the cursor (`TERM=dumb`):
  /// such a terminal gets the line mode instead of the screens.
  public static func cannotAddressCursor(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> Bool {
    guard let term = environment["TERM"], !term.isEmpty else { return false }
    return stockroom_probe_terminal(term) == 2
  }

  deinit { stop() }

  /// The terminal's size in cells now.
  public var size: Size {
    Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
  }

  /// SIGINT, SIGTERM or SIGHUP if one has arrived: the app loop checks it
  /// after each `readKey` and then calls `stopAndReraise`. Ctrl-C typed at
  /// the keyboard is a key (`.control("c")`), not a signal.
  public var pendingSignal: Int32? { SignalHandling.pending }

  /// Restores the terminal: mouse and bracketed paste off, `endwin` (echo,
  /// cursor, normal screen back), default signal handlers. Safe to call
  /// more than once.
  public func stop() {
    guard !stopped else { return }
    stopped = true
    mousemask(0, nil)
    curs_set(1)
    endwin()
    stockroom_bracketed_paste(0)
    SignalHandling.uninstall()
  }

  /// Rings the terminal's bell once: curses sends its `bel` capability (the BEL byte on
  /// xterm and tmux), or flashes the screen on a terminal without a bell.
  public func bell() {
    guard !stopped else { return }
    beep()
  }

  /// Restores the terminal, then lets `signal` end the process as it would
  /// have without curses, so the exit status is 128 + signal.
  public func stopAndReraise(_ signal: Int32) -> Never {
    stop()
    _ = stockroom_set_default_handler(signal)
    _ = stockroom_unblock_signal(signal)
    raise(signal)
    _exit(128 + signal)
  }
}
