/// The validated effect of a subscription command, as the ledger records it: every step of
/// the system processing, so replaying it needs no rule.
public struct SubscriptionChange: Hashable, Sendable, Codable {
  public var setup: SubscriptionSetup?
  public var opened: Subscription?
  /// An AR with its new state.
  public var receivable: Receivable?
  /// The subscription the action ran on.
  public var subscription: String?
  /// The new life cycle state.
  public var state: LifeCycleState?
  /// Installed items added (with their distributors).
  public var added: [InstalledItem] = []
  /// Serials removed from the subscription (with their distributions).
  public var removed: [String] = []
  public var distributorsAdded: [String] = []
  public var distributorsRemoved: [String] = []
  /// Stock Out warehouse transactions.
  public var stockOut: [WarehouseMove] = []
  /// Stock In warehouse transactions (receipts too).
  public var stockIn: [WarehouseMove] = []
  /// Sold items that stay with the customer's AR.
  public var toCustomer: [StockItem] = []
  /// Lost or stolen items.
  public var written: [StockItem] = []
  public var mode: SwapMode?
  public var reason: SwapReason?
  public var performedOn: String?
  public var reference: String?

  public init() {}

  /// Every serial the change names.
  public var serials: Set<String> {
    var all = Set(added.map(\.serial))
    all.formUnion(removed)
    for move in stockIn + stockOut { all.formUnion(move.items.map(\.serial)) }
    all.formUnion(toCustomer.map(\.serial))
    all.formUnion(written.map(\.serial))
    return all
  }

  /// Every warehouse the change moves stock in or out of.
  public var warehouses: Set<String> { Set((stockIn + stockOut).map(\.warehouse)) }
}

/// One Stock In or Stock Out warehouse transaction: which warehouse and which items.
public struct WarehouseMove: Hashable, Sendable, Codable {
  public var warehouse: String
  public var items: [StockItem]

  public init(warehouse: String, items: [StockItem]) {
    self.warehouse = warehouse
    self.items = items
  }
}

extension SubscriptionChange {
  /// The system processing in words, one step a line, as the Result screen lists it.
  public var steps: [String] {
    var lines: [String] = []
    if let setup {
      lines.append(
        "Defined \(setup.receivables.count) ARs, \(setup.products.count) products, "
          + "\(setup.warehouses.count) warehouses, \(setup.rules.count) rules")
    }
    if let opened { lines.append("Subscription \(opened.number) opened in Draft") }
    if let receivable {
      lines.append("Accounts Receivable \(receivable.code) is now \(receivable.state.title)")
    }
    for item in added {
      var text = "Installed item \(item.serial) (\(item.product)) added, \(item.ownership.rawValue)"
      if let bundle = item.bundle { text += ", component of \(bundle)" }
      if !item.distributors.isEmpty {
        text += ", distributed to " + item.distributors.joined(separator: ", ")
      }
      lines.append(text)
    }
    for name in distributorsAdded { lines.append("Provisioning distributor \(name) added") }
    for move in stockOut {
      lines.append("Stock Out from \(move.warehouse): " + move.items.map(\.serial).list)
    }
    if !added.isEmpty {
      lines.append("Installed item history updated: " + added.map(\.serial).list)
    }
    for serial in removed { lines.append("Installed item \(serial) and its distributions removed") }
    for name in distributorsRemoved {
      lines.append("Provisioning distributor \(name) removed (no other service or item on it)")
    }
    for move in stockIn {
      lines.append("Stock In to \(move.warehouse): " + move.items.map(\.serial).list)
    }
    for item in toCustomer {
      lines.append("\(item.serial) stays with the Subscriber's Accounts Receivable (sold)")
    }
    for item in written {
      lines.append("\(item.serial) not stocked back in (\(reason?.rawValue ?? "lost"))")
    }
    if !removed.isEmpty { lines.append("Installed item history updated: " + removed.list) }
    if let state { lines.append("Life cycle state set to \(state.title)") }
    if subscription != nil && opened == nil { lines.append("Subscription history updated") }
    return lines
  }

  /// A short line for the log.
  public var summary: String {
    if setup != nil { return "subscriptions setup" }
    if let opened { return "\(opened.number) opened" }
    if let receivable { return "\(receivable.code) \(receivable.state.rawValue)" }
    var parts: [String] = []
    if let subscription { parts.append(subscription) }
    if !added.isEmpty { parts.append("+" + added.map(\.serial).list) }
    if !removed.isEmpty { parts.append("-" + removed.list) }
    if let state { parts.append("→ \(state.title)") }
    if subscription == nil, let move = stockIn.first {
      parts.append("\(move.items.count) items → \(move.warehouse)")
    }
    return parts.joined(separator: " ")
  }
}

extension Array where Element == String {
  /// Up to five serials and how many more.
  var list: String {
    let shown = prefix(5).joined(separator: ", ")
    return count > 5 ? shown + " and \(count - 5) more" : shown
  }
}
