import TerminalUI

/// The pick list of a wizard in the line mode: the serials on offer listed, a range's
/// preview confirmed with its count, a serial put back.
extension WizardScreen {
  /// The pick list on this step, once Search has filled it.
  var linePick: SerialPickStep? {
    guard !isDone, let pick = (flow as? any SerialPickFlow)?.serialPick(in: answers),
      pick.pickList != nil,
      stepControlsHavePickList
    else { return nil }
    return pick
  }

  private var stepControlsHavePickList: Bool {
    flow.controls(step: step, answers: answers).contains {
      flow.describe($0, step: step, answers: answers).kind == .serialPickList
    }
  }

  /// The serials a `:list` reads: those on offer not chosen yet; nil without a pick list.
  public var lineAvailableSerials: [String]? { linePick?.available }

  /// A range or list waiting for yes or no, as lines; nil when none is.
  var linePreview: [String]? {
    guard let preview = linePick?.preview else { return nil }
    return ["\(preview.source): \(SerialPreview.count(preview.given)) serials."] + preview.lines
      + [preview.matched.isEmpty ? "Nothing to move: type no." : "Move them? Type yes or no."]
  }

  /// `:remove SERIAL`: puts it back on the left list.
  public mutating func lineRemove(_ serial: String) -> StatusLine {
    guard let picker = flow as? any SerialPickFlow, var pick = linePick else {
      return StatusLine("There is no pick list here.", kind: .error)
    }
    let said = pick.putBack(serial)
    if let changed = picker.replacingSerialPick(pick, in: answers) as? Flow.Answers {
      answers = changed
    }
    return said
  }
}
