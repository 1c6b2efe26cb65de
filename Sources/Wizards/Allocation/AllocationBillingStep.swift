import StockroomDomain
import TerminalUI

/// The Billing step of the allocation wizard, Billing references: an amount (a
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

  func layoutBilling(_ answers: AllocationAnswers, in rect: Rect) -> StepLayout<Control> {
    var layout = StepLayout<Control>(area: rect)
    let fieldX = rect.x + 1 + AllocationFlow.labelWidth
    let rows = AllocationFlow.billingRows
    func place(_ control: Control, _ row: Int, _ width: Int) {
      layout.place(control, Rect(x: fieldX, y: rect.y + row, width: width, height: 1))
    }
    place(.amount, rows.amount, 16)
    place(.per, rows.per, 30)
    place(.trigger, rows.trigger, 30)
    place(.customerReference, rows.customer, 42)
    let fields = answers.fields.layout(
      labelX: rect.x + 1, fieldX: fieldX, rows: [rect.y + rows.reference, rect.y + rows.comment])
    for (field, frame) in fields { layout.place(.field(field), frame) }
    return layout
  }

  func updateBilling(_ key: Key, control: Control, answers: inout AllocationAnswers) -> KeyResult {
    switch control {
    case .amount: return answers.amount.update(key)
    case .per: return answers.per.update(key)
    case .trigger: return answers.trigger.update(key)
    case .customerReference: return answers.customerReference.update(key)
    case .field(let field): return answers.fields.update(field, key: key)
    default: return .ignored
    }
  }

  /// The Reference field that has focus, if one has.
  static func focusedField(_ focus: Control?) -> ReferenceFields.Control? {
    if case .field(let field)? = focus { return field }
    return nil
  }

  func viewBilling(
    focus: Control?, answers: AllocationAnswers, layout: StepLayout<Control>,
    into buffer: inout Buffer
  ) {
    let rect = layout.area
    let x = rect.x + 1
    let fieldX = x + AllocationFlow.labelWidth
    let rows = AllocationFlow.billingRows
    buffer.put("Allocating", x: x, y: rect.y, style: .title)
    buffer.put(
      TextLayout.truncate(allocatingText(answers), to: rect.maxX - fieldX - 1), x: fieldX,
      y: rect.y, clip: rect)
    func label(_ text: String, _ control: Control) {
      buffer.put(
        text, x: x, y: layout.frame(control).y, style: focus == control ? .title : .plain)
    }
    label("Amount", .amount)
    let amountRect = layout.frame(.amount)
    answers.amount.render(into: &buffer, in: amountRect, focused: focus == .amount)
    let problem = answers.amountProblem
    buffer.put(
      problem.map { $0.replacingOccurrences(of: "Amount: ", with: "") }
        ?? "a decimal such as 12.50; empty: no billing",
      x: fieldX + 18, y: amountRect.y, style: problem == nil ? .hint : .error, clip: rect)
    label("Charged", .per)
    answers.per.render(into: &buffer, in: layout.frame(.per), focused: focus == .per)
    label("Trigger", .trigger)
    answers.trigger.render(into: &buffer, in: layout.frame(.trigger), focused: focus == .trigger)
    label("Customer ref", .customerReference)
    let customer = layout.frame(.customerReference)
    answers.customerReference.render(
      into: &buffer, in: customer, focused: focus == .customerReference)
    buffer.put(
      answers.customerReference.counterText, x: fieldX + 44, y: customer.y,
      style: answers.customerReference.error == nil ? .hint : .error)
    let field = AllocationFlow.focusedField(focus)
    answers.fields.render(
      focus: field, labelX: x,
      layout: answers.fields.controls.map { (control: $0, rect: layout.frame(.field($0))) },
      into: &buffer)
    let explainY = rect.y + rows.comment + 3
    var explanation: String
    switch focus {
    case .amount?:
      explanation =
        "Amount (optional): exact decimal text, at most 4 places; it is billed per unit or "
        + "once per transaction, as chosen below."
    case .per?: explanation = "Charged: per unit allocated, or once for the whole transaction."
    case .trigger?: explanation = "Trigger: what starts billing for this allocation."
    case .customerReference?:
      explanation =
        "Customer ref (optional): the customer's own reference, e.g. a purchase order; up "
        + "to 64 letters, digits, spaces and - _ / . # :"
    default:
      explanation = answers.fields.explanation(focused: field, containerText: "") ?? ""
    }
    buffer.putWrapped(
      explanation,
      in: Rect(x: x, y: explainY, width: rect.width - 2, height: rect.maxY - explainY),
      style: .hint)
  }
}
