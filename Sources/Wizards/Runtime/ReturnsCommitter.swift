import StockroomDomain

/// Commits a returns session (one `deallocate-hardware` transaction per account, all or
/// none) through the store given and writes a receipt per account: the executable supplies it from its store, so
/// the screens never write a file.
public typealias ReturnsCommitter = (
  any InventoryLedger, ReturnsSession, TransactionContext, String
) throws(LedgerError) -> ReturnsCommitResult

/// What a returns session's commit wrote: each account's transaction, and its receipt's
/// path by Transaction ID.
public struct ReturnsCommitResult: Sendable {
  public var transactions: [Transaction]
  public var receipts: [String: String]

  public init(transactions: [Transaction], receipts: [String: String] = [:]) {
    self.transactions = transactions
    self.receipts = receipts
  }
}
