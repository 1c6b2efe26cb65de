/// The whole token inventory at one point of the ledger: the result of replaying it.
public struct InventoryState: Sendable, Equatable {
  public var providerName: String
  /// The first container is the default one.
  public var containers: [Container]
  /// Hardware model names (RB-1, KT-4, …), one allocation-table column each.
  public var models: [String]
  public var accounts: [Account]
  /// Provider stock counted by quantity.
  public var stock: [StockKey: Int]
  /// Every quantity ever received, per product and ownership (for conservation checks).
  public var received: [Product: [Ownership: Int]]
  /// Hardware tokens in receipt order: the snapshot's, read in place, and what changed since.
  public var tokens: TokenTable
  var accountLookup: [String: Int]
  /// Subscriptions, installed items and warehouses (issue 7).
  public var subscriptions = SubscriptionBook()
  /// Employees, lines, devices and wireless orders (issue 8).
  public var orders = OrderBook()
  /// Which transactions are reversed, and by which (issue 18).
  public var reversals = Reversals()

  public init(providerName: String = "Service Provider") {
    self.providerName = providerName
    containers = []
    models = []
    accounts = []
    stock = [:]
    received = [:]
    tokens = TokenTable()
    accountLookup = [:]
  }

  /// The container new and returned stock goes to unless another is chosen.
  public var defaultContainer: Int? { containers.isEmpty ? nil : 0 }

  /// An account by code (`ACC-0001`, any case) or exact name.
  public func accountIndex(_ codeOrName: String) -> Int? {
    if let index = accountLookup[codeOrName.uppercased()] { return index }
    return accountLookup["name:" + codeOrName]
  }

  /// A container by code or exact name.
  public func containerIndex(_ codeOrName: String) -> Int? {
    containers.firstIndex { $0.code.uppercased() == codeOrName.uppercased() }
      ?? containers.firstIndex { $0.name == codeOrName }
  }

  /// A hardware model by name, any case.
  public func modelIndex(_ name: String) -> Int? {
    models.firstIndex { $0.uppercased() == name.uppercased() }
  }

  /// The token with this serial in the inventory (a removed one is not).
  public func token(serial: String) -> HardwareToken? {
    tokenIndex(serial: serial).map { tokens[$0] }
  }

  /// The token with this serial as the ledger left it, a removed one included: what a
  /// transaction's history shows ("now removed") and what a database's mirror row holds.
  public func recordedToken(serial: String) -> HardwareToken? {
    tokens.index(of: serial).map { tokens[$0] }
  }

  /// Where the token with this serial is in `tokens`, when it is in the inventory (a removed
  /// one is not: `recordedToken(serial:)` still finds it).
  public func tokenIndex(serial: String) -> Int? {
    guard let index = tokens.index(of: serial), tokens[index].state != .removed else { return nil }
    return index
  }

  /// Provider stock of a product, over every container and ownership unless narrowed.
  public func stockQuantity(
    _ product: Product, ownership: Ownership? = nil, container: Int? = nil
  ) -> Int {
    stock.reduce(0) { sum, entry in
      let key = entry.key
      guard key.product == product else { return sum }
      if let ownership, key.ownership != ownership { return sum }
      if let container, key.container != container { return sum }
      return sum + entry.value
    }
  }

  /// Indices of the tokens allocated to an account (nil: the provider's stock), optionally of
  /// one model: model by model, each in serial order.
  public func tokenIndices(account: Int?, model: Int? = nil) -> [Int] {
    let holder = Int32(account ?? -1)
    guard let model else {
      return models.indices.flatMap { tokens.members(holder: holder, model: $0) }
    }
    return tokens.members(holder: holder, model: model)
  }

  mutating func addAccount(_ account: Account) {
    accountLookup[account.code.uppercased()] = accounts.count
    accountLookup["name:" + account.name] = accounts.count
    accounts.append(account)
  }

  mutating func addModel(_ name: String) {
    models.append(name)
    for index in accounts.indices {
      accounts[index].hardwareAllocated.append(0)
      accounts[index].hardwareInUse.append(0)
    }
  }

  /// Rebuilds the account lookup after bulk loading (snapshots).
  public mutating func rebuildLookups() {
    accountLookup = [:]
    for (index, account) in accounts.enumerated() {
      accountLookup[account.code.uppercased()] = index
      accountLookup["name:" + account.name] = index
    }
  }
}
