import Foundation
import StockroomDomain

/// The history of a subscription, an installed item or a warehouse, looked up in the
/// ledger: every subscription transaction that names it, oldest first.
public enum SubscriptionHistory {
  /// What to look for.
  public enum Subject: Hashable, Sendable {
    case subscription(String)
    case item(String)
    case warehouse(String)
  }

  /// The transactions about `subject` (at most `limit`, the newest kept), from the
  /// ledger's lookups.
  public static func transactions(
    _ subject: Subject, store: (any InventoryLedger)?, limit: Int = 500
  ) -> [Transaction] {
    guard let store else { return [] }
    let found: [Transaction]?
    switch subject {
    case .subscription(let number): found = try? store.transactions(subscription: number)
    case .item(let serial):
      found = try? store.transactions(serial: serial).filter { $0.subscription != nil }
    case .warehouse(let code): found = try? store.transactions(warehouse: code)
    }
    return Array((found ?? []).suffix(limit))
  }

  /// One line about what a transaction did to `subject`.
  public static func line(_ transaction: Transaction, for subject: Subject) -> String {
    guard let change = transaction.subscription else { return transaction.summary }
    switch subject {
    case .subscription(let number):
      return change.summary.replacingOccurrences(of: number + " ", with: "")
    case .item(let serial):
      var words: [String] = []
      if change.added.contains(where: { $0.serial == serial }) {
        words.append("added to \(change.subscription ?? "-")")
      }
      if change.removed.contains(serial) {
        words.append("removed from \(change.subscription ?? "-")")
      }
      for move in change.stockOut where move.items.contains(where: { $0.serial == serial }) {
        words.append("Stock Out \(move.warehouse)")
      }
      for move in change.stockIn where move.items.contains(where: { $0.serial == serial }) {
        words.append("Stock In \(move.warehouse)")
      }
      if change.toCustomer.contains(where: { $0.serial == serial }) {
        words.append("stays with the customer")
      }
      if change.written.contains(where: { $0.serial == serial }) {
        words.append(change.reason?.rawValue ?? "written off")
      }
      return words.joined(separator: ", ")
    case .warehouse(let code):
      var words: [String] = []
      for move in change.stockOut where move.warehouse == code {
        words.append(
          "Stock Out \(move.items.count): " + move.items.map(\.serial).joined(separator: ", "))
      }
      for move in change.stockIn where move.warehouse == code {
        words.append(
          "Stock In \(move.items.count): " + move.items.map(\.serial).joined(separator: ", "))
      }
      return words.joined(separator: "; ")
    }
  }
}
