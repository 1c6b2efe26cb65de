import CursesTerminal
import Foundation
import StockroomPostgres
import StockroomStore
import TerminalUI
import Wizards

/// The line mode's edge, beside `TerminalLoop`: read an answer, hand what it means to the
/// same `App`, write plain lines. The screens, commits, drafts and rules are the same.
enum LineLoop {
  /// The size the app lays its screens out at: no screen is too small, none is drawn.
  static let size = Size(width: 100, height: 40)

  /// The most steps of a screen's background work run after one answer (a bound, not a
  /// budget: a report over ten million tokens takes a few thousand).
  static let maximumIdleSteps = 1_000_000

  /// The exit status when input ends inside a wizard (its draft kept).
  static let endedInWizard: Int32 = 130

  /// Runs `app` until it finishes or input ends; returns the exit status. A demo session
  /// passes its `watch` (idle timeout, clean-up before a signal ends the process).
  static func run(
    _ app: inout App, writer: LineWriter, reader: LineReader, watch: DemoSessionWatch? = nil,
    drafts: DraftKeeper? = nil, store location: StoreLocation? = nil
  ) -> Int32 {
    app.handle(.resize(size))
    app.commitReturns = BenchCommit.commit
    let courier = MailCourier.start(for: app.context.store)
    let send: LineSession.Send = { app, input in
      app.refresh()
      watch?.noteKey()
      switch input {
      case .key(let key):
        app.handle(key)
        _ = InputAftermath.follow(
          &app, key: key, drafts: drafts, courier: courier, store: location)
      case .openRow(let row):
        app.openRow(row)
        _ = InputAftermath.follow(
          &app, key: .enter, drafts: drafts, courier: courier, store: location)
      }
      // What a screen does between key polls on screen (a report over the whole ledger, a
      // long filter) is finished before the answer is read back: no frame comes in between.
      var steps = 0
      while steps < maximumIdleSteps, app.idle() { steps += 1 }
    }
    var session = LineSession()
    writer.write(session.show(app, force: true))
    var status: Int32 = 0
    // A database store: a lost connection said, a commit whose outcome was not seen settled,
    // looked at while an answer is awaited (about once a second).
    var connection = ConnectionWatch()
    // A terminating signal, or the hang-up that is one: clean up, keep the draft, let it end
    // the process as it would have.
    let endBy = { (signal: Int32, app: App) -> Never in
      watch?.beforeSignalExit()
      drafts?.save(app)
      LineModeSignals.reraise(signal)
    }
    while !app.isFinished {
      writer.prompt()
      let read = reader.next {
        if let signal = LineModeSignals.pending { endBy(signal, app) }
        let live = connection.look(&app)
        if case .committed? = live.settled {
          drafts?.save(app)
          courier?.deliver()
        }
        if live.changed {
          let news = session.connectionNews(app) + session.show(app)
          if !news.isEmpty {
            writer.write([""] + news)
            writer.prompt()
          }
        }
        return watch?.shouldStop() == true
      }
      switch read {
      case .line(let line):
        writer.write(session.answer(line, app: &app, send: send))
        // Answers come slowly: the draft is saved after each, so a dropped line loses none.
        drafts?.save(app)
      case .refused(let why):
        writer.write(["Error: " + why] + session.show(app, force: true))
      case .endOfInput where reader.hungUp:
        // A dropped connection ends the process as its SIGHUP would, whichever came first.
        endBy(SIGHUP, app)
      case .endOfInput, .stopped:
        status = ended(app, drafts: drafts, writer: writer, stopped: read == .stopped)
        courier?.finish(waiting: MailCourier.sayWaiting)
        return status
      }
    }
    if app.unsettledCommit != nil { drafts?.save(app) } else { drafts?.finish() }
    courier?.finish(waiting: MailCourier.sayWaiting)
    return status
  }

  /// Input ended: home leaves with 0; a wizard with answers keeps its draft and says so (130).
  private static func ended(
    _ app: App, drafts: DraftKeeper?, writer: LineWriter, stopped: Bool
  ) -> Int32 {
    writer.write([""])
    guard app.stack.contains(where: \.hasAnswers) else {
      drafts?.finish()
      return 0
    }
    if let drafts {
      drafts.save(app)
      writer.write([
        "Input ended in \(app.current.title): your answers are kept as a draft; the next "
          + "start offers to resume them."
      ])
    } else {
      writer.write(["Input ended in \(app.current.title): the answers are not kept."])
    }
    return stopped ? 0 : endedInWizard
  }

  /// A small loop for a prompt before home (the drafts' Resume); false when input ended.
  static func runPrompt(_ prompt: inout App, writer: LineWriter, reader: LineReader) -> Bool {
    prompt.handle(.resize(size))
    var session = LineSession()
    writer.write(session.show(prompt, force: true))
    let send: LineSession.Send = { app, input in
      if case .key(let key) = input {
        app.handle(key)
      } else if case .openRow(let row) = input {
        app.openRow(row)
      }
    }
    while !prompt.isFinished {
      writer.prompt()
      switch reader.next(waiting: { LineModeSignals.pending != nil }) {
      case .line(let line): writer.write(session.answer(line, app: &prompt, send: send))
      case .refused(let why): writer.write(["Error: " + why] + session.show(prompt, force: true))
      case .endOfInput, .stopped: return false
      }
    }
    return true
  }
}
