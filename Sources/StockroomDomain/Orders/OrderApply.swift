extension InventoryState {
  mutating func applyOrder(_ change: OrderChange) throws(DomainError) {
    if let setup = change.setup { orders.add(setup) }
    if let policy = change.policy { orders.policy = policy }
    if let order = change.order {
      orders.orders.append(order)
      return
    }
    guard let number = change.number, let event = change.event else { return }
    guard let index = orders.orders.firstIndex(where: { $0.number == number }) else {
      throw .unknownOrderItem(kind: "order", name: number)
    }
    orders.orders[index].timeline.append(event)
    if let level = event.level, orders.orders[index].approvals?.indices.contains(level - 1) == true
    {
      orders.orders[index].approvals?[level - 1].approvedBy = event.actor
      orders.orders[index].approvals?[level - 1].time = event.time
    }
    orders.orders[index].state = event.state
    if let update = event.update { orders.orders[index].fulfilment.merge(update) }
    if let effect = change.effect { orders.apply(effect) }
  }
}

extension OrderBook {
  mutating func add(_ setup: OrderSetup) {
    employees += setup.employees
    vendors += setup.vendors
    lines += setup.lines
    devices += setup.devices
    sims += setup.sims
    accessories += setup.accessories
    if let program = setup.stipend { stipend = program }
    if let priced = setup.models { models = (models ?? []) + priced }
  }

  mutating func apply(_ effect: OrderEffect) {
    lines.removeAll { effect.removedLines.contains($0.number) }
    Self.upsert(&lines, effect.lines, key: \.number)
    Self.upsert(&devices, effect.devices, key: \.serial)
    Self.upsert(&sims, effect.sims, key: \.iccid)
    Self.upsert(&employees, effect.employees, key: \.id)
    Self.upsert(&accessories, effect.accessories, key: \.code)
    issues += effect.issues
  }

  static func upsert<T>(_ list: inout [T], _ records: [T], key: KeyPath<T, String>) {
    for record in records {
      if let index = list.firstIndex(where: { $0[keyPath: key] == record[keyPath: key] }) {
        list[index] = record
      } else {
        list.append(record)
      }
    }
  }
}

extension Fulfilment {
  /// Adds what a later update recorded: new values replace, lists grow.
  mutating func merge(_ update: Fulfilment) {
    if let number = update.serviceNumber { serviceNumber = number }
    if let card = update.sim { sim = card }
    serials += update.serials.filter { !serials.contains($0) }
    tracking += update.tracking.filter { !tracking.contains($0) }
  }
}

extension OrderChange {
  /// One line for the log: the order, and what happened to it.
  public var summary: String {
    if let setup {
      return "\(setup.employees.count) employees, \(setup.lines.count) lines, "
        + "\(setup.devices.count) devices"
    }
    if let order { return "\(order.number) \(order.type.title)" }
    if let policy {
      let count = policy.chains.count
      return "approval policy: " + TextRules.counted(count, "chain")
    }
    guard let number, let event else { return "" }
    return "\(number) \(event.step.title.lowercased()) → \(event.state.rawValue)"
  }
}
