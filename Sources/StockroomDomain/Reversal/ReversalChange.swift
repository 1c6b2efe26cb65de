/// What a `reverse` transaction records besides its items: which transaction it undoes, what
/// that one did (the items apply as its inverse) and why it is undone. The original stays in
/// the ledger as it was; this is how a mistake is undone without editing history.
public struct ReversalChange: Hashable, Sendable, Codable {
  /// The Transaction ID of the transaction reversed (`T000123`).
  public var reverses: String
  /// The action of the transaction reversed.
  public var action: ActionCode
  /// Why it is reversed: 1 to 128 printable characters (`TextRules.checkWhy`).
  public var why: String

  public init(reverses: String, action: ActionCode, why: String) {
    self.reverses = reverses
    self.action = action
    self.why = why
  }

  /// The action a reversal's hardware item applies to its serials: a deallocation's serials
  /// are allocated again; an allocation's go back to stock, a re-initialization's to faulty
  /// (the item's disposition says which); a receive's are taken out (`reverse`: the tokens
  /// become `.removed`).
  var hardwareAction: ActionCode {
    switch action {
    case .deallocateHardware: return .allocate
    case .receive: return .reverse
    default: return .deallocateHardware
    }
  }

  /// The action a reversal's software item applies with its quantity negated: the original's
  /// own, so a quantity moved is moved back by the same rule.
  var softwareAction: ActionCode { action }
}

extension ActionCode {
  /// Why a transaction of this action cannot be reversed; nil when it can.
  public var irreversibility: String? {
    switch self {
    case .receive, .allocate, .deallocateSoftware, .deallocateMobilePass, .deallocateHardware,
      .reinitialize, .addInstalledItem, .swapInstalledItem, .removeInstalledItem,
      .undoAddInstalledItem:
      return nil
    case .define, .assign, .orderSetup:
      return "demo set-up is not reversible"
    case .orderSubmit, .orderApprove, .orderReject, .orderCancel, .orderRequestInfo,
      .orderRespond, .orderFulfil, .orderComplete:
      return "order workflow steps are not reversible: an order is cancelled through its own "
        + "workflow"
    case .openSubscription, .changeSubscriptionState:
      return "a subscription's life cycle is changed through its own actions"
    case .approvalPolicy:
      return "settings changes are not reversible: change the setting again"
    case .reverse:
      return "a reversal is not reversible"
    }
  }
}
