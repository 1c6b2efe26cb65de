import StockroomDomain
import TerminalUI

/// What the new-order wizard's controls do with a key, and the legend, hints and help that
/// say so: ↑↓ (PgUp PgDn Home End) walk the types, ← → choose a detail, text fields type.
extension NewOrderFlow {
  public func update(
    _ key: Key, control: Control, step: Step, answers: inout Answers,
    layout: StepLayout<Control>, context: AppContext
  ) -> KeyResult {
    answers.notes = []
    switch control {
    case .type:
      return updateType(key, answers: &answers, rows: layout.frame(.type))
    case .field(let field) where field.isText:
      var text = answers.field(field)
      let result = text.update(key)
      answers.texts[field] = text
      return result
    case .field(let field):
      return updateChoice(key, field: field, answers: &answers, frame: layout[control])
    }
  }

  /// The type list: ↑↓, a page of the rows shown, Home and End, a click or the wheel; a
  /// new type starts its details afresh.
  func updateType(_ key: Key, answers: inout Answers, rows: Rect) -> KeyResult {
    let count = OrderType.allCases.count
    let page = max(1, rows.height - 1)
    var index = answers.typeIndex
    switch key {
    case .up: index -= 1
    case .down: index += 1
    case .pageUp: index -= page
    case .pageDown: index += page
    case .home: index = 0
    case .end: index = count - 1
    case .enter: return .activated
    case .mouse(let mouse):
      switch mouse.action {
      case .wheelUp: index -= 1
      case .wheelDown: index += 1
      case .press where rows.contains(mouse.position):
        index = Self.firstTypeShown(answers, rows: rows.height) + mouse.position.y - rows.y
      default: return .ignored
      }
    default: return .ignored
    }
    answers.typeIndex = min(max(0, index), count - 1)
    answers.choices = [:]
    answers.unchosen = []
    return .handled
  }

  /// A choice field: → Space > the next option, ← < the one before; a click on ‹ or › too.
  func updateChoice(
    _ key: Key, field: OrderFieldKey, answers: inout Answers, frame: Rect?
  ) -> KeyResult {
    let fields = fields(answers)
    let list = fields.options(field, answers)
    guard !list.isEmpty else { return .ignored }
    var delta: Int
    switch key {
    case .right, .character(" "), .character(">"): delta = 1
    case .left, .character("<"): delta = -1
    case .mouse(let mouse):
      guard mouse.action == .press, let frame else { return .ignored }
      let value = Self.valueRect(frame)
      let end = value.x + CharacterWidth.of(choiceText(field, answers))
      if mouse.position.x >= value.x && mouse.position.x < value.x + 2 {
        delta = -1
      } else if mouse.position.x >= end - 2 && mouse.position.x < end {
        delta = 1
      } else {
        return .ignored
      }
    default: return .ignored
    }
    if answers.unchosen.remove(field) != nil {
      // Nothing was chosen: → starts at the first option, ← at the last.
      answers.choices[field] = delta > 0 ? 0 : list.count - 1
      return .handled
    }
    let current = answers.choices[field] ?? fields.defaultIndex(field, list)
    answers.choices[field] = (current + delta + list.count) % list.count
    return .handled
  }

  public func keyBindings(step: Step, focus: Control?, answers: Answers) -> [KeyBinding] {
    if step == .type { return [.move, .page] }
    guard case .field(let key) = focus, !key.isText else { return [] }
    return [KeyBinding("← →", "choose")]
  }

  /// What opening from a record could not keep; on Details, why Next is refused.
  public func hint(step: Step, focus: Control?, answers: Answers) -> StatusLine? {
    if !answers.notes.isEmpty {
      return StatusLine(answers.notes.joined(separator: "; "), kind: .error)
    }
    guard step == .details, let refusal = refusal(step: step, answers: answers) else {
      return nil
    }
    return StatusLine(refusal.message, kind: .error)
  }

  public func help(step: Step) -> String { step.help }

}
