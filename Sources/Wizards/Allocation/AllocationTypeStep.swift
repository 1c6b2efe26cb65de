import StockroomDomain
import TerminalUI

/// Step 1 of the allocation wizard: Rental, Sale or Capacity Only, then the
/// product or hardware model, and for a sale of SMS tokens whether capacity
/// comes with them.
extension AllocationFlow {
  static let labelWidth = 14

  func viewType(
    focus: Int?, answers: AllocationAnswers, into buffer: inout Buffer, in rect: Rect,
    context: AppContext
  ) {
    let x = rect.x + 1
    let fieldX = x + AllocationFlow.labelWidth
    buffer.put("Type", x: x, y: rect.y, style: focus == 0 ? .title : .plain)
    answers.kind.render(
      into: &buffer, in: Rect(x: fieldX, y: rect.y, width: rect.maxX - fieldX, height: 3),
      focused: focus == 0)
    let productY = rect.y + 4
    buffer.put("Product", x: x, y: productY, style: focus == 1 ? .title : .plain)
    let rows = min(max(1, answers.choices.count), 7)
    answers.product.render(
      into: &buffer, in: Rect(x: fieldX, y: productY, width: rect.maxX - fieldX, height: rows),
      focused: focus == 1)
    let boxY = productY + 8
    if answers.allocationKind == .sale {
      let applies = answers.choice == .software(.smsSale)
      let mark = answers.withCapacity ? "[x]" : "[ ]"
      let end = buffer.put(
        "\(mark) Automatically add capacity with this allocation", x: fieldX, y: boxY,
        style: !applies ? .hint : (focus == 2 ? .highlight : .plain), clip: rect)
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
