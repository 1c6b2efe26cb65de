import Foundation
import StockroomDomain
import StockroomStore

/// The history of a subscription, an installed item or a warehouse, read from the ledger:
/// every subscription transaction that names it, oldest first.
public enum SubscriptionHistory {
  /// What to look for.
  public enum Subject: Hashable, Sendable {
    case subscription(String)
    case item(String)
    case warehouse(String)
  }

  /// The transactions about `subject` (at most `limit`, the newest kept).
  public static func transactions(
    _ subject: Subject, store: (any InventoryStore)?, limit: Int = 500
  ) -> [Transaction] {
    guard let store else { return [] }
    var found: [Transaction] = []
    try? store.forEachTransaction { transaction in
      guard let change = transaction.subscription else { return true }
      let matches: Bool
      switch subject {
      case .subscription(let number):
        matches =
          change.subscription?.uppercased() == number.uppercased()
          || change.opened?.number.uppercased() == number.uppercased()
      case .item(let serial): matches = change.serials.contains(serial)
      case .warehouse(let code): matches = change.warehouses.contains(code)
      }
      if matches {
        found.append(transaction)
        if found.count > limit { found.removeFirst() }
      }
      return true
    }
    return found
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
