import StockroomDomain

/// A transaction as `log --json` and `show --json` print it: the record's fields, and
/// `reverses` and `reversedBy` (each `null` when it has none), so scripts can rely on the keys.
struct TransactionJSON: Encodable {
  var transaction: Transaction
  var reversedBy: String?

  init(_ transaction: Transaction, _ state: InventoryState) {
    self.transaction = transaction
    reversedBy = state.reversals.reversal(of: transaction.transactionId)
  }

  private enum CodingKeys: String, CodingKey { case reverses, reversedBy }

  func encode(to encoder: any Encoder) throws {
    try transaction.encode(to: encoder)
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(transaction.reversal?.reverses, forKey: .reverses)
    try container.encode(reversedBy, forKey: .reversedBy)
  }
}
