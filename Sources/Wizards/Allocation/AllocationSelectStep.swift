import StockroomDomain
import TerminalUI

/// The Select step of the allocation wizard: a quantity for software tokens
/// and capacity (never more than is available, explained beside the field), or
/// the two-list pick list over the provider's available serials of the model.
extension AllocationFlow {
  func layoutSelect(_ answers: AllocationAnswers, in rect: Rect) -> StepLayout<Control> {
    var layout = StepLayout<Control>(area: rect)
    guard isHardware(answers) else {
      layout.place(
        .quantity,
        Rect(x: rect.x + 1 + AllocationFlow.labelWidth, y: rect.y + 3, width: 10, height: 1))
      return layout
    }
    let shown = answers.pick.controls
    for (control, frame) in SerialPickStep.layout(in: rect) where shown.contains(control) {
      layout.place(.pick(control), frame)
    }
    return layout
  }

  func updateSelect(
    _ key: Key, control: Control, answers: inout AllocationAnswers, layout: StepLayout<Control>,
    context: AppContext
  ) -> KeyResult {
    guard case .hardware(let model) = answers.choice else {
      return control == .quantity ? answers.quantity.update(key) : .ignored
    }
    guard case .pick(let pick) = control else { return .ignored }
    let type = answers.type
    return answers.pick.update(key, control: pick, body: layout.area, state: context.state) {
      state, limit in
      state.allocatableSerials(model: model, type: type, limit: limit)
    }
  }

  func viewSelect(
    focus: Control?, answers: AllocationAnswers, layout: StepLayout<Control>,
    into buffer: inout Buffer, context: AppContext
  ) {
    let rect = layout.area
    let x = rect.x + 1
    let state = context.state
    guard let choice = answers.choice else { return }
    let title = AllocationAnswers.title(choice, state: state)
    if case .hardware = choice {
      let owned = answers.allocationKind == .sale ? " Sale: owned tokens only." : ""
      buffer.putWrapped(
        "\(answers.allocationKind.title) of \(title) to "
          + "\(TextSafety.neutralised(accountName)).\(owned) Faulty and lost tokens are never "
          + "offered.",
        in: Rect(x: x, y: rect.y, width: rect.width - 2, height: 2))
      var picking: SerialPickStep.Control?
      if case .pick(let control)? = focus { picking = control }
      answers.pick.render(focus: picking, into: &buffer, in: rect)
      return
    }
    buffer.put(
      "\(answers.allocationKind.title) of \(title) to \(TextSafety.neutralised(accountName))",
      x: x, y: rect.y, clip: rect)
    buffer.put("Quantity", x: x, y: rect.y + 3, style: focus == .quantity ? .title : .plain)
    let field = layout.frame(.quantity)
    answers.quantity.render(into: &buffer, in: field, focused: focus == .quantity)
    let noteX = field.x + 12
    if let message = answers.quantity.message {
      buffer.put(message, x: noteX, y: field.y, style: .error, clip: rect)
    } else {
      buffer.put(
        answers.limit > 0 ? "at most \(answers.limit)" : "nothing available", x: noteX,
        y: field.y, style: .hint, clip: rect)
    }
    buffer.putWrapped(
      stockExplanation(choice, answers: answers, state: state),
      in: Rect(x: x, y: rect.y + 5, width: rect.width - 2, height: 6), style: .hint)
  }

  /// What the limit is made of: stock by ownership, and capacity where it comes along.
  private func stockExplanation(
    _ choice: AllocationChoice, answers: AllocationAnswers, state: InventoryState
  ) -> String {
    guard case .software(let column) = choice else { return "" }
    let product = column.product
    let owned = state.stockQuantity(product, ownership: .owned)
    let leased = state.stockQuantity(product, ownership: .leased)
    let capacity = state.stockQuantity(.capacity)
    var text =
      "The provider holds \(owned) owned and \(leased) leased \(product.title)"
      + (product == .capacity ? " units." : " tokens.")
    switch column {
    case .smsRental:
      text +=
        " A rental may draw on both, leased first; each token brings one unit of "
        + "capacity, and \(capacity) units are in stock, so at most \(answers.limit)."
    case .smsSale:
      text += " A sale takes owned stock only (leased stock can only be rented)."
      if answers.withCapacity {
        text +=
          " With capacity added, \(capacity) units are in stock, so at most "
          + "\(answers.limit)."
      }
    default:
      text += " Leased stock is drawn first."
    }
    return text
  }
}
