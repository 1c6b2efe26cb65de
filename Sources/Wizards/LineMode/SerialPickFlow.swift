import TerminalUI

/// A flow whose answers hold a serial pick list (the deallocation and allocation wizards):
/// the line mode reads the serials on offer from it, shows a range's preview, and puts a
/// chosen serial back. Answers are passed untyped so any `WizardScreen` can ask.
protocol SerialPickFlow {
  /// The pick list in `answers`; nil when they hold none.
  func serialPick(in answers: Any) -> SerialPickStep?
  /// `answers` with `pick` in place of their pick list.
  func replacingSerialPick(_ pick: SerialPickStep, in answers: Any) -> Any?
}

extension DeallocationFlow: SerialPickFlow {
  func serialPick(in answers: Any) -> SerialPickStep? { (answers as? DeallocationAnswers)?.pick }

  func replacingSerialPick(_ pick: SerialPickStep, in answers: Any) -> Any? {
    guard var answers = answers as? DeallocationAnswers else { return nil }
    answers.pick = pick
    return answers
  }
}

extension AllocationFlow: SerialPickFlow {
  func serialPick(in answers: Any) -> SerialPickStep? { (answers as? AllocationAnswers)?.pick }

  func replacingSerialPick(_ pick: SerialPickStep, in answers: Any) -> Any? {
    guard var answers = answers as? AllocationAnswers else { return nil }
    answers.pick = pick
    return answers
  }
}

extension SerialPickStep {
  /// The serials on offer that are not chosen yet, in the list's order.
  var available: [String] {
    guard let list = pickList else { return [] }
    return list.items.indices.filter { !list.isOnRight(Int32($0)) }.map { list.items[$0] }
  }

  /// Puts `serial` back from the right list; what happened, in words.
  mutating func putBack(_ serial: String) -> StatusLine {
    let shown = TextSafety.neutralised(serial)
    guard var list = pickList, let index = list.index(of: serial), list.isOnRight(index) else {
      return StatusLine("\(shown) is not in \(words.right).", kind: .error)
    }
    pickList = nil
    _ = list.moveToLeft([index])
    pickList = list
    return StatusLine("\(shown) put back in \(words.left).", kind: .success)
  }
}
