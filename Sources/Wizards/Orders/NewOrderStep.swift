import StockroomDomain

extension NewOrderFlow {
  /// The new-order wizard's steps: what to order, the details that type needs, Confirm.
  public enum Step: String, Codable, CaseIterable, Sendable {
    case type, details, confirm

    /// The step's name in the step indicator.
    var title: String {
      switch self {
      case .type: return "Type"
      case .details: return "Details"
      case .confirm: return "Confirm"
      }
    }

    /// Help for the step (the runtime adds a line per control).
    var help: String {
      switch self {
      case .type:
        return "Choose what to order. New requests: "
          + OrderType.allCases.filter { $0.group == .new }.map(\.title).joined(separator: ", ")
          + ". Modify requests: "
          + OrderType.allCases.filter { $0.group == .modify }.map(\.title).joined(separator: ", ")
          + ". Delete requests: "
          + OrderType.allCases.filter { $0.group == .delete }.map(\.title).joined(separator: ", ")
          + ".\n\nThe highlighted type's explanation is shown under the list. The order goes "
          + "to the employee's approver; nobody approves their own order."
      case .details:
        return "Only what this type needs. ← and → (or Space) choose among the options; type "
          + "into text fields. Next is refused with the reason when a rule says no (a warranty "
          + "after the first year or for damage, a late restore)."
      case .confirm:
        return "Exactly what will be submitted, and who approves it. Confirm submits the order "
          + "and emails the requester and the approver.\n\n" + OrderRules.warrantyWarning
      }
    }
  }
}
