extension Validation {
  static func subscription(
    _ command: SubscriptionCommand, _ state: InventoryState
  ) throws(DomainError) -> Change {
    var planner = SubscriptionPlanner(book: state.subscriptions)
    let planned = planner.plan(command)
    if let first = planner.problems.first { throw first }
    guard let (action, change) = planned else { throw .emptySelection }
    return Change(action: action, subscription: change)
  }
}

/// Every reason a subscription command is refused, listed by the rule it breaks (the modal
/// shows them all; the store refuses with the first).
public func subscriptionProblems(_ command: SubscriptionCommand, in state: InventoryState)
  -> [DomainError]
{
  var planner = SubscriptionPlanner(book: state.subscriptions)
  _ = planner.plan(command)
  return planner.problems
}

/// The change a valid subscription command makes, worked out without applying it.
public func subscriptionPreview(_ command: SubscriptionCommand, in state: InventoryState)
  -> SubscriptionChange?
{
  var planner = SubscriptionPlanner(book: state.subscriptions)
  return planner.plan(command)?.1
}

extension SubscriptionBook {
  /// The products a plain installed item may be swapped for on a subscription: those in stock
  /// (bundles aside) whose swap the Active Subscription Definition Rules allow, one item of
  /// each tried.
  public func productsAllowed(swapping serial: String, on subscription: String) -> Set<String> {
    var allowed = Set<String>()
    var tried = Set<String>()
    for item in availableItems
    where product(item.product)?.isBundle != true && tried.insert(item.product).inserted {
      var planner = SubscriptionPlanner(book: self)
      _ = planner.plan(
        .swap(SwapRequest(subscription: subscription, serial: serial, newSerial: item.serial)))
      // A loop, not `contains(where:)`: the release build's optimizer (Swift 6.3.1) crashes
      // on that closure here.
      var broken = false
      for problem in planner.problems {
        if case .rulesBroken = problem { broken = true }
      }
      if !broken { allowed.insert(item.product) }
    }
    return allowed
  }
}

/// Works out a subscription command's change and collects every problem on the way.
struct SubscriptionPlanner {
  let book: SubscriptionBook
  var problems: [DomainError] = []

  init(book: SubscriptionBook) { self.book = book }

  mutating func plan(_ command: SubscriptionCommand) -> (ActionCode, SubscriptionChange)? {
    switch command {
    case .setup(let setup):
      var change = SubscriptionChange()
      change.setup = setup
      checkSetup(setup)
      return (.define, change)
    case .receive(let warehouse, let items):
      return receive(warehouse, items).map { (.receive, $0) }
    case .open(let number, let receivable, let services):
      return open(number, receivable, services).map { (.openSubscription, $0) }
    case .changeReceivable(let code, let state):
      guard var receivable = book.receivable(code) else {
        problems.append(.unknownReceivable(code))
        return nil
      }
      receivable.state = state
      var change = SubscriptionChange()
      change.receivable = receivable
      return (.define, change)
    case .changeState(let number, let state):
      guard let subscription = book.subscription(number) else {
        problems.append(.unknownSubscription(number))
        return nil
      }
      var change = SubscriptionChange()
      change.subscription = subscription.number
      change.state = state
      return (.changeSubscriptionState, change)
    case .add(let request):
      return add(request).map { (.addInstalledItem, $0) }
    case .swap(let request):
      return swap(request).map { (.swapInstalledItem, $0) }
    case .remove(let request):
      guard let change = remove(request), let number = change.subscription,
        let subscription = book.subscription(number)
      else { return nil }
      return (SubscriptionAction.remove.actionCode(in: subscription.state), change)
    }
  }

