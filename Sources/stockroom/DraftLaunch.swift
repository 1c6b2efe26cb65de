import CursesTerminal
import Foundation
import StockroomStore
import TerminalUI
import Wizards

/// Before the home screen: offers the user's drafts (Resume, Discard, Start
/// fresh), reopens the chosen one's wizard from its answers, says what changed
/// meanwhile, and returns the keeper that saves this session's draft. Drafts
/// of an older format are named and refused, never replayed.
enum DraftLaunch {
  static func prepare(_ app: inout App, on terminal: CursesTerminal) -> DraftKeeper? {
    prepare(&app, size: terminal.size) {
      runPrompt(&$0, on: terminal)
    } leave: {
      terminal.stop()
      exit(0)
    }
  }

  /// The same in the line mode: the Resume prompt read and answered as lines.
  static func prepare(_ app: inout App, writer: LineWriter, reader: LineReader) -> DraftKeeper? {
    prepare(&app, size: LineLoop.size) {
      if !LineLoop.runPrompt(&$0, writer: writer, reader: reader) { exit(0) }
    } leave: {
      exit(0)
    }
  }

  /// Offers the drafts with `ask` (which runs the prompt until it is answered); `leave` ends
  /// the process when the user chose to.
  private static func prepare(
    _ app: inout App, size: Size, ask: (inout App) -> Void, leave: () -> Never
  ) -> DraftKeeper? {
    guard app.context.store != nil,
      let files = try? DraftFiles(
        dataDirectory: app.context.dataDirectory, uid: app.context.userId, create: true)
    else { return nil }
    // Opened above home (`--interactive`): the wizard's draft is kept from its first answer.
    if app.stack.count > 1 { return DraftKeeper(files: files, app: app, resuming: nil) }
    var drafts: [Draft] = []
    var refused = 0
    for file in files.list() {
      switch Draft.read(file.data) {
      case .draft(let draft) where draft.uid == app.context.userId: drafts.append(draft)
      case .draft: break
      case .refused: refused += 1
      }
    }
    drafts.sort { $0.updatedAt > $1.updatedAt }
    guard !drafts.isEmpty || refused > 0 else {
      return DraftKeeper(files: files, app: app, resuming: nil)
    }
    let note =
      refused == 0
      ? nil
      : "\(refused == 1 ? "A draft" : "\(refused) drafts") of an older format cannot be "
        + "resumed; `stockroom drafts` lists \(refused == 1 ? "it" : "them") to discard."
    var prompt = App(
      home: ResumeScreen(drafts: drafts, refused: note), size: size, context: app.context)
    ask(&prompt)
    guard let screen = prompt.stack.first as? ResumeScreen else { return nil }
    for id in screen.discarded { _ = try? files.remove(id: id) }
    guard let decision = screen.decision else { leave() }
    guard case .resume(let draft) = decision else {
      return DraftKeeper(files: files, app: app, resuming: nil)
    }
    app.refresh()
    if let error = app.resume(draft) {
      app.carryOut(.push(ResumeNotice(message: error.message, resumed: false)))
      return DraftKeeper(files: files, app: app, resuming: nil)
    }
    return DraftKeeper(files: files, app: app, resuming: draft)
  }

  /// A small key loop for the prompt; a terminating signal ends the process cleanly.
  private static func runPrompt(_ prompt: inout App, on terminal: CursesTerminal) {
    prompt.handle(.resize(terminal.size))
    while !prompt.isFinished {
      if let signal = terminal.pendingSignal { terminal.stopAndReraise(signal) }
      let frame = prompt.render()
      terminal.draw(frame.buffer, cursor: frame.cursor)
      guard let key = terminal.readKey(timeout: 200) else { continue }
      prompt.handle(key)
    }
  }
}
