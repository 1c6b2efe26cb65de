import StockroomDomain
import StockroomStore
import Wizards

/// How the screens' returns bench commits: through the store's returns commit (one group,
/// then a receipt per account in `receipts/` and posted to the account's contact), so the
/// bench and `stockroom returns` write the same receipts.
enum BenchCommit {
  static func commit(
    _ ledger: any InventoryLedger, _ session: ReturnsSession, _ who: TransactionContext,
    _ key: String
  ) throws(LedgerError) -> ReturnsCommitResult {
    guard let store = ledger as? any LedgerStore else {
      let members = session.commands(context: who).map(\.member)
      return ReturnsCommitResult(
        transactions: try ledger.commitGroup(members, key: key).map(\.transaction))
    }
    let done = try store.commit(returns: session, context: who, key: key)
    let written = Set(done.receipts)
    var receipts: [String: String] = [:]
    for result in done.results {
      let transaction = result.transaction
      guard let code = transaction.account, let index = store.state.accountIndex(code) else {
        continue
      }
      let receipt = ReturnsReceipt(
        session: session, transaction: transaction, account: store.state.accounts[index])
      let path = store.receipts.file(of: receipt)
      if written.contains(path) { receipts[transaction.transactionId] = path }
    }
    return ReturnsCommitResult(transactions: done.results.map(\.transaction), receipts: receipts)
  }
}