  private mutating func checkSetup(_ setup: SubscriptionSetup) {
    var seen = Set(book.receivables.map { $0.code.uppercased() })
    for receivable in setup.receivables where !seen.insert(receivable.code.uppercased()).inserted {
      problems.append(.duplicateDefinition("Accounts Receivable \(receivable.code)"))
    }
    seen = Set(book.warehouses.map { $0.code.uppercased() })
    for warehouse in setup.warehouses where !seen.insert(warehouse.code.uppercased()).inserted {
      problems.append(.duplicateDefinition("warehouse \(warehouse.code)"))
    }
    seen = Set(book.products.map(\.code))
    for product in setup.products where !seen.insert(product.code).inserted {
      problems.append(.duplicateDefinition("product \(product.code)"))
    }
    let active = book.definitions.filter(\.active).count + setup.definitions.filter(\.active).count
    if active > 1 { problems.append(.duplicateDefinition("an Active definition")) }
  }

  /// True when a serial is already somewhere (stock, a subscription, a customer, written off).
  private func isKnown(_ serial: String) -> Bool {
    book.stock[serial] != nil || book.withCustomers[serial] != nil
      || book.writtenOff[serial] != nil || book.subscription(holding: serial) != nil
  }

  private mutating func receive(_ warehouse: String, _ items: [StockItem]) -> SubscriptionChange? {
    guard let place = book.warehouse(warehouse) else {
      problems.append(.unknownWarehouse(warehouse))
      return nil
    }
    if items.isEmpty { problems.append(.emptySelection) }
    var seen = Set<String>()
    var known: [String] = []
    var duplicates: [String] = []
    for item in items {
      do throws(DomainError) { try TextRules.checkSerial(item.serial) } catch {
        problems.append(error)
      }
      if book.product(item.product) == nil { problems.append(.unknownProduct(item.product)) }
      if !seen.insert(item.serial).inserted { duplicates.append(item.serial) }
      if isKnown(item.serial) { known.append(item.serial) }
    }
    if !duplicates.isEmpty { problems.append(.duplicateSerials(duplicates)) }
    if !known.isEmpty { problems.append(.alreadyKnownSerials(known)) }
    var change = SubscriptionChange()
    change.stockIn = [
      WarehouseMove(
        warehouse: place.code,
        items: items.map {
          StockItem(
            serial: $0.serial, product: $0.product, warehouse: place.code, bundle: $0.bundle)
        })
    ]
    return change
  }

  private mutating func open(_ number: String, _ receivable: String, _ services: [String])
    -> SubscriptionChange?
  {
    if book.subscription(number) != nil {
      problems.append(.duplicateDefinition("subscription \(number)"))
    }
    guard let owner = book.receivable(receivable) else {
      problems.append(.unknownReceivable(receivable))
      return nil
    }
    var chosen: [SubscriptionService] = []
    for code in services {
      guard let service = book.services.first(where: { $0.code == code }) else {
        problems.append(.notForProduct("unknown service \(code)"))
        continue
      }
      chosen.append(service)
    }
    var change = SubscriptionChange()
    var distributors: [String] = []
    for name in chosen.compactMap(\.distributor) where !distributors.contains(name) {
      distributors.append(name)
    }
    change.opened = Subscription(
      number: number, receivable: owner.code, services: chosen, distributors: distributors)
    return change
  }

  /// The checks every item action shares; nil when the subscription is unknown.
  private mutating func common(
    _ number: String, _ action: SubscriptionAction, _ details: ActionDetails
  ) -> Subscription? {
    guard let subscription = book.subscription(number) else {
      problems.append(.unknownSubscription(number))
      return nil
    }
    if let owner = book.receivable(subscription.receivable) {
      if owner.state != .active {
        problems.append(.receivableNotActive(receivable: owner.code, state: owner.state.title))
      }
    } else {
      problems.append(.unknownReceivable(subscription.receivable))
    }
    if book.returnWarehouse == nil { problems.append(.noValidWarehouse) }
    if !LifeCycleState.itemActionStates.contains(subscription.state) {
      problems.append(.actionNotAllowed(action: action.title, state: subscription.state.title))
    }
    if !details.reference.isEmpty && book.references.contains(details.reference.uppercased()) {
      problems.append(.duplicateReference(details.reference))
    }
    if let performed = details.performedOn, let now = details.submittedAt, performed > now {
      problems.append(.performedInFuture(performed))
    }
    return subscription
  }

