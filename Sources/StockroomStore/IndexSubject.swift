import StockroomDomain

/// What the index files a transaction under: one case per lookup of `InventoryLedger`, each
/// matched by the domain's definition on `Transaction` (`account`, `namedSerials`,
/// `namedSubscription`, `namedOrder`, `namedWarehouses`), so the index and a full read agree.
public enum IndexSubject: Hashable, Sendable {
  case account(String)
  case serial(String)
  /// A subscription number, upper case as `namedSubscription` gives it.
  case subscription(String)
  case order(String)
  case warehouse(String)

  /// The subject a lookup asks for: a subscription number in any case.
  public static func lookup(subscription number: String) -> IndexSubject {
    .subscription(number.uppercased())
  }

  /// Every subject `transaction` is filed under, each once.
  public static func subjects(of transaction: Transaction) -> [IndexSubject] {
    var found: [IndexSubject] = []
    if let account = transaction.account { found.append(.account(account)) }
    found += transaction.namedSerials.map { .serial($0) }
    if let number = transaction.namedSubscription { found.append(.subscription(number)) }
    if let number = transaction.namedOrder { found.append(.order(number)) }
    found += transaction.namedWarehouses.map { .warehouse($0) }
    return found
  }

  /// True when `transaction` is about this subject (a lookup keeps only these).
  public func matches(_ transaction: Transaction) -> Bool {
    switch self {
    case .account(let code): return transaction.account == code
    case .serial(let serial): return transaction.namedSerials.contains(serial)
    case .subscription(let number): return transaction.namedSubscription == number
    case .order(let number): return transaction.namedOrder == number
    case .warehouse(let code): return transaction.namedWarehouses.contains(code)
    }
  }

  /// The kind's name and the key, as a database store files the subject.
  public var parts: (kind: String, key: String) {
    switch self {
    case .account(let code): return ("account", code)
    case .serial(let serial): return ("serial", serial)
    case .subscription(let number): return ("subscription", number)
    case .order(let number): return ("order", number)
    case .warehouse(let code): return ("warehouse", code)
    }
  }

  /// FNV-1a over the kind and the key: the same in every process and version.
  var hash: UInt64 {
    let (kind, text): (UInt8, String)
    switch self {
    case .account(let code): (kind, text) = (1, code)
    case .serial(let serial): (kind, text) = (2, serial)
    case .subscription(let number): (kind, text) = (3, number)
    case .order(let number): (kind, text) = (4, number)
    case .warehouse(let code): (kind, text) = (5, code)
    }
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    value = (value ^ UInt64(kind)) &* 0x100_0000_01b3
    for byte in text.utf8 { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return value
  }
}
