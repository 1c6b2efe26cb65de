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

  /// The Behaviour Code of the information table.
  public func behaviourCode(in state: LifeCycleState) -> String {
    switch actionCode(in: state) {
    case .undoAddInstalledItem: return "UNDOADDINSTITEM"
    case .removeInstalledItem: return "REMOVEINSTALLEDITEM"
    case .addInstalledItem: return "ADDINSTALLEDITEM"
    default: return "SWAPINSTALLEDITEM"
    }
  }

  /// The Business Classification Code of the information table.
  public var classificationCode: String {
    switch self {
    case .swap: return "SWAPINSTITEM"
    case .remove: return "REMOVEINSTALLEDITEM"
    case .add: return "ADDINSTITEM"
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
      if state == .cancelled {
        return "not in Cancelled: remove installed items before cancelling"
      }
      return "not available in \(state.title)"
    }
    if let owner = book.receivable(subscription.receivable), owner.state != .active {
      return "AR \(owner.code) is \(owner.state.title), not Active"
    }
    if book.returnWarehouse == nil { return "no valid warehouse in the Active definition" }
    switch self {
    case .swap, .remove:
      if subscription.items.isEmpty { return "no installed items" }
    case .add:
      if book.availableItems.isEmpty { return "no items available to add" }
    }
    return nil
  }
}
