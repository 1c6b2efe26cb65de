import StockroomDomain

/// The ledger's lookups answered by reading the whole ledger: correct, and slow on a long
/// one. The store's index answers them instead where it is kept (docs/DESIGN.md, "Index").
extension FileStore {
  public func transactions(account: String) throws(StoreError) -> [Transaction] {
    try scan { $0.account == account }
  }

  public func transactions(serial: String) throws(StoreError) -> [Transaction] {
    try scan { $0.namedSerials.contains(serial) }
  }

  public func transactions(subscription: String) throws(StoreError) -> [Transaction] {
    let number = subscription.uppercased()
    return try scan { $0.namedSubscription == number }
  }

  public func transactions(order: String) throws(StoreError) -> [Transaction] {
    try scan { $0.namedOrder == order }
  }
}
