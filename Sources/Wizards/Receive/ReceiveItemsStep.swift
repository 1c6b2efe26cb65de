import StockroomDomain
import TerminalUI

/// The Items step of the receiving wizard: the new serials of a hardware
/// model (the scan field and the list under it), or the quantity of software
/// tokens or capacity received.
extension ReceiveFlow {
  func layoutItems(_ answers: ReceiveAnswers, in rect: Rect) -> StepLayout<Control> {
    var layout = StepLayout<Control>(area: rect)
    guard isHardware(answers) else {
      layout.place(
        .quantity, Rect(x: rect.x + 1 + ReceiveFlow.labelWidth, y: rect.y + 3, width: 12, height: 1)
      )
      return layout
    }
    for (control, frame) in ReceiveSerials.layout(in: rect) {
      layout.place(.serials(control), frame)
    }
    return layout
  }

  func updateItems(
    _ key: Key, control: Control, answers: inout ReceiveAnswers, layout: StepLayout<Control>,
    context: AppContext
  ) -> KeyResult {
    guard isHardware(answers) else {
      return control == .quantity ? answers.quantity.update(key) : .ignored
    }
    guard case .serials(let serials) = control else { return .ignored }
    return answers.serials.update(key, control: serials, body: layout.area, state: context.state)
  }

  func viewItems(
    focus: Control?, answers: ReceiveAnswers, layout: StepLayout<Control>,
    into buffer: inout Buffer, context: AppContext
  ) {
    let rect = layout.area
    let x = rect.x + 1
    let title = answers.item.value ?? ""
    let ownership = ReceiveFlow.ownership(answers) == .leased ? "leased" : "owned"
    let container = context.state.containers.first { $0.code == answers.fields.containerCode }
    let into = TextSafety.neutralised(container?.name ?? "")
    if isHardware(answers) {
      buffer.putWrapped(
        "New \(title) serials (\(ownership)) into \(into). Duplicated or already known serials "
          + "are refused before anything is written.",
        in: Rect(x: x, y: rect.y, width: rect.width - 2, height: 2))
      var listing: ReceiveSerials.Control?
      if case .serials(let control)? = focus { listing = control }
      _ = answers.serials.render(focus: listing, into: &buffer, in: rect)
      return
    }
    buffer.put("\(title) (\(ownership)) into \(into)", x: x, y: rect.y, clip: rect)
    buffer.put("Quantity", x: x, y: rect.y + 3, style: focus == .quantity ? .title : .plain)
    let field = layout.frame(.quantity)
    answers.quantity.render(into: &buffer, in: field, focused: focus == .quantity)
    let note = answers.quantity.message ?? "a whole number from 1 to 1,000,000"
    buffer.put(
      note, x: field.x + 14, y: field.y, style: answers.quantity.message == nil ? .hint : .error,
      clip: rect)
  }
}
