/// What `verify` checks of the reversals in a ledger: each matches the transaction it reverses
/// (same action recorded, same account, the same serials and quantities moved back), and no
/// transaction is reversed twice. Fed the reversals in ledger order.
public struct ReversalAudit {
  private var reversed: [String: String] = [:]
  public private(set) var problems: [String] = []

  public init() {}

  /// Checks one reversal against its original (nil: not in the ledger).
  public mutating func check(_ reversal: Transaction, original: Transaction?) {
    guard let change = reversal.reversal else { return }
    let id = reversal.transactionId
    if let first = reversed[change.reverses] {
      problems.append("\(id) reverses \(change.reverses), already reversed by \(first)")
      return
    }
    reversed[change.reverses] = id
    guard let original,
      (Transaction.sequence(of: original.transactionId) ?? 0)
        < (Transaction.sequence(of: id) ?? 0)
    else {
      problems.append("\(id) reverses \(change.reverses), which is not before it in the ledger")
      return
    }
    if original.action != change.action || original.account != reversal.account
      || Self.moved(original) != Self.moved(reversal) || !Self.inverse(original, reversal)
    {
      problems.append("\(id) does not match \(change.reverses), the transaction it reverses")
    }
  }

  /// A subscription action's reversal installs what the original removed (its root first)
  /// and removes what it installed.
  private static func inverse(_ original: Transaction, _ reversal: Transaction) -> Bool {
    guard let before = original.subscription else { return reversal.subscription == nil }
    guard let after = reversal.subscription else { return false }
    return Set(before.added.map(\.serial)) == Set(after.removed)
      && before.removed.first == after.added.first?.serial
  }

  /// What a transaction moves, compared whatever the grouping: its serials sorted, and each
  /// software quantity by product, type, ownership and container.
  private static func moved(_ transaction: Transaction) -> [String] {
    var quantities: [String: Int] = [:]
    for item in transaction.items where item.product != .hardware {
      let key = [
        item.product.rawValue, item.type?.rawValue ?? "", item.ownership?.rawValue ?? "",
        item.container ?? "",
      ].joined(separator: "/")
      quantities[key, default: 0] += item.quantity ?? 0
    }
    return transaction.serials.sorted() + quantities.map { "\($0.key)=\($0.value)" }.sorted()
  }
}
