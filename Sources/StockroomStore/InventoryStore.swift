import StockroomDomain

/// What a commit produced: the transaction, or the one already committed under its key.
public struct CommitResult: Sendable {
  public var transaction: Transaction
  /// True when the key had been committed before (a retry): nothing new was written.
  public var alreadyCommitted: Bool
}

/// The storage the wizards and commands use (see docs/DESIGN.md, Ledger and Index): open,
/// read the current state, commit, see others' commits, look transactions up. The file ledger
/// implements it; a database could.
public protocol InventoryStore: AnyObject {
  /// The state as of the last refresh or commit.
  var state: InventoryState { get }
  /// The sequence number (Transaction ID number) of the last transaction seen.
  var lastSequence: UInt64 { get }
  /// Things the user should be told (a torn tail cut, a snapshot rebuilt), one line each.
  var warnings: [String] { get }
  /// Reads what other sessions committed; true when the state changed. Cheap when nothing did.
  @discardableResult func refresh() throws(StoreError) -> Bool
  /// Validates the command on the freshest state and commits it durably. A retry with the
  /// same key returns the first commit. A pick made stale by another session is a conflict.
  func commit(_ command: Command, context: TransactionContext, key: String)
    throws(StoreError) -> CommitResult
  /// Every committed transaction in order; `body` returns false to stop.
  func forEachTransaction(_ body: (Transaction) -> Bool) throws(StoreError)
  /// The transaction with this ID (`T000123`), nil when there is none.
  func transaction(id: String) throws(StoreError) -> Transaction?
  /// The transactions of an account (by code), in ledger order.
  func transactions(account: String) throws(StoreError) -> [Transaction]
  /// The transactions that name a serial (items or subscription change), in ledger order.
  func transactions(serial: String) throws(StoreError) -> [Transaction]
  /// The transactions run on a subscription (any case) or opening it, in ledger order.
  func transactions(subscription: String) throws(StoreError) -> [Transaction]
  /// The transactions of an order (any case), in ledger order.
  func transactions(order: String) throws(StoreError) -> [Transaction]
}
