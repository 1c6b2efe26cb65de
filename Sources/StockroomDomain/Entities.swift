/// A container of the service provider's Virtual Server that holds stock.
public struct Container: Hashable, Sendable, Codable {
  public var code: String
  public var name: String

  public init(code: String, name: String) {
    self.code = code
    self.name = name
  }
}

/// One software column of an account: how many were allocated and how many are assigned.
public struct Holding: Hashable, Sendable, Codable {
  /// Allocated to the account.
  public var maximum: Int
  /// Assigned to users (for capacity: users holding at least one token).
  public var inUse: Int
  /// How many of `maximum` came from leased stock (returned as leased).
  public var leased: Int

  public init(maximum: Int = 0, inUse: Int = 0, leased: Int = 0) {
    self.maximum = maximum
    self.inUse = inUse
    self.leased = leased
  }

  /// Maximum − In Use: the most that can be deallocated.
  public var available: Int { maximum - inUse }
}

/// A customer account and what its Virtual Server holds.
public struct Account: Hashable, Sendable {
  /// Short code, `ACC-0001`.
  public var code: String
  public var name: String
  /// Indexed by `SoftwareColumn.index`.
  public var holdings: [Holding]
  /// Hardware tokens allocated, per model index.
  public var hardwareAllocated: [Int]
  /// Hardware tokens assigned to users, per model index.
  public var hardwareInUse: [Int]
  /// Where the account's returns receipts are mailed (an e-mail address), when it has one.
  public var contact: String?

  public init(code: String, name: String, modelCount: Int, contact: String? = nil) {
    self.code = code
    self.name = name
    self.contact = contact
    holdings = Array(repeating: Holding(), count: SoftwareColumn.allCases.count)
    hardwareAllocated = Array(repeating: 0, count: modelCount)
    hardwareInUse = Array(repeating: 0, count: modelCount)
  }

  /// The holding of one software column.
  public func holding(_ column: SoftwareColumn) -> Holding { holdings[column.index] }
}

/// A unit of provider stock counted by quantity: product, ownership and container.
public struct StockKey: Hashable, Sendable {
  public var product: Product
  public var ownership: Ownership
  public var container: Int

  public init(product: Product, ownership: Ownership, container: Int) {
    self.product = product
    self.ownership = ownership
    self.container = container
  }
}

/// One hardware token, kept small: a million of them fit in a few tens of megabytes.
public struct HardwareToken: Hashable, Sendable {
  public var serial: String
  /// Index into `InventoryState.accounts`, or -1 in provider stock.
  public var account: Int32
  /// Index into `InventoryState.models`.
  public var model: UInt8
  /// Index into `InventoryState.containers`.
  public var container: UInt8
  public var state: TokenState
  public var ownership: Ownership
  /// Assigned to a user in the account's Virtual Server.
  public var inUse: Bool
  /// Needs a token-side PIN (RB-1).
  public var needsPIN: Bool
  /// Allocated as a sale rather than a rental.
  public var sold: Bool

  public init(
    serial: String, account: Int32 = -1, model: UInt8, container: UInt8,
    state: TokenState = .available, ownership: Ownership, inUse: Bool = false,
    needsPIN: Bool = false, sold: Bool = false
  ) {
    self.serial = serial
    self.account = account
    self.model = model
    self.container = container
    self.state = state
    self.ownership = ownership
    self.inUse = inUse
    self.needsPIN = needsPIN
    self.sold = sold
  }

  /// The account index, nil in provider stock.
  public var accountIndex: Int? { account < 0 ? nil : Int(account) }
}
