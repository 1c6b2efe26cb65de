import StockroomDomain
import TerminalUI

/// What each control of the receiving wizard says about itself: its label,
/// kind, choices, value now and the rule its answer must meet. Help lists them,
/// and a renderer without a screen can ask the same questions.
extension ReceiveFlow {
  public func describe(
    _ control: Control, step: Step, answers: ReceiveAnswers
  ) -> ControlDescription {
    switch control {
    case .item:
      return ControlDescription(
        "Receive", kind: .choice, choices: answers.item.options,
        value: answers.itemChosen ? answers.item.value ?? "" : "", isRequired: true,
        rule: "a hardware model, or software tokens or capacity")
    case .ownership:
      return ControlDescription(
        "Ownership", kind: .radio, choices: answers.ownership.options.map(\.label),
        value: answers.ownership.selectedOption?.label ?? "", isRequired: true,
        rule: "owned stock may be sold or rented; leased stock may only be rented")
    case .needsPIN:
      return ControlDescription(
        ReceiveFlow.needsPINText, kind: .check, value: answers.needsPIN ? "yes" : "no",
        rule: "hardware only, e.g. RB-1 tokens issued with PINs")
    case .field(let field):
      return answers.fields.describe(field)
    case .serials(.scan):
      return ControlDescription(
        "Scan or type a serial", kind: .text, value: answers.serials.scan.text,
        rule: "Enter adds it; a serial listed twice or already in the inventory is refused")
    case .serials(.list):
      let serials = answers.serials.serials
      return ControlDescription(
        "Serials to receive", kind: .table,
        value: serials.isEmpty ? "" : SerialPreview.count(serials.count) + " listed",
        isRequired: true, rule: "at least one serial")
    case .quantity:
      return ControlDescription(
        "Quantity", kind: .number, value: answers.quantity.text, isRequired: true,
        rule: "1 to 1,000,000")
    }
  }

  /// The serials listed to receive, as the list shows them.
  public func rows(
    of control: Control, step: Step, answers: ReceiveAnswers
  ) -> TableRows<Control>? {
    control == .serials(.list) ? TableRows(answers.serials.table, valueName: "serial") : nil
  }
}
