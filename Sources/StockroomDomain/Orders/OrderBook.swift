/// The wireless orders area of the state (issue 8): employees, lines,
/// devices, vendors, plans and orders with their workflow. Kept beside the
/// token inventory, replayed from the same ledger, and saved in the snapshot
/// as one JSON section.
public struct OrderBook: Codable, Sendable, Equatable {
  public init() {}
}

/// An order action asked for, as a value (new order, approve, fulfil, …).
public enum OrderCommand: Hashable, Sendable {
}

/// The validated effect of an order command, as the ledger records it.
public struct OrderChange: Hashable, Sendable, Codable {
  public init() {}
}

extension Validation {
  static func order(_ command: OrderCommand, _ state: InventoryState) throws(DomainError) -> Change
  {
    switch command {}
  }
}

extension InventoryState {
  mutating func applyOrder(_ change: OrderChange) throws(DomainError) {}

  /// The orders area's invariants, one line each.
  func orderViolations() -> [String] { [] }
}
