extension InventoryState {
  /// Applies a subscription change: every step of its system processing, or (for a damaged
  /// ledger) a throw before anything is half done.
  mutating func applySubscription(_ change: SubscriptionChange) throws(DomainError) {
    var book = subscriptions
    if let setup = change.setup {
      book.receivables += setup.receivables
      book.products += setup.products
      book.services += setup.services
      book.warehouses += setup.warehouses
      book.definitions += setup.definitions
      book.rules += setup.rules
    }
    if let opened = change.opened { book.subscriptions.append(opened) }
    if let receivable = change.receivable {
      guard let index = book.receivables.firstIndex(where: { $0.code == receivable.code }) else {
        throw .unknownReceivable(receivable.code)
      }
      book.receivables[index] = receivable
    }
    for move in change.stockOut {
      for item in move.items {
        guard book.stock.removeValue(forKey: item.serial) != nil else {
          throw .itemNotAvailable(item.serial)
        }
      }
      book.stockBalance[move.warehouse, default: 0] -= move.items.count
    }
    if let number = change.subscription, change.opened == nil {
      guard let index = book.subscriptionIndex(number) else {
        throw .unknownSubscription(number)
      }
      book.subscriptions[index] = change.itemsApplied(to: book.subscriptions[index])
    }
    for move in change.stockIn {
      for item in move.items {
        var stocked = item
        stocked.warehouse = move.warehouse
        book.stock[item.serial] = stocked
      }
      book.stockBalance[move.warehouse, default: 0] += move.items.count
    }
    let owner = change.subscription.flatMap { book.subscription($0)?.receivable } ?? ""
    for item in change.toCustomer {
      book.withCustomers[item.serial] = owner
      book.customerProducts[item.serial] = item.product
    }
    for item in change.written { book.writtenOff[item.serial] = item.product }
    if let reference = change.reference, !reference.isEmpty {
      book.references.insert(reference.uppercased())
    }
    subscriptions = book
  }

  /// The subscriptions area's invariants, one line each: each serial on one subscription,
  /// in one warehouse or with one customer; stock counts match the warehouse transactions.
  func subscriptionViolations() -> [String] {
    let book = subscriptions
    var problems: [String] = []
    var places: [String: Int] = [:]
    for serial in book.stock.keys { places[serial, default: 0] += 1 }
    for serial in book.withCustomers.keys { places[serial, default: 0] += 1 }
    for serial in book.writtenOff.keys { places[serial, default: 0] += 1 }
    for subscription in book.subscriptions {
      for item in subscription.items { places[item.serial, default: 0] += 1 }
      for item in subscription.items where item.bundle != nil {
        if subscription.item(item.bundle ?? "") == nil {
          problems.append("\(subscription.number): \(item.serial) names a missing bundle")
        }
      }
      let used = SubscriptionChange.distributorsUsed(by: subscription)
      if Set(used) != Set(subscription.distributors) {
        problems.append("\(subscription.number): distributors do not match its services and items")
      }
      if book.receivable(subscription.receivable) == nil {
        problems.append("\(subscription.number): unknown AR \(subscription.receivable)")
      }
    }
    for (serial, count) in places.sorted(by: { $0.key < $1.key }) where count > 1 {
      problems.append("serial \(serial) is in \(count) places")
    }
    var counted: [String: Int] = [:]
    for item in book.stock.values { counted[item.warehouse, default: 0] += 1 }
    for code in Set(counted.keys).union(book.stockBalance.keys).sorted() {
      let held = counted[code] ?? 0
      let balance = book.stockBalance[code] ?? 0
      if held != balance {
        problems.append("warehouse \(code): \(held) items but transactions say \(balance)")
      }
      if book.warehouse(code) == nil { problems.append("warehouse \(code) is unknown") }
    }
    if book.definitions.filter(\.active).count > 1 {
      problems.append("more than one Active Inventory Management Definition")
    }
    return problems
  }
}
