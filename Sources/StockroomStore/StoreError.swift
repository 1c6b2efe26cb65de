import StockroomDomain

/// The file store's errors are the ledger's (`LedgerError`): every store reports the same
/// five, so a screen or command handles them without knowing which store it has.
public typealias StoreError = LedgerError

extension LedgerError {
  /// The exit code a command ends with (README.md lists them).
  public var exitCode: Int32 {
    switch self {
    case .unavailable, .commitFailed: return 4
    // A reversal something later depends on: another change took what it would give back.
    case .refused(.reversalRefused): return 3
    case .refused, .notEmpty: return 1
    case .conflict: return 3
    }
  }
}
