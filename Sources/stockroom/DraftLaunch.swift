import CursesTerminal
import Foundation
import StockroomStore
import TerminalUI
import Wizards

/// Before the home screen: offers the user's drafts (Resume, Discard, Start
/// fresh), replays the chosen one from home with commits dropped, says when its
/// answers changed meanwhile, and returns the keeper that saves this session's draft.
enum DraftLaunch {
  static func prepare(_ app: inout App, on terminal: CursesTerminal) -> DraftKeeper? {
    guard app.context.store != nil,
      let files = try? DraftFiles(
        dataDirectory: app.context.dataDirectory, uid: app.context.userId, create: true)
    else { return nil }
    // Opened above home (`--interactive`): drafts start once the screens are home again.
    if app.stack.count > 1 { return DraftKeeper(files: files, app: app, resuming: nil) }
    let drafts = files.list().compactMap { Draft.decode($0.data) }
      .filter { $0.uid == app.context.userId }
      .sorted { $0.updatedAt > $1.updatedAt }
    guard !drafts.isEmpty else { return DraftKeeper(files: files, app: app, resuming: nil) }
    var prompt = App(home: ResumeScreen(drafts: drafts), size: terminal.size, context: app.context)
    runPrompt(&prompt, on: terminal)
    guard let screen = prompt.stack.first as? ResumeScreen else { return nil }
    for id in screen.discarded { _ = try? files.remove(id: id) }
    guard let decision = screen.decision else {
      terminal.stop()
      exit(0)
    }
    guard case .resume(let draft) = decision else {
      return DraftKeeper(files: files, app: app, resuming: nil)
    }
    app.refresh()
    app.replay(draft.events)
    app.handle(.resize(terminal.size))
    let keeper = DraftKeeper(files: files, app: app, resuming: draft)
    if let changes = DraftComparison.differences(saved: draft.summary, replayed: app.draftSummary) {
      app.carryOut(.push(ResumeNotice(message: changes)))
    }
    return keeper
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
