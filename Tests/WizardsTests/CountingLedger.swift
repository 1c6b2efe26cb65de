import StockroomDomain
import StockroomStore

/// A ledger that passes every call to a file store and counts the reads, so a test can
/// show which lookups a screen used (and that it used none to find what it was handed).
final class CountingLedger: InventoryLedger {
  let store: FileStore
  private(set) var byId = 0
  private(set) var byAccount = 0
  private(set) var bySerial = 0
  private(set) var bySubscription = 0
  private(set) var byOrder = 0
  private(set) var byWarehouse = 0

  init(_ store: FileStore) { self.store = store }

  var state: InventoryState { store.state }
  var lastSequence: UInt64 { store.lastSequence }
  func refresh() throws(LedgerError) -> Bool { try store.refresh() }
  func commit(_ command: Command, context: TransactionContext, key: String)
    throws(LedgerError) -> CommitResult
  {
    try store.commit(command, context: context, key: key)
  }
  func commitGroup(_ members: [GroupMember], key: String) throws(LedgerError) -> [CommitResult] {
    try store.commitGroup(members, key: key)
  }
  func transaction(id: String) throws(LedgerError) -> Transaction? {
    byId += 1
    return try store.transaction(id: id)
  }
  func transactions(account: String) throws(LedgerError) -> [Transaction] {
    byAccount += 1
    return try store.transactions(account: account)
  }
  func transactions(serial: String) throws(LedgerError) -> [Transaction] {
    bySerial += 1
    return try store.transactions(serial: serial)
  }
  func transactions(subscription: String) throws(LedgerError) -> [Transaction] {
    bySubscription += 1
    return try store.transactions(subscription: subscription)
  }
  func transactions(order: String) throws(LedgerError) -> [Transaction] {
    byOrder += 1
    return try store.transactions(order: order)
  }
  func transactions(warehouse: String) throws(LedgerError) -> [Transaction] {
    byWarehouse += 1
    return try store.transactions(warehouse: warehouse)
  }
  func userMap() throws(LedgerError) -> UserMap { try store.userMap() }
}
