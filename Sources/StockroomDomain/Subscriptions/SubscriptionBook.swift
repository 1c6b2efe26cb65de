/// The subscriptions area of the state (issue 7): Accounts Receivable,
/// subscriptions, installed items, warehouses, definitions and rules. Kept
/// beside the token inventory, replayed from the same ledger, and saved in
/// the snapshot as one JSON section.
public struct SubscriptionBook: Codable, Sendable, Equatable {
  public init() {}
}

/// A subscription action asked for, as a value (swap, remove, add item, …).
public enum SubscriptionCommand: Hashable, Sendable {
}

/// The validated effect of a subscription command, as the ledger records it.
public struct SubscriptionChange: Hashable, Sendable, Codable {
  public init() {}
}

extension Validation {
  static func subscription(
    _ command: SubscriptionCommand, _ state: InventoryState
  ) throws(DomainError) -> Change {
    switch command {}
  }
}

extension InventoryState {
  mutating func applySubscription(_ change: SubscriptionChange) throws(DomainError) {}

  /// The subscriptions area's invariants, one line each.
  func subscriptionViolations() -> [String] { [] }
}
