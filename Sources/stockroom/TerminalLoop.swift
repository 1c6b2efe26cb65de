import CursesTerminal
import Foundation
import TerminalUI
import Wizards

/// The thin edge between the pure `App` and the terminal: read a key, hand it
/// to the app, draw what it renders. Signals are noticed between keys.
enum TerminalLoop {
  /// Runs `app` until it finishes, a signal arrives, or an error is thrown;
  /// the terminal is restored in every case.
  static func run(_ app: inout App, on terminal: CursesTerminal) {
    app.handle(.resize(terminal.size))
    draw(app, on: terminal)
    var idle = 0
    while !app.isFinished {
      if let signal = terminal.pendingSignal {
        terminal.stopAndReraise(signal)
      }
      guard let key = terminal.readKey(timeout: 50) else {
        // Show other sessions' commits within about a second.
        idle += 1
        if idle >= 20 {
          idle = 0
          if app.refresh() { draw(app, on: terminal) }
        }
        continue
      }
      idle = 0
      app.refresh()
      app.handle(key)
      app.runPendingCommit()
      app.runDemoRequest()
      if !app.isFinished { draw(app, on: terminal) }
    }
    terminal.stop()
  }

  private static func draw(_ app: App, on terminal: CursesTerminal) {
    let frame = app.render()
    terminal.draw(frame.buffer, cursor: frame.cursor)
  }
}
