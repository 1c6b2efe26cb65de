import StockroomDomain
import TerminalUI

/// Step 3 of the allocation wizard, Billing references: an amount (a
/// decimal, never a floating-point number) per unit or per transaction, the
/// billing trigger, the customer's reference, and the transaction's own
/// Reference and Comment.
extension AllocationFlow {
  /// Rows of the step, relative to its top.
  static let billingRows = (amount: 2, per: 3, trigger: 4, customer: 5, reference: 7, comment: 8)

  /// "5 SMS Rental tokens" or "3 × RB-1: A, B, C".
  func allocatingText(_ answers: AllocationAnswers) -> String {
    switch answers.choice {
    case .hardware?:
      let serials = answers.pick.pickList?.rightItems ?? []
      return "\(serials.count) × \(TextSafety.neutralised(answers.modelName)): "
        + serials.map(TextSafety.neutralised).joined(separator: ", ")
    case .software(let column)?:
      let quantity = answers.quantity.value ?? 0
      if column == .capacity { return "\(quantity) units of Capacity" }
      var text = "\(quantity) \(column.title) tokens"
      if column == .smsRental || (column == .smsSale && answers.withCapacity) {
        text += ", with \(quantity) units of Capacity"
      }
      return text
    case nil:
      return ""
    }
  }

  func viewBilling(
    focus: Int?, answers: AllocationAnswers, into buffer: inout Buffer, in rect: Rect
  ) {
    let x = rect.x + 1
    let fieldX = x + AllocationFlow.labelWidth
    let rows = AllocationFlow.billingRows
    buffer.put("Allocating", x: x, y: rect.y, style: .title)
    buffer.put(
      TextLayout.truncate(allocatingText(answers), to: rect.maxX - fieldX - 1), x: fieldX,
      y: rect.y, clip: rect)
    func label(_ text: String, _ row: Int, _ control: Int) {
      buffer.put(text, x: x, y: rect.y + row, style: focus == control ? .title : .plain)
    }
    label("Amount", rows.amount, 0)
    let amountRect = Rect(x: fieldX, y: rect.y + rows.amount, width: 16, height: 1)
    answers.amount.render(into: &buffer, in: amountRect, focused: focus == 0)
    let problem = answers.amountProblem
    buffer.put(
      problem.map { $0.replacingOccurrences(of: "Amount: ", with: "") }
        ?? "a decimal such as 12.50; empty: no billing",
      x: fieldX + 18, y: amountRect.y, style: problem == nil ? .hint : .error, clip: rect)
    label("Charged", rows.per, 1)
    answers.per.render(
      into: &buffer, in: Rect(x: fieldX, y: rect.y + rows.per, width: 30, height: 1),
      focused: focus == 1)
    label("Trigger", rows.trigger, 2)
    answers.trigger.render(
      into: &buffer, in: Rect(x: fieldX, y: rect.y + rows.trigger, width: 30, height: 1),
      focused: focus == 2)
    label("Customer ref", rows.customer, 3)
    answers.customerReference.render(
      into: &buffer, in: Rect(x: fieldX, y: rect.y + rows.customer, width: 42, height: 1),
      focused: focus == 3)
    buffer.put(
      answers.customerReference.counterText, x: fieldX + 44, y: rect.y + rows.customer,
      style: answers.customerReference.error == nil ? .hint : .error)
    answers.fields.render(
      focus: focus.map { $0 - 4 }, labelX: x, fieldX: fieldX,
      rows: [rect.y + rows.reference, rect.y + rows.comment], into: &buffer)
    let explainY = rect.y + rows.comment + 3
    var explanation: String
    switch focus {
    case 0?:
      explanation =
        "Amount (optional): exact decimal text, at most 4 places; it is billed per unit or "
        + "once per transaction, as chosen below."
    case 1?: explanation = "Charged: per unit allocated, or once for the whole transaction."
    case 2?: explanation = "Trigger: what starts billing for this allocation."
    case 3?:
      explanation =
        "Customer ref (optional): the customer's own reference, e.g. a purchase order; up "
        + "to 64 letters, digits, spaces and - _ / . # :"
    default:
      explanation =
        answers.fields.explanation(focus: focus.map { $0 - 4 }, containerText: "") ?? ""
    }
    buffer.putWrapped(
      explanation,
      in: Rect(x: x, y: explainY, width: rect.width - 2, height: rect.maxY - explainY),
      style: .hint)
  }

  func cursorBilling(focus: Int, answers: AllocationAnswers, in rect: Rect) -> Point? {
    let fieldX = rect.x + 1 + AllocationFlow.labelWidth
    let rows = AllocationFlow.billingRows
    switch focus {
    case 0:
      return answers.amount.cursorPosition(
        in: Rect(x: fieldX, y: rect.y + rows.amount, width: 16, height: 1))
    case 3:
      return answers.customerReference.cursorPosition(
        in: Rect(x: fieldX, y: rect.y + rows.customer, width: 42, height: 1))
    case 4, 5:
      return answers.fields.cursor(
        focus - 4, fieldX: fieldX, width: rect.maxX - fieldX,
        rows: [rect.y + rows.reference, rect.y + rows.comment])
    default:
      return nil
    }
  }
}
