/// The ledger as the screens and commands see it, whatever keeps it: the current state, a
/// commit that hands back the committed transaction, and lookups that read only the
/// transactions asked for (see docs/DESIGN.md, "Ledger" and "Index"). The file store
/// implements it; a database store can, behind the same calls. Nothing here names a file.
/// Lookups answer as of the last refresh or commit, as `state` does.
public protocol InventoryLedger: AnyObject {
  /// The state as of the last refresh or commit.
  var state: InventoryState { get }
  /// The sequence number (Transaction ID number) of the last transaction seen.
  var lastSequence: UInt64 { get }
  /// Reads what other sessions committed; true when the state changed. Cheap when nothing did.
  @discardableResult func refresh() throws(LedgerError) -> Bool
  /// Validates the command on the freshest state and commits it durably. A retry with the
  /// same key returns the first commit. A pick made stale by another session is a conflict.
  func commit(_ command: Command, context: TransactionContext, key: String)
    throws(LedgerError) -> CommitResult
  /// Commits several commands at once, each its own transaction with its own Transaction ID
  /// (a returns session: one per account), every one or none. The members' keys are `key`
  /// with `.1`, `.2`, …, so a retry with the same key returns the first commit. A serial
  /// another session took meanwhile is a conflict naming it and who took it.
  func commitGroup(_ members: [GroupMember], key: String) throws(LedgerError) -> [CommitResult]
  /// The transaction with this ID (`T000123`), nil when there is none.
  func transaction(id: String) throws(LedgerError) -> Transaction?
  /// The transactions of an account (`Transaction.account`), in ledger order.
  func transactions(account: String) throws(LedgerError) -> [Transaction]
  /// The transactions that name a serial (`Transaction.namedSerials`), in ledger order.
  func transactions(serial: String) throws(LedgerError) -> [Transaction]
  /// The transactions of a subscription (`Transaction.namedSubscription`), in ledger order.
  func transactions(subscription: String) throws(LedgerError) -> [Transaction]
  /// The transactions of a wireless order (`Transaction.namedOrder`), in ledger order.
  func transactions(order: String) throws(LedgerError) -> [Transaction]
  /// The transactions that move stock in or out of a warehouse
  /// (`Transaction.namedWarehouses`), in ledger order.
  func transactions(warehouse: String) throws(LedgerError) -> [Transaction]
  /// Which OS user is which employee, as kept with the ledger (empty when nobody is mapped).
  func userMap() throws(LedgerError) -> UserMap
}

/// What a commit produced: the transaction, or the one already committed under its key.
public struct CommitResult: Sendable {
  public var transaction: Transaction
  /// True when the key had been committed before (a retry): nothing new was written.
  public var alreadyCommitted: Bool

  public init(transaction: Transaction, alreadyCommitted: Bool) {
    self.transaction = transaction
    self.alreadyCommitted = alreadyCommitted
  }
}

/// One transaction of a group commit: the command and who and why.
public struct GroupMember: Hashable, Sendable {
  public var command: Command
  public var context: TransactionContext

  public init(command: Command, context: TransactionContext) {
    self.command = command
    self.context = context
  }

  /// The key of the `index`th member (from 0) of the group committed under `key`.
  public static func key(_ key: String, member index: Int) -> String { "\(key).\(index + 1)" }
}
