import StockroomDomain

/// A report over the whole ledger on screen: the transactions read a chunk at a time by
/// Transaction ID between keys, so the screen shows how far it has got and Esc or Ctrl-C
/// cancels it. An account's report reads the account's transactions through the index at
/// once instead.
struct ReportJob {
  var run: ReportRun
  /// The sequence number of the next transaction to read.
  private(set) var next: UInt64 = 1
  let last: UInt64

  init(_ run: ReportRun, last: UInt64) {
    self.run = run
    self.last = last
  }

  var percent: Int { last == 0 ? 100 : Int((next - 1) * 100 / last) }

  /// Reads up to `count` transactions; true when the report needs no more.
  mutating func step(_ ledger: any InventoryLedger, count: Int) throws(ReportFailure) -> Bool {
    var read = 0
    while next <= last && read < count {
      let found: Transaction?
      do throws(LedgerError) {
        found = try ledger.transaction(id: Transaction.identifier(sequence: next))
      } catch {
        throw .ledger(error)
      }
      next += 1
      read += 1
      if let transaction = found, try !run.take(transaction) {
        next = last + 1
      }
    }
    return next > last
  }
}
