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

  /// Rows of the step, relative to its top: (disposition, container, reference, comment).
  private var rows: (disposition: Int, container: Int, reference: Int, comment: Int) {
    isHardware ? (3, 8, 9, 10) : (-1, 3, 4, 5)
  }

  static let fieldX = 14

  func updateReference(
    focus: Int, key: Key, answers: inout DeallocationAnswers
  ) -> KeyResult {
    let first = isHardware ? 1 : 0
    if isHardware && focus == 0 { return answers.disposition.update(key) }
    switch focus - first {
    case 0: return answers.container.update(key)
    case 1: return answers.reference.update(key)
    default: return answers.comment.update(key)
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
    focus: Int?, answers: DeallocationAnswers, into buffer: inout Buffer, in rect: Rect
  ) {
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
    let first = isHardware ? 1 : 0
    if isHardware {
      let y = rect.y + rows.disposition
      buffer.put("Return as", x: x, y: y, style: focus == 0 ? .title : .plain)
      answers.disposition.render(
        into: &buffer, in: Rect(x: fieldX, y: y, width: 40, height: 4), focused: focus == 0)
      let pins = (answers.pickList?.rightItems ?? []).filter { answers.needsPIN.contains($0) }
      if !pins.isEmpty {
        let hint =
          pins.count == 1
          ? "◂ \(TextSafety.neutralised(pins[0])) needs a PIN" : "◂ \(pins.count) need a PIN"
        buffer.put(hint, x: fieldX + 40, y: y + 1, style: .warning, clip: rect)
      }
    }
    let containerY = rect.y + rows.container
    buffer.put("Container", x: x, y: containerY, style: focus == first ? .title : .plain)
    answers.container.render(
      into: &buffer, in: Rect(x: fieldX, y: containerY, width: 44, height: 1),
      focused: focus == first)
    let referenceY = rect.y + rows.reference
    buffer.put("Reference", x: x, y: referenceY, style: focus == first + 1 ? .title : .plain)
    // Fields are drawn without their refusal beside them (it would be cut at
    // 80 columns): the refusal is shown under the fields and on the status line.
    answers.reference.render(
      into: &buffer, in: Rect(x: fieldX, y: referenceY, width: 42, height: 1),
      focused: focus == first + 1)
    buffer.put(
      answers.reference.counterText, x: fieldX + 44, y: referenceY,
      style: answers.reference.error == nil ? .hint : .error)
    let commentY = rect.y + rows.comment
    buffer.put("Comment", x: x, y: commentY, style: focus == first + 2 ? .title : .plain)
    answers.comment.render(
      into: &buffer, in: Rect(x: fieldX, y: commentY, width: 58, height: 1),
      focused: focus == first + 2)
    let counter = answers.comment.counterText
    buffer.put(
      counter, x: fieldX + 58 - CharacterWidth.of(counter), y: commentY + 1,
      style: answers.comment.error == nil ? .hint : .error)
    let explainY = commentY + 3
    var explanation: String
    switch focus {
    case .some(0) where isHardware:
      explanation = DeallocationFlow.explanation(
        Disposition.allCases[answers.disposition.highlighted])
    case .some(let control) where control == first:
      explanation = "Container: where in the Virtual Server's inventory the returned items go."
    case .some(let control) where control == first + 1:
      explanation =
        "Reference (optional): an RMA, work order or similar number that authorizes this; "
        + "up to 64 letters, digits, spaces and - _ / . # :"
    case .some(let control) where control == first + 2:
      explanation = "Comment (optional): up to 128 characters; it appears in reports."
    default:
      explanation = ""
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

  /// Why the last text typed into Reference or Comment was refused.
  /// The focused field's refusal first.
  func textRefusal(_ answers: DeallocationAnswers, focus: Int?) -> String? {
    let first = isHardware ? 1 : 0
    let reference = answers.reference.error.map { "Reference: " + $0 }
    let comment = answers.comment.error.map { "Comment: " + $0 }
    return focus == first + 2 ? (comment ?? reference) : (reference ?? comment)
  }

  func cursorReference(focus: Int, answers: DeallocationAnswers, in rect: Rect) -> Point? {
    let first = isHardware ? 1 : 0
    let fieldX = rect.x + DeallocationFlow.fieldX
    let width = rect.width - DeallocationFlow.fieldX
    switch focus - first {
    case 1:
      return answers.reference.cursorPosition(
        in: Rect(x: fieldX, y: rect.y + rows.reference, width: width, height: 1))
    case 2:
      return answers.comment.cursorPosition(
        in: Rect(x: fieldX, y: rect.y + rows.comment, width: width, height: 1))
    default:
      return nil
    }
  }
}
