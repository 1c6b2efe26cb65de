/// One report being computed (issue 18): fed the ledger's transactions in order, then
/// finished on the state. The `report` command feeds it the whole ledger at once; the Reports
/// screen feeds it a chunk at a time between keys, so it can show progress and be cancelled.
public struct ReportRun {
  public let kind: ReportKind
  public let filter: ReportFilter
  private var rows: [[ReportTable.Value]] = []
  private var movements: MovementsReport.Tally
  private var faulty: FaultyReport.Tally

  /// `now` (ISO 8601, UTC) is what the faulty report's ages count to.
  public init(_ kind: ReportKind, filter: ReportFilter, now: String) {
    self.kind = kind
    self.filter = filter
    movements = MovementsReport.Tally(filter: filter)
    faulty = FaultyReport.Tally(filter: filter, now: now)
  }

  /// The account whose transactions are all the report needs, read through the store's
  /// index; nil when it reads the whole ledger.
  public var account: String? { kind == .movements ? nil : filter.account }

  /// Takes the next transaction; false when the report needs no more of the ledger.
  public mutating func take(_ transaction: Transaction) throws(ReportFailure) -> Bool {
    switch kind {
    case .transactions:
      if filter.isAfterPeriod(transaction.time) { return false }
      if filter.matches(transaction) { rows.append(TransactionsReport.row(transaction)) }
      return true
    case .movements:
      return try movements.take(transaction)
    case .faulty:
      faulty.take(transaction)
      return true
    }
  }

  /// The report's table, `state` being the store's state now.
  public mutating func finish(state: InventoryState) -> ReportTable {
    switch kind {
    case .transactions: return ReportTable(columns: TransactionsReport.columns, rows: rows)
    case .movements: return movements.finish()
    case .faulty: return faulty.finish(state: state)
    }
  }
}
