/// The state of an Accounts Receivable: subscription actions need it Active.
public enum ReceivableState: String, CaseIterable, Hashable, Sendable, Codable {
  case active
  case suspended
  case closed

  /// The word shown on screens.
  public var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// The customer's billing account that owns subscriptions (seed 001: "Accounts Receivable").
public struct Receivable: Hashable, Sendable, Codable {
  /// `AR-0001`.
  public var code: String
  public var name: String
  public var state: ReceivableState

  public init(code: String, name: String, state: ReceivableState = .active) {
    self.code = code
    self.name = name
    self.state = state
  }
}

/// A subscription's life cycle state; the item actions run only in the first six.
public enum LifeCycleState: String, CaseIterable, Hashable, Sendable, Codable {
  case draft
  case effective
  case notEffective = "not-effective"
  case inResting = "in-resting"
  case shortTermEffective = "short-term-effective"
  case shortTermNotEffective = "short-term-not-effective"
  case cancelled
  case regretted

  /// The seeds' name for the state.
  public var title: String {
    switch self {
    case .draft: return "Draft"
    case .effective: return "Effective"
    case .notEffective: return "Not Effective"
    case .inResting: return "In Resting"
    case .shortTermEffective: return "Short Term Effective"
    case .shortTermNotEffective: return "Short Term Not Effective"
    case .cancelled: return "Cancelled"
    case .regretted: return "Regretted"
    }
  }

  /// The states in which Swap, Remove and Add Installed Item are available (seeds 001, 003).
  public static let itemActionStates: [LifeCycleState] = [
    .draft, .effective, .notEffective, .inResting, .shortTermEffective, .shortTermNotEffective,
  ]

  /// Where the seeds say an installed-item action is available, in their words.
  public static var itemActionStatesText: String {
    "available only in the Life Cycle States "
      + itemActionStates.map(\.title).joined(separator: ", ")
  }

  /// A state by its lower-case word or its title, any case.
  public init?(word: String) {
    let key = String(word.lowercased().map { $0 == " " ? "-" : $0 })
    guard let state = LifeCycleState(rawValue: key) else { return nil }
    self = state
  }
}

/// Whether the customer rents an installed item (it comes back) or bought it (it stays).
public enum ItemOwnership: String, CaseIterable, Hashable, Sendable, Codable {
  case rented
  case sold

  /// The word shown on screens.
  public var title: String { self == .rented ? "Rented" : "Sold" }
}

/// Why an installed item is swapped (seed 001); lost and stolen rented items are not stocked
/// back in.
public enum SwapReason: String, CaseIterable, Hashable, Sendable, Codable {
  case broken
  case exchanged
  case stolen
  case lost

  /// The word shown on screens.
  public var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

  /// True when the old item is gone and cannot go back to a warehouse.
  public var isGone: Bool { self == .stolen || self == .lost }
}

/// A serialized physical good the business installs; a Fixed Product Bundle lists the
/// products of its component items.
public struct ItemProduct: Hashable, Sendable, Codable {
  public var code: String
  public var name: String
  /// The Provisioning Distributor its items are distributed on, if any.
  public var distributor: String?
  /// Component products, for a Fixed Product Bundle; empty otherwise.
  public var components: [String]

  public init(code: String, name: String, distributor: String? = nil, components: [String] = []) {
    self.code = code
    self.name = name
    self.distributor = distributor
    self.components = components
  }

  /// True for a Fixed Product Bundle.
  public var isBundle: Bool { !components.isEmpty }
}

/// A service on a subscription, provisioned on a distributor.
public struct SubscriptionService: Hashable, Sendable, Codable {
  public var code: String
  public var name: String
  public var distributor: String?

  public init(code: String, name: String, distributor: String? = nil) {
    self.code = code
    self.name = name
    self.distributor = distributor
  }
}

/// A serialized good installed on a subscription; a bundle's components name their bundle.
public struct InstalledItem: Hashable, Sendable, Codable {
  public var serial: String
  public var product: String
  public var ownership: ItemOwnership
  /// The serial of the Fixed Product Bundle this item is a component of.
  public var bundle: String?
  /// The Provisioning Distributors the item is distributed on.
  public var distributors: [String]
  /// The warehouse it came from (Undo Add puts it back there).
  public var origin: String?

  public init(
    serial: String, product: String, ownership: ItemOwnership, bundle: String? = nil,
    distributors: [String] = [], origin: String? = nil
  ) {
    self.serial = serial
    self.product = product
    self.ownership = ownership
    self.bundle = bundle
    self.distributors = distributors
    self.origin = origin
  }
}

/// A customer's subscription: its AR, state, services, installed items and distributors.
public struct Subscription: Hashable, Sendable, Codable {
  /// `SUB-000001`.
  public var number: String
  public var receivable: String
  public var state: LifeCycleState
  public var services: [SubscriptionService]
  public var items: [InstalledItem]
  /// The Provisioning Distributors in use by its services and items.
  public var distributors: [String]

  public init(
    number: String, receivable: String, state: LifeCycleState = .draft,
    services: [SubscriptionService] = [], items: [InstalledItem] = [],
    distributors: [String] = []
  ) {
    self.number = number
    self.receivable = receivable
    self.state = state
    self.services = services
    self.items = items
    self.distributors = distributors
  }

  /// The installed item with this serial.
  public func item(_ serial: String) -> InstalledItem? {
    items.first { $0.serial.uppercased() == serial.uppercased() }
  }

  /// The components of a bundle item, in installation order.
  public func components(of bundle: String) -> [InstalledItem] {
    items.filter { $0.bundle == bundle }
  }

  /// Items that are not components, each followed by its components.
  public var itemsInOrder: [InstalledItem] {
    items.filter { $0.bundle == nil }.flatMap { [$0] + components(of: $0.serial) }
  }
}

/// A place where items are stocked.
public struct Warehouse: Hashable, Sendable, Codable {
  public var code: String
  public var name: String

  public init(code: String, name: String) {
    self.code = code
    self.name = name
  }
}

/// An item in a warehouse; a stocked bundle's components name their bundle.
public struct StockItem: Hashable, Sendable, Codable {
  public var serial: String
  public var product: String
  public var warehouse: String
  public var bundle: String?

  public init(serial: String, product: String, warehouse: String, bundle: String? = nil) {
    self.serial = serial
    self.product = product
    self.warehouse = warehouse
    self.bundle = bundle
  }
}

/// Where items come from and go back to: one definition is Active at a time.
public struct InventoryDefinition: Hashable, Sendable, Codable {
  public var code: String
  public var name: String
  public var active: Bool
  /// The warehouse removed rented items go back to.
  public var returnWarehouse: String
  /// The warehouses whose stock may be added to subscriptions.
  public var sourceWarehouses: [String]
  /// The products that may be added.
  public var products: [String]

  public init(
    code: String, name: String, active: Bool, returnWarehouse: String,
    sourceWarehouses: [String], products: [String]
  ) {
    self.code = code
    self.name = name
    self.active = active
    self.returnWarehouse = returnWarehouse
    self.sourceWarehouses = sourceWarehouses
    self.products = products
  }
}
