import Foundation
import StockroomStore
import TerminalUI
import Wizards

/// Saves the session's draft while the terminal loop runs: shortly after each
/// change (debounced), at once before a SIGHUP or SIGTERM ends the process,
/// and deletes it when the answers are committed, left, or the user quits.
/// A draft is the top wizard's answers by name (`App.draft`), so a wizard
/// opened by `--interactive` is kept from its first answer.
final class DraftKeeper {
  let files: DraftFiles
  let user: String
  let uid: UInt32
  let id: String
  let createdAt: String
  private var changedAt: Date?
  private var firstUnsaved: Date?
  private var onDisk = false
  private var saved: Data?
  /// The last save failure, printed after the terminal is restored.
  private(set) var failure: String?

  /// How long the keys must pause before a save, and the longest a change waits.
  static let quiet: TimeInterval = 0.3
  static let longest: TimeInterval = 2

  init(files: DraftFiles, app: App, resuming draft: Draft?) {
    self.files = files
    user = app.context.userName
    uid = app.context.userId
    if let draft {
      id = draft.id
      createdAt = draft.createdAt
      onDisk = true
    } else {
      id = Draft.newIdentifier()
      createdAt = Draft.timestamp(Date())
    }
  }

  /// Notes a handled key and the commit it caused, if any.
  func after(_ key: Key, outcome: CommitOutcome?, app: App) {
    let now = Date()
    changedAt = now
    if firstUnsaved == nil { firstUnsaved = now }
    if case .committed = outcome { save(app) } else { tick(app) }
  }

  /// Called while idle and between keys: saves once the keys paused briefly.
  func tick(_ app: App) {
    guard let changedAt, let firstUnsaved else { return }
    let now = Date()
    if now.timeIntervalSince(changedAt) >= Self.quiet
      || now.timeIntervalSince(firstUnsaved) >= Self.longest
    {
      save(app)
    }
  }

  /// Saves (or deletes) the draft now: before a terminating signal.
  func save(_ app: App) {
    changedAt = nil
    firstUnsaved = nil
    do {
      let stamp = Draft.timestamp(Date())
      if let draft = app.draft(
        id: id, user: user, uid: uid, createdAt: createdAt, updatedAt: stamp)
      {
        // Unchanged answers are not written again (the stamp aside).
        var unstamped = draft
        unstamped.updatedAt = createdAt
        let comparable = unstamped.encoded()
        if onDisk, comparable == saved { return }
        guard let data = draft.encoded() else { return }
        try files.save(id: id, data: data)
        saved = comparable
        onDisk = true
      } else if onDisk {
        try files.remove(id: id)
        onDisk = false
        saved = nil
      }
      failure = nil
    } catch {
      failure = error.message
    }
  }

  /// The user left on purpose (quit, or agreed to lose the answers): no draft.
  func finish() {
    if onDisk { _ = try? files.remove(id: id) }
    onDisk = false
  }
}
