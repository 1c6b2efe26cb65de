import CursesTerminal
import Foundation
import StockroomStore
import TerminalUI
import Wizards

/// The thin edge between the pure `App` and the terminal: read a key, hand it
/// to the app, draw what it renders. Signals are noticed between keys.
enum TerminalLoop {
  /// Runs `app` until it finishes, a signal arrives, or an error is thrown;
  /// the terminal is restored in every case.
  static func run(_ app: inout App, on terminal: CursesTerminal, drafts: DraftKeeper? = nil) {
    app.handle(.resize(terminal.size))
    draw(app, on: terminal)
    var idle = 0
    var queue: [Key] = []
    while !app.isFinished {
      if let signal = terminal.pendingSignal {
        drafts?.save(app)
        terminal.stopAndReraise(signal)
      }
      guard let key = nextKey(terminal, queue: &queue) else {
        // Show other sessions' commits within about a second.
        idle += 1
        drafts?.tick(app)
        if idle >= 20 {
          idle = 0
          if app.refresh() { draw(app, on: terminal) }
          // Keep opening fast: a new snapshot when enough records piled up,
          // written while the user is idle, never on a commit's path.
          try? (app.context.store as? FileStore)?.writeSnapshotIfDue()
        }
        continue
      }
      idle = 0
      app.refresh()
      let before = drafts?.before(app)
      app.handle(key)
      drafts?.after(key, before, outcome: app.runPendingCommit(), app: app)
      app.runDemoRequest()
      if !app.isFinished { draw(app, on: terminal) }
    }
    drafts?.finish()
    terminal.stop()
  }

  /// The next key, with a scanner's burst (characters and Enter within a few
  /// milliseconds) delivered as one `.scan`.
  private static func nextKey(_ terminal: CursesTerminal, queue: inout [Key]) -> Key? {
    if !queue.isEmpty { return queue.removeFirst() }
    guard let first = terminal.readKey(timeout: 50) else { return nil }
    guard ScanBurst.starts(with: first) else { return first }
    var burst = [first]
    while let next = terminal.readKey(timeout: ScanBurst.maximumGap) {
      burst.append(next)
      if ScanBurst.ends(with: next) { break }
    }
    queue = ScanBurst.classify(burst)
    return queue.removeFirst()
  }

  private static func draw(_ app: App, on terminal: CursesTerminal) {
    let frame = app.render()
    terminal.draw(frame.buffer, cursor: frame.cursor)
  }
}
