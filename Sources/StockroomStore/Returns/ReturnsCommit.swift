import Foundation
import StockroomDomain

/// What committing a returns session produced: each account's transaction (in the session's
/// account order), the receipts written, the mail posted, and what could not be done after
/// the commit (a receipt or a message: the ledger is the truth, the commit stands).
public struct ReturnsCommitted: Sendable {
  public var results: [CommitResult]
  public var receipts: [String]
  public var posted: [String]
  public var problems: [String]
}

extension LedgerStore {
  /// `receipts/` in this machine's data directory (beside the outbox).
  public var receipts: ReceiptFolder {
    ReceiptFolder(in: outbox.directory)
  }

  /// Commits `session` as one group (every account's `deallocate-hardware` transaction or
  /// none), then writes a receipt per account and posts it to the account's contact. A
  /// retry with the same key commits nothing again and rewrites the receipts.
  public func commit(returns session: ReturnsSession, context: TransactionContext, key: String)
    throws(LedgerError) -> ReturnsCommitted
  {
    let commands = session.commands(context: context)
    if commands.isEmpty { throw .refused(.emptySelection) }
    let results = try commitGroup(commands.map(\.member), key: key)
    var done = ReturnsCommitted(results: results, receipts: [], posted: [], problems: [])
    for result in results {
      let transaction = result.transaction
      guard let code = transaction.account, let index = state.accountIndex(code) else { continue }
      let account = state.accounts[index]
      let receipt = ReturnsReceipt(session: session, transaction: transaction, account: account)
      switch receipts.write(receipt) {
      case .success(let path): done.receipts.append(path)
      case .failure(let error): done.problems.append(error.message)
      }
      guard !result.alreadyCommitted else { continue }
      let time = ProcessIdentity.parse(transaction.time) ?? Date()
      switch outbox.post(receipt: receipt, account: account, time: time) {
      case .success(let name): if let name { done.posted.append(name) }
      case .failure(let error): done.problems.append(error.message)
      }
    }
    return done
  }
}
