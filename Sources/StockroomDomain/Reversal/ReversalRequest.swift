/// A reversal as asked for: the transaction to undo, why, and what the ledger says happened to
/// its serials (each serial's transactions, in ledger order), so validation can name the later
/// transaction that blocks it and put each serial back where it was. Built from the store's
/// lookups by serial (`gather`), the same for the screen and the headless command.
public struct ReversalRequest: Hashable, Sendable {
  public var original: Transaction
  public var why: String
  /// For each serial the original names, the transactions naming it, in ledger order.
  public var history: [String: [Transaction]]

  public init(original: Transaction, why: String, history: [String: [Transaction]] = [:]) {
    self.original = original
    self.why = why
    self.history = history
  }

  /// The request to reverse `transactionId`, its serials' histories read from `ledger`; nil
  /// when the ledger has no such transaction.
  public static func gather(_ transactionId: String, why: String, from ledger: any InventoryLedger)
    throws(LedgerError) -> ReversalRequest?
  {
    guard let original = try ledger.transaction(id: transactionId) else { return nil }
    var history: [String: [Transaction]] = [:]
    if original.action.irreversibility == nil {
      for serial in original.namedSerials {
        history[serial] = try ledger.transactions(serial: serial)
      }
    }
    return ReversalRequest(original: original, why: why, history: history)
  }

  /// The first transaction after the original that names `serial`, leaving out those undone
  /// since: a later transaction reversed, and its reversal, cancel out.
  func later(_ serial: String, _ reversals: Reversals) -> Transaction? {
    let after = Transaction.sequence(of: original.transactionId) ?? 0
    func isLater(_ id: String) -> Bool { (Transaction.sequence(of: id) ?? 0) > after }
    return history[serial]?.first { transaction in
      guard isLater(transaction.transactionId),
        reversals.reversal(of: transaction.transactionId) == nil
      else { return false }
      return !(transaction.reversal.map { isLater($0.reverses) } ?? false)
    }
  }

  /// The transactions before the original that name `serial`, latest first.
  func earlier(_ serial: String) -> [Transaction] {
    let before = Transaction.sequence(of: original.transactionId) ?? 0
    return (history[serial] ?? []).filter {
      (Transaction.sequence(of: $0.transactionId) ?? 0) < before
    }.reversed()
  }
}
