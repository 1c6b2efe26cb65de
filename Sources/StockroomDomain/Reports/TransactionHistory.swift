/// What a report reads of a store (issue 18): the state now, every transaction in ledger
/// order, and one account's transactions through the store's index. Both stores provide it.
public protocol TransactionHistory: AnyObject {
  /// The state as of the last refresh or commit.
  var state: InventoryState { get }
  /// The sequence number of the last transaction seen: how far a whole-ledger read has to go.
  var lastSequence: UInt64 { get }
  /// Every committed transaction in order, up to `lastSequence`; `body` returns false to stop.
  func forEachTransaction(_ body: (Transaction) -> Bool) throws(LedgerError)
  /// The transactions of an account, in ledger order, read through the index.
  func transactions(account: String) throws(LedgerError) -> [Transaction]
}

/// Why a report has no result: the store failed, the ledger does not replay, or the user
/// cancelled.
public enum ReportFailure: Error, Sendable {
  case ledger(LedgerError)
  case damaged(DomainError)
  case cancelled
}

/// How far a report over the whole ledger has got, handed `(done, total)` transactions from
/// time to time; it returns false to cancel the report.
public typealias ReportProgress = (_ done: UInt64, _ total: UInt64) -> Bool

extension TransactionHistory {
  /// Reads the transactions in order until `body` returns false, reporting progress every
  /// 4,096 transactions; a progress answer of false ends the read with `cancelled`. The
  /// ledger is decoded on a thread of its own meanwhile (`LedgerPipe`).
  func read(
    progress: ReportProgress?, _ body: (Transaction) throws(ReportFailure) -> Bool
  ) throws(ReportFailure) {
    var done: UInt64 = 0
    let total = lastSequence
    let pipe = LedgerPipe.reading(self)
    defer { pipe.close() }
    while true {
      let next: Transaction?
      do throws(LedgerError) {
        next = try pipe.next()
      } catch {
        throw .ledger(error)
      }
      guard let transaction = next else { break }
      done += 1
      if let progress, done % 4096 == 0, !progress(done, total) { throw .cancelled }
      if !(try body(transaction)) { break }
    }
    _ = progress?(total, total)
  }

  /// The transactions of an account as a `ReportFailure`.
  func accountTransactions(_ code: String) throws(ReportFailure) -> [Transaction] {
    do throws(LedgerError) {
      return try transactions(account: code)
    } catch {
      throw .ledger(error)
    }
  }
}
