/// A subscription action asked for, as a value (swap, remove, add item, …).
public enum SubscriptionCommand: Hashable, Sendable {
  /// Create ARs, products, services, warehouses, definitions and rules (demo and setup).
  case setup(SubscriptionSetup)
  /// New items into a warehouse (a Stock In); bundles list their components.
  case receive(warehouse: String, items: [StockItem])
  /// A new subscription in Draft with its services.
  case open(number: String, receivable: String, services: [String])
  /// An AR becomes Active, Suspended or Closed.
  case changeReceivable(receivable: String, state: ReceivableState)
  /// Move a subscription to another life cycle state.
  case changeState(subscription: String, state: LifeCycleState)
  /// ADDINSTALLEDITEM: an available item onto the subscription.
  case add(AddItemRequest)
  /// SWAPINSTALLEDITEM: an installed item (or bundle, or component) for a new one.
  case swap(SwapRequest)
  /// REMOVEINSTALLEDITEM, or UNDOADDINSTITEM in Draft.
  case remove(RemoveRequest)
}

/// The entities a setup creates.
public struct SubscriptionSetup: Hashable, Sendable, Codable {
  public var receivables: [Receivable]
  public var products: [ItemProduct]
  public var services: [SubscriptionService]
  public var warehouses: [Warehouse]
  public var definitions: [InventoryDefinition]
  public var rules: [DefinitionRule]

  public init(
    receivables: [Receivable] = [], products: [ItemProduct] = [],
    services: [SubscriptionService] = [], warehouses: [Warehouse] = [],
    definitions: [InventoryDefinition] = [], rules: [DefinitionRule] = []
  ) {
    self.receivables = receivables
    self.products = products
    self.services = services
    self.warehouses = warehouses
    self.definitions = definitions
    self.rules = rules
  }
}

/// The action detail area of the modal: when, and the optional unique reference. The
/// "performed by" person travels in the transaction context beside the real OS user.
public struct ActionDetails: Hashable, Sendable, Codable {
  /// Up to 64 characters; unique among subscription actions when given.
  public var reference: String
  /// When the action was performed (ISO 8601, UTC); nil: now.
  public var performedOn: String?
  /// The clock when the user submitted (ISO 8601, UTC): performedOn may not be later.
  public var submittedAt: String?

  public init(reference: String = "", performedOn: String? = nil, submittedAt: String? = nil) {
    self.reference = reference
    self.performedOn = performedOn
    self.submittedAt = submittedAt
  }
}

/// Add Installed Item: which subscription, which stocked serial, rented or sold.
public struct AddItemRequest: Hashable, Sendable {
  public var subscription: String
  public var serial: String
  public var ownership: ItemOwnership
  public var details: ActionDetails

  public init(
    subscription: String, serial: String, ownership: ItemOwnership = .rented,
    details: ActionDetails = ActionDetails()
  ) {
    self.subscription = subscription
    self.serial = serial
    self.ownership = ownership
    self.details = details
  }
}

/// Whether a swap replaces a whole Fixed Product Bundle or one component of it.
public enum SwapMode: String, CaseIterable, Hashable, Sendable, Codable {
  case bundle
  case component

  /// The seed's label.
  public var title: String { self == .bundle ? "Swap Bundle" : "Swap Component" }
}

/// Swap Installed Item: the installed serial, the new serial of the same product, why.
public struct SwapRequest: Hashable, Sendable {
  public var subscription: String
  public var serial: String
  public var newSerial: String
  /// Nil: a component when `serial` is a component, else the item (or whole bundle).
  public var mode: SwapMode?
  public var reason: SwapReason
  public var details: ActionDetails

  public init(
    subscription: String, serial: String, newSerial: String, mode: SwapMode? = nil,
    reason: SwapReason = .broken, details: ActionDetails = ActionDetails()
  ) {
    self.subscription = subscription
    self.serial = serial
    self.newSerial = newSerial
    self.mode = mode
    self.reason = reason
    self.details = details
  }
}

/// Remove Installed Item (Undo Add in Draft): the installed serial.
public struct RemoveRequest: Hashable, Sendable {
  public var subscription: String
  public var serial: String
  public var details: ActionDetails

  public init(subscription: String, serial: String, details: ActionDetails = ActionDetails()) {
    self.subscription = subscription
    self.serial = serial
    self.details = details
  }
}