  private func distributors(of product: String) -> [String] {
    book.product(product)?.distributor.map { [$0] } ?? []
  }

  /// A stocked item (with a bundle's components) as installed items.
  private func install(_ stocked: StockItem, _ ownership: ItemOwnership, bundle: String? = nil)
    -> [InstalledItem]
  {
    let main = InstalledItem(
      serial: stocked.serial, product: stocked.product, ownership: ownership, bundle: bundle,
      distributors: distributors(of: stocked.product), origin: stocked.warehouse)
    let parts = book.stockComponents(of: stocked.serial).map {
      InstalledItem(
        serial: $0.serial, product: $0.product, ownership: ownership, bundle: stocked.serial,
        distributors: distributors(of: $0.product), origin: $0.warehouse)
    }
    return [main] + parts
  }

  /// Checks the new serial is in stock, of `product`, available under the Active definition.
  private mutating func available(_ serial: String, product: String?) -> StockItem? {
    let found =
      book.stock[serial]
      ?? book.stock.values.first { $0.serial.uppercased() == serial.uppercased() }
    if let found, let product, found.product != product {
      problems.append(
        .differentProduct(
          serial: found.serial, product: book.productName(found.product),
          expected: book.productName(product)))
      return nil
    }
    guard let found, book.available(product: found.product).contains(found) else {
      problems.append(.itemNotAvailable(serial))
      return nil
    }
    return found
  }

  private mutating func add(_ request: AddItemRequest) -> SubscriptionChange? {
    let subscription = common(request.subscription, .add, request.details)
    guard let stocked = available(request.serial, product: nil), let subscription else {
      return nil
    }
    var change = start(subscription, request.details)
    change.added = install(stocked, request.ownership)
    change.stockOut = moves(change.added.map { StockItem(installed: $0) })
    return finish(change, subscription)
  }

  private mutating func swap(_ request: SwapRequest) -> SubscriptionChange? {
    guard let subscription = common(request.subscription, .swap, request.details) else {
      return nil
    }
    guard let old = subscription.item(request.serial) else {
      problems.append(.notInstalled(serial: request.serial, subscription: subscription.number))
      return nil
    }
    let mode = request.mode ?? (old.bundle == nil ? .bundle : .component)
    var change = start(subscription, request.details)
    change.mode = old.bundle == nil && book.product(old.product)?.isBundle != true ? nil : mode
    change.reason = request.reason
    let targets: [InstalledItem]
    if mode == .component {
      guard let bundle = old.bundle else {
        problems.append(.notAComponent(old.serial))
        return nil
      }
      targets = [old]
      guard let stocked = available(request.newSerial, product: old.product) else { return nil }
      change.added = [
        InstalledItem(
          serial: stocked.serial, product: stocked.product, ownership: old.ownership,
          bundle: bundle, distributors: distributors(of: stocked.product),
          origin: stocked.warehouse)
      ]
    } else {
      let root = old.bundle.flatMap { subscription.item($0) } ?? old
      targets = [root] + subscription.components(of: root.serial)
      // A plain item may be "exchanged for a new or different model" (seed 001): any product
      // the definition offers, the Active rules deciding; a bundle stays its own product.
      let plain = root.bundle == nil && book.product(root.product)?.isBundle != true
      guard let stocked = available(request.newSerial, product: plain ? nil : root.product)
      else { return nil }
      change.added = install(stocked, root.ownership)
    }
    change.stockOut = moves(change.added.map { StockItem(installed: $0) })
    takeAway(targets, &change, subscription, undo: false)
    return finish(change, subscription)
  }

  private mutating func remove(_ request: RemoveRequest) -> SubscriptionChange? {
    guard let subscription = common(request.subscription, .remove, request.details) else {
      return nil
    }
    guard let item = subscription.item(request.serial) else {
      problems.append(.notInstalled(serial: request.serial, subscription: subscription.number))
      return nil
    }
    // The bundle goes with its components; a component leaves alone, the rest of its bundle
    // stays (seed 001).
    let targets = item.bundle == nil ? [item] + subscription.components(of: item.serial) : [item]
    var change = start(subscription, request.details)
    takeAway(targets, &change, subscription, undo: subscription.state == .draft)
    return finish(change, subscription)
  }

