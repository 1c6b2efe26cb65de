/// The three reports of Home › Reports and `stockroom report` (issue 18), by the name the
/// command takes.
public enum ReportKind: String, CaseIterable, Hashable, Sendable {
  case transactions
  case movements
  case faulty

  /// The name on the screen's tabs and export file names.
  public var title: String {
    switch self {
    case .transactions: return "Transactions"
    case .movements: return "Stock movements"
    case .faulty: return "Faulty and lost"
    }
  }

  public var columns: [ReportTable.Column] {
    switch self {
    case .transactions: return TransactionsReport.columns
    case .movements: return MovementsReport.columns
    case .faulty: return FaultyReport.columns
    }
  }

  /// Runs the report over `history`: an account's transactions through the index when the
  /// report needs no more, else the whole ledger with `progress`. `now` (ISO 8601, UTC) is what
  /// the faulty report's ages count to.
  public func run(
    _ filter: ReportFilter, now: String = "", in history: any TransactionHistory,
    progress: ReportProgress? = nil
  ) throws(ReportFailure) -> ReportTable {
    var run = ReportRun(self, filter: filter, now: now)
    if let account = run.account {
      for transaction in try history.accountTransactions(account) {
        guard try run.take(transaction) else { break }
      }
    } else {
      try history.read(progress: progress) { (transaction) throws(ReportFailure) in
        try run.take(transaction)
      }
    }
    return run.finish(state: history.state)
  }

  /// True when `name` is a product counted by quantity or one of the state's hardware models.
  public static func isProduct(_ name: String, in state: InventoryState) -> Bool {
    Product.software.contains { $0.rawValue == name.lowercased() } || state.modelIndex(name) != nil
  }
}
