import StockroomDomain
import TerminalUI

/// Step 2 of the deallocation wizard, Reference information: what is being
/// deallocated, the disposition for hardware (the seed's four choices), the
/// Container, an optional Reference (an RMA number) and Comment.
extension DeallocationFlow {
  /// The seed's explanation of each disposition, shown while it is highlighted.
  static func explanation(_ disposition: Disposition) -> String {
    switch disposition {
    case .return:
      return "Return to Inventory: for items that do not require re-initialization; "
        + "available for allocation to accounts at once."
    case .initialize:
      return "Initialize and return to Inventory: for tokens that must be re-initialized "
        + "first; rarely required, typically RB-1 tokens issued with token-side PINs."
    case .faulty:
      return "Faulty: for tokens that do not appear to work; they return in the Faulty "
        + "state, never offered for allocation until re-initialized."
    case .lost:
      return "Lost: records that the token is lost."
    }
  }

  /// Rows of the step, relative to its top: (disposition, container, reference, comment,
  /// reason; the Comment's counter has the row under it).
  private var rows: (disposition: Int, container: Int, reference: Int, comment: Int, reason: Int) {
    isHardware ? (3, 8, 9, 10, 12) : (-1, 3, 4, 5, 7)
  }

  static let fieldX = 14

  /// The Reference step's one layout: Return as (hardware), then the fields.
  func layoutReference(answers: DeallocationAnswers, into layout: inout StepLayout<Control>) {
    let rect = layout.area
    let fieldX = rect.x + DeallocationFlow.fieldX
    if isHardware {
      layout.place(
        .disposition, Rect(x: fieldX, y: rect.y + rows.disposition, width: 40, height: 4))
    }
    let fieldRows = [rows.container, rows.reference, rows.comment].map { rect.y + $0 }
    for (field, frame) in answers.fields.layout(labelX: rect.x + 1, fieldX: fieldX, rows: fieldRows)
    {
      layout.place(.field(field), frame)
    }
    layout.place(.returnReason, Rect(x: fieldX, y: rect.y + rows.reason, width: 44, height: 1))
  }

  func updateReference(
    _ key: Key, control: Control, answers: inout DeallocationAnswers
  ) -> KeyResult {
    switch control {
    case .disposition:
      return answers.disposition.update(key)
    case .field(let field):
      return answers.fields.update(field, key: key)
    case .returnReason:
      return answers.returnReason.update(key)
    default:
      return .ignored
    }
  }

  /// "3 × RB-1: RB1-00040102, RB1-00040109, …" or "40 SMS Rental tokens".
  func deallocatingText(_ answers: DeallocationAnswers) -> String {
    switch kind {
    case .software:
      let row = answers.softwareRow
      let column = DeallocationFlow.softwareRows[row]
      let quantity = answers.softwareQuantities[row].value ?? 0
      if column == .capacity { return "\(quantity) units of Capacity" }
      var text = "\(quantity) \(column.title) tokens"
      if column == .smsRental { text += ", with \(quantity) units of Capacity" }
      return text
    case .mobilePass:
      return "\(answers.mobileQuantity.value ?? 0) MobilePASS tokens"
    case .hardware:
      let serials = answers.pickList?.rightItems ?? []
      return "\(serials.count) × \(modelName): "
        + serials.map(TextSafety.neutralised).joined(separator: ", ")
    }
  }

  func viewReference(
    focus: Control?, answers: DeallocationAnswers, layout: StepLayout<Control>,
    into buffer: inout Buffer
  ) {
    let rect = layout.area
    let x = rect.x + 1
    let fieldX = rect.x + DeallocationFlow.fieldX
    buffer.put("Deallocating", x: x, y: rect.y, style: .title)
    let summary = TextLayout.wrap(
      deallocatingText(answers), width: rect.width - DeallocationFlow.fieldX - 1)
    for (index, line) in summary.prefix(2).enumerated() {
      let shown =
        index == 1 && summary.count > 2
        ? TextLayout.truncate(line + " …", to: rect.width - 16) : line
      buffer.put(shown, x: fieldX, y: rect.y + index, clip: rect)
    }
    if let frame = layout[.disposition] {
      let y = frame.y
      let focused = focus == .disposition
      buffer.put("Return as", x: x, y: y, style: focused ? .title : .plain)
      answers.disposition.render(into: &buffer, in: frame, focused: focused)
      let pins = (answers.pickList?.rightItems ?? []).filter { answers.needsPIN.contains($0) }
      if !pins.isEmpty {
        let hint =
          pins.count == 1
          ? "◂ \(TextSafety.neutralised(pins[0])) needs a PIN" : "◂ \(pins.count) need a PIN"
        buffer.put(hint, x: fieldX + 40, y: y + 1, style: .warning, clip: rect)
      }
    }
    let fields = layout.frames.compactMap { frame -> (ReferenceFields.Control, Rect)? in
      guard case .field(let field) = frame.control else { return nil }
      return (field, frame.rect)
    }
    answers.fields.render(
      focus: focusedField(focus), labelX: x, layout: fields.map { ($0.0, $0.1) }, into: &buffer)
    let reasonFrame = layout.frame(.returnReason)
    answers.returnReason.render(
      labelX: x, frame: reasonFrame, focused: focus == .returnReason, into: &buffer)
    let explainY = reasonFrame.y + 2
    var explanation: String
    if focus == .returnReason {
      explanation = ReturnReasonField.explanation
    } else if focus == .disposition {
      explanation = DeallocationFlow.explanation(
        Disposition.allCases[answers.disposition.highlighted])
    } else {
      explanation =
        answers.fields.explanation(
          focused: focusedField(focus),
          containerText:
            "Container: where in the Virtual Server's inventory the returned items go.") ?? ""
    }
    var style = Style.hint
    if let refusal = textRefusal(answers, focus: focus) {
      explanation = refusal
      style = .error
    }
    buffer.putWrapped(
      explanation, in: Rect(x: x, y: explainY, width: rect.width - 2, height: rect.maxY - explainY),
      style: style)
  }

  private func focusedField(_ focus: Control?) -> ReferenceFields.Control? {
    guard case .field(let field) = focus else { return nil }
    return field
  }

  /// Why the last text typed into Reference or Comment was refused.
  /// The focused field's refusal first.
  func textRefusal(_ answers: DeallocationAnswers, focus: Control?) -> String? {
    answers.fields.textRefusal(focused: focusedField(focus))
  }
}
