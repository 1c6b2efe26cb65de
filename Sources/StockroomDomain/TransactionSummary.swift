/// Short human words for a transaction, shared by the log, the transaction
/// screen and the headless commands.
extension Transaction {
  /// What the transaction moved, e.g. "RB-1 ×3 Faulty → RET; SMS Rental 40": dispositions in
  /// the seed's words ("Initialize and return to Inventory"), never their `--json` codes.
  public var summary: String {
    var parts = items.map(\.summary)
    if let order { parts.append(order.summary) }
    if let definitions {
      parts.append(
        "\(definitions.containers.count) containers, \(definitions.models.count) models, "
          + "\(definitions.accounts.count) accounts")
    }
    if let subscription { parts.append(subscription.summary) }
    return parts.joined(separator: "; ")
  }
}

extension TransactionItem {
  /// One item in words: a model and count of serials, or a product and quantity.
  public var summary: String {
    var text: String
    if let serials {
      text = "\(model ?? "hardware") ×\(serials.count)"
    } else {
      text = product.title
      if let type { text += " " + type.title }
      text += " \(quantity ?? 0)"
    }
    if let ownership { text += " (\(ownership.rawValue))" }
    if let disposition { text += " " + disposition.title }
    if let inUse { text += inUse ? " in use" : " not in use" }
    if let container { text += " → \(container)" }
    return text
  }
}

extension ActionCode {
  /// The action's name on screen.
  public var title: String {
    switch self {
    case .define: return "Define"
    case .receive: return "Receive"
    case .allocate: return "Allocate"
    case .deallocateSoftware, .deallocateMobilePass, .deallocateHardware: return "Deallocate"
    case .reinitialize: return "Re-initialize"
    case .assign: return "Assign"
    case .orderSetup: return "Order setup"
    case .orderSubmit: return "Order submitted"
    case .orderApprove: return "Order approved"
    case .orderReject: return "Order rejected"
    case .orderCancel: return "Order cancelled"
    case .orderRequestInfo: return "Information requested"
    case .orderRespond: return "Information given"
    case .orderFulfil: return "Fulfilment update"
    case .orderComplete: return "Order completed"
    case .approvalPolicy: return "Approval policy"
    case .addInstalledItem: return "Add Installed Item"
    case .swapInstalledItem: return "Swap Installed Item"
    case .removeInstalledItem: return "Remove Installed Item"
    case .undoAddInstalledItem: return "Undo Add Installed Item"
    case .openSubscription: return "Open Subscription"
    case .changeSubscriptionState: return "Change Subscription State"
    case .reverse: return "Reverse"
    }
  }
}
