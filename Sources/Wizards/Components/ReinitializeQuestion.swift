import Foundation
import TerminalUI

/// "Re-initialize this faulty token?": the question, its answer and the words
/// after the commit, shared by every screen that lists faulty tokens.
enum ReinitializeQuestion {
  static func dialog(for serial: String) -> Modal {
    let shown = TextSafety.neutralised(serial)
    var dialog = Modal(
      title: "Re-initialize \(shown)?",
      message: "Testing showed \(shown) works: it becomes available for allocation again.",
      buttons: ["Re-initialize", "Cancel"], selected: 0)
    dialog.layout(in: App.bodyRect(for: .minimum))
    return dialog
  }

  /// Gives `key` to the open question. While it stays open, and when it is
  /// cancelled (Esc included), the screen stays; Re-initialize commits.
  static func answer(_ question: inout Modal?, key: Key, serial: String?) -> Effect {
    guard var dialog = question else { return .none }
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
    case .committed(let id):
      return StatusLine("Re-initialized as \(id); the token is available.", kind: .success)
    case .refused(let why), .conflict(let why):
      return StatusLine(why, kind: .error)
    }
  }
}
