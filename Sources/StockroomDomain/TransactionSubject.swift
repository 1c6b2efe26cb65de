/// What a transaction can be looked up by: the one rule for "the transactions of X", used by
/// the store's index and by any full scan, so both give the same answer.
public enum TransactionSubject: Hashable, Sendable {
  /// An account by code: the transactions whose `account` it is.
  case account(String)
  /// A serial: the transactions that name it in their items or their subscription change.
  case serial(String)
  /// A subscription by number (any case): the actions run on it and the one that opened it.
  case subscription(String)
  /// An order by number (any case): its submission and every step taken on it.
  case order(String)

  /// The same subject as compared: subscription and order numbers in upper case.
  public var normalised: TransactionSubject {
    switch self {
    case .account, .serial: return self
    case .subscription(let number): return .subscription(number.uppercased())
    case .order(let number): return .order(number.uppercased())
    }
  }

  /// True when `transaction` is about this subject.
  public func matches(_ transaction: Transaction) -> Bool {
    let wanted = normalised
    var found = false
    transaction.forEachSubject { if $0 == wanted { found = true } }
    return found
  }
}

extension Transaction {
  /// Calls `body` with every subject this transaction is about, normalised (a subject may
  /// come more than once).
  public func forEachSubject(_ body: (TransactionSubject) -> Void) {
    if let account { body(.account(account)) }
    for item in items {
      for serial in item.serials ?? [] { body(.serial(serial)) }
    }
    if let change = subscription {
      for serial in change.serials { body(.serial(serial)) }
      if let number = change.subscription { body(.subscription(number.uppercased())) }
      if let number = change.opened?.number { body(.subscription(number.uppercased())) }
    }
    if let number = order?.number ?? order?.order?.number { body(.order(number.uppercased())) }
  }
}
