import StockroomDomain
import TerminalUI

/// The Stock step of the receiving wizard: what arrives, owned or leased,
/// the container it goes into, whether the tokens need a PIN, and the
/// transaction's Reference and Comment.
extension ReceiveFlow {
  static let labelWidth = 14

  /// The PIN check box's text; its frame is as wide.
  static let needsPINText = "Needs a token-side PIN"

  func layoutStock(_ answers: ReceiveAnswers, in rect: Rect) -> StepLayout<Control> {
    var layout = StepLayout<Control>(area: rect)
    let fieldX = rect.x + 1 + ReceiveFlow.labelWidth
    layout.place(.item, Rect(x: fieldX, y: rect.y, width: 34, height: 1))
    layout.place(.ownership, Rect(x: fieldX, y: rect.y + 2, width: rect.maxX - fieldX, height: 2))
    let fields = answers.fields.layout(
      labelX: rect.x + 1, fieldX: fieldX, rows: [rect.y + 5, rect.y + 8, rect.y + 9])
    for (field, frame) in fields { layout.place(.field(field), frame) }
    let pinWidth = 4 + CharacterWidth.of(ReceiveFlow.needsPINText)
    layout.place(.needsPIN, Rect(x: fieldX, y: rect.y + 6, width: pinWidth, height: 1))
    return layout
  }

  func updateStock(
    _ key: Key, control: Control, answers: inout ReceiveAnswers, layout: StepLayout<Control>
  ) -> KeyResult {
    switch control {
    case .item:
      let result = answers.item.update(key)
      if result != .ignored { answers.itemChosen = true }
      return result
    case .ownership:
      return answers.ownership.updateChoosing(key, in: layout.frame(.ownership))
    case .needsPIN:
      if key == .enter { return .activated }
      var toggles = key == .character(" ")
      if case .mouse(let mouse) = key { toggles = mouse.action == .press }
      guard toggles else { return .ignored }
      if isHardware(answers) { answers.needsPIN.toggle() }
      return .handled
    case .field(let field):
      return answers.fields.update(field, key: key)
    default:
      return .ignored
    }
  }

  func viewStock(
    focus: Control?, answers: ReceiveAnswers, layout: StepLayout<Control>,
    into buffer: inout Buffer
  ) {
    let rect = layout.area
    let x = rect.x + 1
    func label(_ text: String, _ control: Control) {
      buffer.put(
        text, x: x, y: layout.frame(control).y, style: focus == control ? .title : .plain)
    }
    label("Receive", .item)
    answers.item.render(into: &buffer, in: layout.frame(.item), focused: focus == .item)
    label("Ownership", .ownership)
    answers.ownership.render(
      into: &buffer, in: layout.frame(.ownership), focused: focus == .ownership)
    label("PIN", .needsPIN)
    let pin = layout.frame(.needsPIN)
    let mark = answers.needsPIN ? "[x]" : "[ ]"
    let hardware = isHardware(answers)
    let end = buffer.put(
      "\(mark) \(ReceiveFlow.needsPINText)", x: pin.x, y: pin.y,
      style: !hardware ? .hint : (focus == .needsPIN ? .highlight : .plain))
    buffer.put(
      hardware ? "  (RB-1 tokens issued with PINs)" : "  (hardware only)", x: end, y: pin.y,
      style: .hint, clip: rect)
    let field = ReceiveFlow.focusedField(focus)
    answers.fields.render(
      focus: field, labelX: x,
      layout: answers.fields.controls.map { (control: $0, rect: layout.frame(.field($0))) },
      into: &buffer)
    let explainY = rect.y + 12
    var text =
      answers.fields.explanation(
        focused: field, containerText: "Container: where the new stock is placed.")
      ?? "Owned stock may be sold or rented; leased stock may only be rented."
    var style = Style.hint
    if let refusal = answers.fields.textRefusal(focused: field) {
      text = refusal
      style = .error
    }
    buffer.putWrapped(
      text, in: Rect(x: x, y: explainY, width: rect.width - 2, height: rect.maxY - explainY),
      style: style)
  }
}
