/// Which transactions are reversed, and by which reversal: built as the ledger is applied and
/// kept in the snapshot, so `log`, `show` and the Transaction screen say "Reversed by …" and a
/// second reversal is refused without reading the ledger.
public struct Reversals: Hashable, Sendable, Codable {
  /// The reversal's Transaction ID by the original's.
  private var byOriginal: [String: String] = [:]
  /// Reversals of a transaction already reversed (a damaged or forged ledger), for `verify`.
  private var again: [String] = []

  public init() {}

  /// The reversal of `transactionId`, if it was reversed.
  public func reversal(of transactionId: String) -> String? { byOriginal[transactionId] }

  /// Every reversal's Transaction ID, second reversals of one original included, in ledger
  /// order: what `verify` checks against the originals (`ReversalAudit`).
  public var all: [String] {
    (Array(byOriginal.values) + again).sorted {
      (Transaction.sequence(of: $0) ?? 0) < (Transaction.sequence(of: $1) ?? 0)
    }
  }

  /// "Reverses T000123" for a reversal, "Reversed by T000200" for a transaction reversed;
  /// nil for any other: the words `log`, `show` and the Transaction screen print.
  public func words(for transaction: Transaction) -> String? {
    if let original = transaction.reversal?.reverses { return "Reverses " + original }
    return reversal(of: transaction.transactionId).map { "Reversed by " + $0 }
  }

  mutating func note(_ transaction: Transaction) {
    guard let reversal = transaction.reversal else { return }
    if byOriginal[reversal.reverses] == nil {
      byOriginal[reversal.reverses] = transaction.transactionId
    } else {
      again.append(transaction.transactionId)
    }
  }
}

extension InventoryState {
  /// Applies a committed transaction: its change, then the reversal index.
  public mutating func apply(_ transaction: Transaction) throws(DomainError) {
    try apply(transaction.change)
    reversals.note(transaction)
  }

  /// Applies a transaction whose change was validated against this very state.
  public mutating func apply(_ checked: CheckedChange, as transaction: Transaction)
    throws(DomainError)
  {
    try apply(checked)
    reversals.note(transaction)
  }

  /// `apply(_:handingTokensTo:)` for a committed transaction (verify's replay in parts).
  public mutating func apply(
    _ transaction: Transaction, handingTokensTo hand: (_ item: Int, TokenStep, [String]) -> Void
  ) throws(DomainError) {
    try apply(transaction.change, handingTokensTo: hand)
    reversals.note(transaction)
  }
}