  private func start(_ subscription: Subscription, _ details: ActionDetails) -> SubscriptionChange {
    var change = SubscriptionChange()
    change.subscription = subscription.number
    change.performedOn = details.performedOn ?? details.submittedAt
    change.reference = details.reference.isEmpty ? nil : details.reference
    return change
  }

  /// Removes items: back to their warehouse (Undo Add), Stock In when rented, with the
  /// customer when sold, written off when lost or stolen. A component taken away without its
  /// bundle leaves the bundle too ("removed from both the Subscription and the bundle").
  private func takeAway(
    _ targets: [InstalledItem], _ change: inout SubscriptionChange, _ subscription: Subscription,
    undo: Bool
  ) {
    change.removed = targets.map(\.serial)
    let home = book.returnWarehouse?.code ?? ""
    let leaving = Set(change.removed)
    var back: [StockItem] = []
    for item in targets {
      var stocked = StockItem(installed: item)
      if let bundle = item.bundle, !leaving.contains(bundle) { stocked.bundle = nil }
      if undo {
        stocked.warehouse = item.origin ?? home
        back.append(stocked)
      } else if change.reason?.isGone == true {
        change.written.append(stocked)
      } else if item.ownership == .sold {
        change.toCustomer.append(stocked)
      } else {
        stocked.warehouse = home
        back.append(stocked)
      }
    }
    change.stockIn = moves(back)
  }

  /// Items grouped into one warehouse transaction per warehouse, in first-seen order.
  private func moves(_ items: [StockItem]) -> [WarehouseMove] {
    var order: [String] = []
    var groups: [String: [StockItem]] = [:]
    for item in items {
      if groups[item.warehouse] == nil { order.append(item.warehouse) }
      groups[item.warehouse, default: []].append(item)
    }
    return order.map { WarehouseMove(warehouse: $0, items: groups[$0] ?? []) }
  }

  /// Works out the distributors added and removed, then checks the Active rules when the
  /// subscription is Effective.
  private mutating func finish(_ planned: SubscriptionChange, _ subscription: Subscription)
    -> SubscriptionChange
  {
    var change = planned
    let after = change.itemsApplied(to: subscription)
    let used = SubscriptionChange.distributorsUsed(by: after)
    change.distributorsAdded = used.filter { !subscription.distributors.contains($0) }
    change.distributorsRemoved = subscription.distributors.filter { !used.contains($0) }
    if subscription.state == .effective {
      let broken = book.activeRules.compactMap { rule in
        rule.check.breach(after).map { "\(rule.text) (\($0))" }
      }
      if !broken.isEmpty { problems.append(.rulesBroken(broken)) }
    }
    return change
  }
}

extension StockItem {
  /// An installed item as it stands in (or goes back to) a warehouse.
  init(installed item: InstalledItem) {
    self.init(
      serial: item.serial, product: item.product, warehouse: item.origin ?? "",
      bundle: item.bundle)
  }
}

extension SubscriptionChange {
  /// The subscription with this change's items and distributors applied.
  public func itemsApplied(to subscription: Subscription) -> Subscription {
    var next = subscription
    let gone = Set(removed)
    next.items.removeAll { gone.contains($0.serial) }
    next.items += added
    next.distributors.removeAll { distributorsRemoved.contains($0) }
    for name in distributorsAdded where !next.distributors.contains(name) {
      next.distributors.append(name)
    }
    if let state { next.state = state }
    return next
  }

  /// The distributors a subscription's services and items use, in first-seen order.
  public static func distributorsUsed(by subscription: Subscription) -> [String] {
    var used: [String] = []
    let names =
      subscription.services.compactMap(\.distributor) + subscription.items.flatMap(\.distributors)
    for name in names where !used.contains(name) { used.append(name) }
    return used
  }
}
