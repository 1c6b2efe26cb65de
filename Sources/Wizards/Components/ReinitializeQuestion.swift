import Foundation
import TerminalUI

/// "Re-initialize this faulty token?": the question, its answer and the words
/// after the commit, shared by every screen that lists faulty tokens.
enum ReinitializeQuestion {
  /// The question about `serial`, laid out in `body` (where the screen draws it).
  static func dialog(for serial: String, in body: Rect) -> Modal {
    let shown = TextSafety.neutralised(serial)
    var dialog = Modal(
      title: "Re-initialize \(shown)?",
      message: "Testing showed \(shown) works: it becomes available for allocation again.",
      buttons: ["Re-initialize", "Cancel"], selected: 0)
    dialog.layout(in: body)
    return dialog
  }

  /// Gives `key` to the open question, laid out in `body` first (a click
  /// finds its button at the current size). While it stays open, and when it
  /// is cancelled (Esc included), the screen stays; Re-initialize commits.
  static func answer(_ question: inout Modal?, key: Key, serial: String?, body: Rect) -> Effect {
    guard var dialog = question else { return .none }
    dialog.layout(in: body)
    let result = dialog.update(key)
    question = dialog
    guard result == .activated else { return .stay }
    question = nil
    guard dialog.chosen == 0, let serial else { return .stay }
    return .commit(
      PendingCommit(command: .reinitialize(serials: [serial]), key: UUID().uuidString))
  }

  /// What the status line says after the commit.
  static func notice(_ outcome: CommitOutcome) -> StatusLine {
    switch outcome {
    case .committed(let transaction):
      return StatusLine(
        "Re-initialized as \(transaction.transactionId); the token is available.", kind: .success)
    case .refused(let why), .conflict(let why):
      return StatusLine(why, kind: .error)
    }
  }
}
