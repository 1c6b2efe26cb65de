import CursesTerminal
import Foundation
import StockroomPostgres
import StockroomStore
import TerminalUI
import Wizards

/// The thin edge between the pure `App` and the terminal: read a key, hand it
/// to the app, draw what it renders. Signals are noticed between keys.
enum TerminalLoop {
  /// Runs `app` until it finishes, a signal arrives, or an error is thrown;
  /// the terminal is restored in every case. A demo session passes its `watch` (idle
  /// timeout, hang-up, clean-up before a signal ends the process); `drafts` keeps the
  /// answers in progress.
  static func run(
    _ app: inout App, on terminal: CursesTerminal, watch: DemoSessionWatch? = nil,
    drafts: DraftKeeper? = nil, store location: StoreLocation? = nil
  ) {
    app.handle(.resize(terminal.size))
    app.commitReturns = BenchCommit.commit
    draw(app, on: terminal)
    var idle = 0
    var queue: [Key] = []
    // True while a screen has background work (a long filter): keys are then
    // polled without waiting and the work goes on in small steps between them.
    var busy = false
    // Delivers the order mail commits post, off the key loop (a retry of what is waiting too).
    var courier = MailCourier.start(for: app.context.store)
    // A database store: refreshes on its notifications, shows a lost connection, settles a
    // commit whose outcome was not seen.
    var connection = ConnectionWatch()
    while !app.isFinished {
      if let signal = terminal.pendingSignal {
        watch?.beforeSignalExit()
        drafts?.save(app)
        terminal.stopAndReraise(signal)
      }
      guard let key = nextKey(terminal, queue: &queue, timeout: busy ? 0 : 50) else {
        if watch?.shouldStop() == true { break }
        if let failures = courier?.takeFailures() {
          app.context.failedMail = failures
          draw(app, on: terminal)
        }
        let live = connection.look(&app)
        if case .committed? = live.settled {
          drafts?.save(app)
          courier?.deliver()
        }
        if live.changed { draw(app, on: terminal) }
        if busy {
          busy = app.idle()
          if busy { draw(app, on: terminal) }
          continue
        }
        // Show other sessions' commits within about a second.
        idle += 1
        drafts?.tick(app)
        if idle >= 20 {
          idle = 0
          if app.refresh() { draw(app, on: terminal) }
          courier?.look()
          // Keep opening fast: a new snapshot when enough records piled up, written by
          // another process, never on a commit's path.
          if let store = app.context.store as? any LedgerStore {
            BackgroundSnapshot.startIfDue(store)
          }
        }
        continue
      }
      idle = 0
      watch?.noteKey()
      app.refresh()
      app.handle(key)
      let bells = InputAftermath.follow(
        &app, key: key, drafts: drafts, courier: courier, store: location)
      // A refused scan (or a file of serials with refused ones) rings once.
      for _ in 0..<bells { terminal.bell() }
      courier = courier ?? MailCourier.start(for: app.context.store)
      if !app.isFinished { draw(app, on: terminal) }
      busy = true
    }
    // A commit whose outcome was not seen keeps its draft, and with it the commit's key:
    // Confirm after Resume settles it.
    let unsettled = app.unsettledCommit != nil
    if unsettled { drafts?.save(app) } else { drafts?.finish() }
    terminal.stop()
    if unsettled {
      FileHandle.standardError.write(
        Data(
          ("stockroom: the last commit's outcome was not seen (the store could not be "
            + "reached); its draft is kept: Resume and Confirm settle it by its key\n").utf8))
    }
    courier?.finish(waiting: MailCourier.sayWaiting)
  }

  /// The next key, with a scanner's burst (characters and Enter within a few
  /// milliseconds) delivered as one `.scan`.
  private static func nextKey(
    _ terminal: CursesTerminal, queue: inout [Key], timeout: Int32
  ) -> Key? {
    if !queue.isEmpty { return queue.removeFirst() }
    guard let first = terminal.readKey(timeout: timeout) else { return nil }
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
