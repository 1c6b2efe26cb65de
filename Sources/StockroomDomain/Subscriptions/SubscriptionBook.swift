/// The subscriptions area of the state (issue 7): Accounts Receivable,
/// subscriptions, installed items, warehouses, definitions and rules. Kept
/// beside the token inventory, replayed from the same ledger, and saved in
/// the snapshot as one JSON section.
public struct SubscriptionBook: Codable, Sendable, Equatable {
  public var receivables: [Receivable] = []
  public var products: [ItemProduct] = []
  public var services: [SubscriptionService] = []
  public var warehouses: [Warehouse] = []
  public var definitions: [InventoryDefinition] = []
  public var rules: [DefinitionRule] = []
  public var subscriptions: [Subscription] = []
  /// Items in warehouses, by serial.
  public var stock: [String: StockItem] = [:]
  /// Sold items that left their subscription and stay with the customer: serial → AR code.
  public var withCustomers: [String: String] = [:]
  /// Items that were lost or stolen: serial → product.
  public var writtenOff: [String: String] = [:]
  /// Products of items with customers (sold, removed).
  public var customerProducts: [String: String] = [:]
  /// Stock In minus Stock Out per warehouse, as the warehouse transactions count it.
  public var stockBalance: [String: Int] = [:]
  /// Transaction references used by subscription actions, upper-cased.
  public var references: Set<String> = []

  public init() {}

  /// A subscription's index by number, any case.
  public func subscriptionIndex(_ number: String) -> Int? {
    subscriptions.firstIndex { $0.number.uppercased() == number.uppercased() }
  }

  /// The subscription with this number.
  public func subscription(_ number: String) -> Subscription? {
    subscriptionIndex(number).map { subscriptions[$0] }
  }

  /// An AR by code or exact name.
  public func receivable(_ codeOrName: String) -> Receivable? {
    receivables.first { $0.code.uppercased() == codeOrName.uppercased() || $0.name == codeOrName }
  }

  /// A product by code.
  public func product(_ code: String) -> ItemProduct? {
    products.first { $0.code == code }
  }

  /// A product's name, or its code when unknown.
  public func productName(_ code: String) -> String { product(code)?.name ?? code }

  /// A warehouse by code or exact name.
  public func warehouse(_ codeOrName: String) -> Warehouse? {
    warehouses.first { $0.code.uppercased() == codeOrName.uppercased() || $0.name == codeOrName }
  }

  /// The one Active Inventory Management Definition.
  public var activeDefinition: InventoryDefinition? { definitions.first { $0.active } }

  /// The warehouse removed rented items go to, when the Active definition names a known one.
  public var returnWarehouse: Warehouse? {
    activeDefinition.flatMap { warehouse($0.returnWarehouse) }
  }

  /// The Active rules.
  public var activeRules: [DefinitionRule] { rules.filter(\.active) }

  /// The subscription an installed serial is on.
  public func subscription(holding serial: String) -> Subscription? {
    subscriptions.first { $0.item(serial) != nil }
  }

  /// Items in stock that may be added under the Active definition: of `product`, not a
  /// component of a stocked bundle, in a source warehouse. Sorted by serial.
  public func available(product: String) -> [StockItem] {
    guard let definition = activeDefinition, definition.products.contains(product) else {
      return []
    }
    return stock.values.filter {
      $0.product == product && $0.bundle == nil
        && definition.sourceWarehouses.contains($0.warehouse)
    }.sorted { $0.serial < $1.serial }
  }

  /// Every stocked item that may be added under the Active definition, sorted by serial.
  public var availableItems: [StockItem] {
    guard let definition = activeDefinition else { return [] }
    return stock.values.filter {
      $0.bundle == nil && definition.products.contains($0.product)
        && definition.sourceWarehouses.contains($0.warehouse)
    }.sorted { $0.serial < $1.serial }
  }

  /// A stocked bundle's components.
  public func stockComponents(of bundle: String) -> [StockItem] {
    let order = stock[bundle].flatMap { product($0.product)?.components } ?? []
    return stock.values.filter { $0.bundle == bundle }.sorted {
      (order.firstIndex(of: $0.product) ?? 99, $0.serial)
        < (order.firstIndex(of: $1.product) ?? 99, $1.serial)
    }
  }

  /// Subscriptions matching a search by number, AR code or name, or installed serial.
  public func search(_ text: String) -> [Subscription] {
    let needle = text.lowercased().split(separator: " ").joined(separator: " ")
    guard !needle.isEmpty else { return subscriptions }
    return subscriptions.filter { subscription in
      if subscription.number.lowercased().contains(needle) { return true }
      if let owner = receivable(subscription.receivable),
        owner.code.lowercased().contains(needle) || owner.name.lowercased().contains(needle)
      {
        return true
      }
      return subscription.items.contains { $0.serial.lowercased().contains(needle) }
    }
  }
}
