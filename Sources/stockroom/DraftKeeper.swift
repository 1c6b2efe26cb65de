import Foundation
import StockroomStore
import TerminalUI
import Wizards

/// Saves the session's draft while the terminal loop runs: shortly after each
/// change (debounced), at once before a SIGHUP or SIGTERM ends the process,
/// and deletes it when the answers are committed, left, or the user quits.
final class DraftKeeper {
  /// What the keeper noted before a key was handled.
  struct Before {
    var wasHome: Bool
    var skip: Bool
  }

  let files: DraftFiles
  let user: String
  let uid: UInt32
  private(set) var recorder: DraftRecorder
  let id: String
  let createdAt: String
  private var savedRevision = 0
  private var changedAt: Date?
  private var firstUnsaved: Date?
  private var onDisk = false
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
      recorder = DraftRecorder(resuming: draft, app: app)
      id = draft.id
      createdAt = draft.createdAt
      onDisk = true
    } else {
      recorder = DraftRecorder(app: app)
      id = Draft.newIdentifier()
      createdAt = Draft.timestamp(Date())
    }
  }

  func before(_ app: App) -> Before {
    Before(wasHome: app.stack.count == 1, skip: app.current is ResumeNotice)
  }

  /// Notes a handled key and the commit it caused, if any.
  func after(_ key: Key, _ before: Before?, outcome: CommitOutcome?, app: App) {
    guard let before, !before.skip else { return }
    let revision = recorder.revision
    recorder.record(key, wasHome: before.wasHome, outcome: outcome, app: app)
    guard recorder.revision != revision else { return }
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
      if recorder.wantsDraft(app) {
        let draft = recorder.draft(
          id: id, user: user, uid: uid, createdAt: createdAt,
          updatedAt: Draft.timestamp(Date()), app: app)
        guard let data = draft.encoded() else { return }
        try files.save(id: id, data: data)
        onDisk = true
      } else if onDisk {
        try files.remove(id: id)
        onDisk = false
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
