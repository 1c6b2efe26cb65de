import StockroomDomain

extension FileStore {
  /// A warehouse's Stock In and Stock Out transactions, read from the whole ledger.
  public func transactions(warehouse: String) throws(StoreError) -> [Transaction] {
    try scan { $0.namedWarehouses.contains(warehouse) }
  }

  /// The transactions `wanted` keeps, in ledger order.
  func scan(_ wanted: (Transaction) -> Bool) throws(StoreError) -> [Transaction] {
    var found: [Transaction] = []
    try forEachTransaction { transaction in
      if wanted(transaction) { found.append(transaction) }
      return true
    }
    return found
  }
}
