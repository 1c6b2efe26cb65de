/// What the ledger's lookups find a transaction under: one definition for every store and
/// its index, so a lookup answers the same whichever store holds the ledger.
extension Transaction {
  /// The serials a lookup by serial finds this transaction under: the hardware tokens it
  /// moved, and the installed items and warehouse stock it names.
  public var namedSerials: Set<String> {
    var all = Set(serials)
    if let subscription { all.formUnion(subscription.serials) }
    return all
  }

  /// The subscription this transaction is about (opened or changed), upper case.
  public var namedSubscription: String? {
    (subscription?.subscription ?? subscription?.opened?.number)?.uppercased()
  }

  /// The wireless order this transaction is about.
  public var namedOrder: String? { order?.number }

  /// The sequence number of `T000123` (any case), nil for anything else.
  public static func sequence(of id: String) -> UInt64? {
    let text = id.uppercased()
    guard text.hasPrefix("T"), text.count > 1, text.count <= 20,
      text.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }),
      let sequence = UInt64(text.dropFirst()), sequence > 0
    else { return nil }
    return sequence
  }

  /// The warehouses this transaction moves stock in or out of.
  public var namedWarehouses: Set<String> { subscription?.warehouses ?? [] }
}
