/// The installed-item actions of the subscription action modal and their information table
/// (seeds 001 and 003, docs/DESIGN.md section 1).
public enum SubscriptionAction: String, CaseIterable, Hashable, Sendable {
  case swap
  case remove
  case add

  /// The seeds' name for the action.
  public var title: String {
    switch self {
    case .swap: return "Swap Installed Item"
    case .remove: return "Remove Installed Item"
    case .add: return "Add Installed Item"
    }
  }

  /// The ledger's action code in a state (Remove in Draft runs Undo Add).
  public func actionCode(in state: LifeCycleState) -> ActionCode {
    switch self {
    case .swap: return .swapInstalledItem
    case .remove: return state == .draft ? .undoAddInstalledItem : .removeInstalledItem
    case .add: return .addInstalledItem
    }
  }

  /// The Behaviour Code of the information table, as the seeds give it: the same in every
  /// Life Cycle State.
  public var behaviourCode: String {
    switch self {
    case .swap: return "SWAPINSTALLEDITEM"
    case .remove: return "REMOVEINSTALLEDITEM"
    case .add: return "ADDINSTALLEDITEM"
    }
  }

  /// The Business Classification Code of the information table in a state: seed 003 gives
  /// Remove "REMOVEINSTALLEDITEM", and "UNDOADDINSTITEM (if the Subscription is in a 'Draft'
  /// Life Cycle State)".
  public func classificationCode(in state: LifeCycleState) -> String {
    switch actionCode(in: state) {
    case .undoAddInstalledItem: return "UNDOADDINSTITEM"
    case .removeInstalledItem: return "REMOVEINSTALLEDITEM"
    case .addInstalledItem: return "ADDINSTITEM"
    default: return "SWAPINSTITEM"
    }
  }

  /// Neither seeded action can be scheduled.
  public var canBeScheduled: Bool { false }
  /// Neither seeded action has a rate preview.
  public var previewRateAvailable: Bool { false }

  /// Why the action cannot run on `subscription` now, or nil when it is available.
  public func unavailableReason(_ subscription: Subscription, _ book: SubscriptionBook) -> String? {
    let state = subscription.state
    if !LifeCycleState.itemActionStates.contains(state) {
      return "not in \(state.title): " + LifeCycleState.itemActionStatesText
    }
    if let owner = book.receivable(subscription.receivable), owner.state != .active {
      return "Accounts Receivable \(owner.code) is \(owner.state.title), not Active"
    }
    if book.returnWarehouse == nil {
      return "no valid Warehouse in the Active Inventory Management Definition"
    }
    switch self {
    case .swap, .remove:
      if subscription.items.isEmpty { return "no installed items" }
    case .add:
      if book.availableItems.isEmpty { return "no items available to add" }
    }
    return nil
  }
}
