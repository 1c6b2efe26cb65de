/// How a product was allocated: rented (the provider keeps ownership) or sold.
public enum AllocationType: String, CaseIterable, Hashable, Sendable, Codable {
  case rental
  case sale

  /// The name shown on screens.
  public var title: String { self == .rental ? "Rental" : "Sale" }
}

/// Whether provider stock was bought (may be sold or rented) or leased (rented only).
public enum Ownership: String, CaseIterable, Hashable, Sendable, Codable {
  case owned
  case leased
}

/// The life-cycle state of a hardware token (docs/DESIGN.md section 1).
public enum TokenState: String, CaseIterable, Hashable, Sendable, Codable {
  case available
  case allocated
  case faulty
  case lost
  /// Taken out again by the reversal of its receive: kept at its place in the table (token
  /// positions never move) but in no group, count, list or serial lookup, as if never
  /// received; a new receive of its serial puts it back at that place.
  case removed
}

/// What happens to a deallocated hardware token.
public enum Disposition: String, CaseIterable, Hashable, Sendable, Codable {
  /// Return to Inventory: the token becomes available again.
  case `return`
  /// Initialize and return to Inventory: re-initialization recorded, then available.
  case initialize
  /// Faulty: kept aside, never offered for allocation.
  case faulty
  /// Lost: the token is gone.
  case lost

  /// The state a token reaches with this disposition.
  public var resultingState: TokenState {
    switch self {
    case .return, .initialize: return .available
    case .faulty: return .faulty
    case .lost: return .lost
    }
  }

  /// The seed's label for the choice.
  public var title: String {
    switch self {
    case .return: return "Return to Inventory"
    case .initialize: return "Initialize and return to Inventory"
    case .faulty: return "Faulty"
    case .lost: return "Lost"
    }
  }
}

/// A software column of the allocation table: one product and allocation type counted by
/// quantity.
public enum SoftwareColumn: String, CaseIterable, Hashable, Sendable, Codable {
  case capacity
  case smsRental
  case smsSale
  case st1Legacy
  case mobilePass

  /// The product this column counts.
  public var product: Product {
    switch self {
    case .capacity: return .capacity
    case .smsRental, .smsSale: return .sms
    case .st1Legacy: return .st1
    case .mobilePass: return .mobilepass
    }
  }

  /// The allocation type, for the products that have one (SMS).
  public var type: AllocationType? {
    switch self {
    case .smsRental: return .rental
    case .smsSale: return .sale
    default: return nil
    }
  }

  /// The column heading (docs/DESIGN.md section 1).
  public var title: String {
    switch self {
    case .capacity: return "Capacity"
    case .smsRental: return "SMS Rental"
    case .smsSale: return "SMS Sale"
    case .st1Legacy: return "ST-1 Legacy"
    case .mobilePass: return "MobilePASS"
    }
  }

  /// Position in an account's holdings.
  public var index: Int {
    switch self {
    case .capacity: return 0
    case .smsRental: return 1
    case .smsSale: return 2
    case .st1Legacy: return 3
    case .mobilePass: return 4
    }
  }

  /// The column for a software product and type; nil when the pair is not allowed.
  public init?(product: Product, type: AllocationType?) {
    switch (product, type) {
    case (.capacity, nil): self = .capacity
    case (.sms, .rental?): self = .smsRental
    case (.sms, .sale?): self = .smsSale
    case (.st1, nil): self = .st1Legacy
    case (.mobilepass, nil): self = .mobilePass
    default: return nil
    }
  }
}
