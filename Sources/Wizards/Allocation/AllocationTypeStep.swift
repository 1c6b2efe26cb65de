import StockroomDomain
import TerminalUI

/// The Type step of the allocation wizard: Rental, Sale or Capacity Only, then
/// the product or hardware model, and for a sale of SMS tokens whether capacity
/// comes with them.
extension AllocationFlow {
  static let labelWidth = 14

  /// The check box's text; its frame is as wide.
  static let withCapacityText = "Automatically add capacity with this allocation"

  func layoutType(_ answers: AllocationAnswers, in rect: Rect) -> StepLayout<Control> {
    var layout = StepLayout<Control>(area: rect)
    let fieldX = rect.x + 1 + AllocationFlow.labelWidth
    layout.place(.type, Rect(x: fieldX, y: rect.y, width: rect.maxX - fieldX, height: 3))
    let rows = min(max(1, answers.choices.count), 7)
    layout.place(
      .product, Rect(x: fieldX, y: rect.y + 4, width: rect.maxX - fieldX, height: rows))
    if answers.allocationKind == .sale {
      let width = 4 + CharacterWidth.of(AllocationFlow.withCapacityText)
      layout.place(.withCapacity, Rect(x: fieldX, y: rect.y + 12, width: width, height: 1))
    }
    return layout
  }

  func updateType(
    _ key: Key, control: Control, answers: inout AllocationAnswers, layout: StepLayout<Control>,
    context: AppContext
  ) -> KeyResult {
    switch control {
    case .type:
      let before = answers.allocationKind
      let result = answers.kind.updateChoosing(key, in: layout.frame(.type))
      if answers.allocationKind != before {
        answers.pickModel = nil
        answers.rebuildProducts(state: context.state, keeping: answers.choice)
        if answers.allocationKind != .sale { answers.withCapacity = false }
      }
      return result
    case .product:
      let before = answers.choice
      let result = answers.product.updateChoosing(key, in: layout.frame(.product))
      if answers.choice != before { answers.refreshLimit(state: context.state) }
      return result
    default:
      if key == .enter { return .activated }
      var toggles = key == .character(" ")
      if case .mouse(let mouse) = key { toggles = mouse.action == .press }
      guard toggles else { return .ignored }
      guard answers.choice == .software(.smsSale) else { return .handled }
      answers.withCapacity.toggle()
      answers.refreshLimit(state: context.state)
      return .handled
    }
  }

  func viewType(
    focus: Control?, answers: AllocationAnswers, layout: StepLayout<Control>,
    into buffer: inout Buffer
  ) {
    let rect = layout.area
    let x = rect.x + 1
    let fieldX = x + AllocationFlow.labelWidth
    buffer.put("Type", x: x, y: rect.y, style: focus == .type ? .title : .plain)
    answers.kind.render(into: &buffer, in: layout.frame(.type), focused: focus == .type)
    let productY = rect.y + 4
    buffer.put("Product", x: x, y: productY, style: focus == .product ? .title : .plain)
    answers.product.render(into: &buffer, in: layout.frame(.product), focused: focus == .product)
    let boxY = productY + 8
    if answers.allocationKind == .sale {
      let applies = answers.choice == .software(.smsSale)
      let mark = answers.withCapacity ? "[x]" : "[ ]"
      let end = buffer.put(
        "\(mark) \(AllocationFlow.withCapacityText)", x: fieldX, y: boxY,
        style: !applies ? .hint : (focus == .withCapacity ? .highlight : .plain), clip: rect)
      if !applies {
        buffer.put("  (SMS only)", x: end, y: boxY, style: .hint, clip: rect)
      }
    }
    buffer.putWrapped(
      typeExplanation(answers), in: Rect(x: x, y: boxY + 2, width: rect.width - 2, height: 3),
      style: .hint)
  }

  private func typeExplanation(_ answers: AllocationAnswers) -> String {
    switch answers.allocationKind {
    case .rental:
      return "Rental: ownership stays with the provider; it may draw on owned and leased "
        + "stock. Rental SMS tokens bring one unit of capacity each. ST-1 and MobilePASS "
        + "take no allocation type."
    case .sale:
      return "Sale: ownership moves to the account, so only owned stock is offered. With the "
        + "box checked, the same quantity of capacity is allocated too."
    case .capacityOnly:
      return "Capacity Only: units of capacity, which let the account's users hold tokens."
    }
  }
}
