import StockroomDomain
import TerminalUI

/// What each control of the allocation wizard says about itself: its label,
/// kind, choices, value now and the rule its answer must meet. Help lists them,
/// and a renderer without a screen can ask the same questions.
extension AllocationFlow {
  public func describe(
    _ control: Control, step: Step, answers: AllocationAnswers
  ) -> ControlDescription {
    switch control {
    case .type:
      return ControlDescription(
        "Type", kind: .radio, choices: AllocationKind.allCases.map(\.title),
        value: answers.kind.selectedOption?.label ?? "", isRequired: true)
    case .product:
      return ControlDescription(
        "Product", kind: .radio, choices: answers.product.options.map(\.label),
        value: answers.product.selectedOption?.label ?? "", isRequired: true,
        rule: "the number beside each is what can be allocated now")
    case .withCapacity:
      return ControlDescription(
        AllocationFlow.withCapacityText, kind: .check, value: answers.withCapacity ? "yes" : "no",
        rule: "a sale of SMS tokens only: the same quantity of capacity comes with them")
    case .quantity:
      return ControlDescription(
        "Quantity", kind: .number, value: answers.quantity.text, isRequired: true,
        rule: answers.limit > 0 ? "1 to \(answers.limit)" : "nothing is available")
    case .pick(let pick):
      return answers.pick.describe(pick)
    case .amount:
      return ControlDescription(
        "Amount", kind: .text, value: answers.amount.text,
        rule: "a decimal such as 12.50, at most 4 places; empty: nothing is billed; "
          + "needed with a customer reference")
    case .per:
      return ControlDescription(
        "Charged", kind: .choice, choices: answers.per.options, value: answers.per.value ?? "")
    case .trigger:
      return ControlDescription(
        "Trigger", kind: .choice, choices: answers.trigger.options,
        value: answers.trigger.value ?? "", rule: "what starts billing")
    case .customerReference:
      return ControlDescription(
        "Customer ref", kind: .text, value: answers.customerReference.text,
        rule: AllocationFlow.referenceRule)
    case .field(let field):
      return answers.fields.describe(field)
    }
  }

  static let referenceRule =
    "up to \(TextRules.referenceLimit) letters, digits, spaces and - _ / . # :"
}
