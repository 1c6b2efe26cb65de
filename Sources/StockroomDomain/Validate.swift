/// Checks a command against a state and works out exactly what it moves.
public func validate(_ command: Command, against state: InventoryState) throws(DomainError)
  -> Change
{
  try validated(command, against: state).change
}

/// `validate`, keeping where each hardware serial was found: what applying the change to the
/// same state needs so that it looks no serial up again (`apply(_: CheckedChange)`).
public func validated(_ command: Command, against state: InventoryState) throws(DomainError)
  -> CheckedChange
{
  switch command {
  case .define(let definitions):
    return CheckedChange(try Validation.define(definitions, state))
  case .receiveSoftware(let product, let quantity, let ownership, let container):
    guard product != .hardware else { throw .notForProduct("hardware is received by serial") }
    try Validation.positive(quantity)
    let box = try Validation.container(container, state)
    return CheckedChange(
      Change(
        action: .receive,
        items: [
          TransactionItem(
            product: product, quantity: quantity, ownership: ownership,
            container: state.containers[box].code)
        ]))
  case .receiveHardware(let model, let serials, let ownership, let container, let needsPIN):
    return CheckedChange(
      try Validation.receiveHardware(model, serials, ownership, container, needsPIN, state))
  case .allocateSoftware(let account, let column, let quantity, let withCapacity):
    return CheckedChange(
      try Validation.allocateSoftware(account, column, quantity, withCapacity, state))
  case .allocateHardware(let account, let serials, let type, let container):
    return try Validation.allocateHardware(account, serials, type, container, state)
  case .deallocateSoftware(let account, let column, let quantity, let container):
    guard column != .mobilePass else {
      throw .notForProduct("MobilePASS is deallocated on its own")
    }
    return CheckedChange(
      try Validation.deallocateSoftware(
        account, column, quantity, container, .deallocateSoftware, state))
  case .deallocateMobilePass(let account, let quantity, let container):
    return CheckedChange(
      try Validation.deallocateSoftware(
        account, .mobilePass, quantity, container, .deallocateMobilePass, state))
  case .deallocateHardware(let account, let serials, let disposition, let container):
    return try Validation.deallocateHardware(
      account,
      [HardwareReturn(serials: serials, disposition: disposition, container: container)], state)
  case .returnHardware(let account, let returns):
    return try Validation.deallocateHardware(account, returns, state)
  case .reinitialize(let serials):
    if serials.isEmpty { throw .emptySelection }
    let found = try Validation.refuse(SerialListCheck.checkReinitialization(serials, state))
    return Validation.hardware(.reinitialize, account: nil, found, state) { _ in }
  case .assignSoftware(let account, let column, let inUse):
    let holder = try Validation.account(account, state)
    let holding = state.accounts[holder].holding(column)
    if inUse < 0 || inUse > holding.maximum {
      throw .inUseAboveMaximum(column: column.title, inUse: inUse, maximum: holding.maximum)
    }
    return CheckedChange(
      Change(
        action: .assign, account: state.accounts[holder].code,
        items: [TransactionItem(product: column.product, type: column.type, quantity: inUse)]))
  case .assignHardware(let account, let serials, let inUse):
    let holder = try Validation.account(account, state)
    let found = try Validation.allocated(serials, to: holder, state)
    return Validation.hardware(.assign, account: state.accounts[holder].code, found, state) {
      $0.inUse = inUse
    }
  case .subscription(let subscription):
    return CheckedChange(try Validation.subscription(subscription, state))
  case .order(let order):
    return CheckedChange(try Validation.order(order, state))
  case .reverse(let request):
    return CheckedChange(try Validation.reverse(request, state))
  }
}

/// The checks behind `validate`, one per kind of command.
enum Validation {
  static func positive(_ quantity: Int) throws(DomainError) {
    if quantity < 1 { throw .notPositive(quantity) }
  }

  /// Refuses a list of serials with every problem `SerialListCheck` found, if any.
  static func refuse(_ problems: [String]) throws(DomainError) {
    if !problems.isEmpty { throw .serialList(problems) }
  }

  /// Refuses a list with every problem found, if any; otherwise its serials' tokens.
  static func refuse(_ outcome: SerialListCheck.Outcome) throws(DomainError)
    -> [SerialListCheck.Found]
  {
    try refuse(outcome.problems)
    return outcome.found
  }

  static func account(_ name: String, _ state: InventoryState) throws(DomainError) -> Int {
    guard let index = state.accountIndex(name) else { throw .unknownAccount(name) }
    return index
  }

  static func container(_ name: String?, _ state: InventoryState) throws(DomainError) -> Int {
    guard let name else {
      guard let index = state.defaultContainer else { throw .noContainer }
      return index
    }
    guard let index = state.containerIndex(name) else { throw .unknownContainer(name) }
    return index
  }

  /// The tokens of serials that must all be known and listed once.
  static func known(_ serials: [String], _ state: InventoryState) throws(DomainError)
    -> [SerialListCheck.Found]
  {
    if serials.isEmpty { throw .emptySelection }
    var seen = Set<String>(minimumCapacity: serials.count)
    var duplicates: [String] = []
    var unknown: [String] = []
    var found: [SerialListCheck.Found] = []
    found.reserveCapacity(serials.count)
    for serial in serials {
      if !seen.insert(serial).inserted {
        duplicates.append(serial)
        continue
      }
      if let index = state.tokenIndex(serial: serial) {
        found.append(SerialListCheck.Found(index: index, token: state.tokens[index]))
      } else {
        unknown.append(serial)
      }
    }
    if !unknown.isEmpty { throw .unknownSerials(unknown) }
    if !duplicates.isEmpty { throw .duplicateSerials(duplicates) }
    return found
  }

  static func allocated(_ serials: [String], to account: Int, _ state: InventoryState)
    throws(DomainError) -> [SerialListCheck.Found]
  {
    let found = try known(serials, state)
    let foreign = found.filter { !$0.token.isAllocated(to: account) }
    if !foreign.isEmpty {
      throw .notAllocatedToAccount(
        serials: foreign.map(\.token.serial), account: state.accounts[account].code)
    }
    return found
  }

  /// The change moving the tokens found: one item per model, in first-seen order, each listing
  /// its serials, with where each was found.
  static func hardware(
    _ action: ActionCode, account: String?, _ found: [SerialListCheck.Found],
    _ state: InventoryState, _ fill: (inout TransactionItem) -> Void
  ) -> CheckedChange {
    var order: [UInt8] = []
    var groups: [UInt8: (serials: [String], positions: [Int])] = [:]
    for each in found {
      let model = each.token.model
      if groups[model] == nil { order.append(model) }
      groups[model, default: ([], [])].serials.append(each.token.serial)
      groups[model, default: ([], [])].positions.append(each.index)
    }
    let items = order.map { model in
      var item = TransactionItem(
        product: .hardware, model: state.models[Int(model)], serials: groups[model]?.serials)
      fill(&item)
      return item
    }
    return CheckedChange(
      Change(action: action, account: account, items: items),
      positions: order.map { groups[$0]?.positions ?? [] })
  }

  static func define(_ definitions: Definitions, _ state: InventoryState) throws(DomainError)
    -> Change
  {
    var codes = Set(state.containers.map { $0.code.uppercased() })
    for container in definitions.containers
    where !codes.insert(container.code.uppercased()).inserted {
      throw .duplicateDefinition("container \(container.code)")
    }
    var models = Set(state.models.map { $0.uppercased() })
    for model in definitions.models where !models.insert(model.uppercased()).inserted {
      throw .duplicateDefinition("hardware model \(model)")
    }
    var accounts = Set(state.accounts.map { $0.code.uppercased() })
    for account in definitions.accounts where !accounts.insert(account.code.uppercased()).inserted {
      throw .duplicateDefinition("account \(account.code)")
    }
    return Change(action: .define, definitions: definitions)
  }

  static func receiveHardware(
    _ model: String, _ serials: [String], _ ownership: Ownership, _ container: String?,
    _ needsPIN: Bool, _ state: InventoryState
  ) throws(DomainError) -> Change {
    try refuse(SerialListCheck.receipt(serials, state: state))
    guard let modelIndex = state.modelIndex(model) else { throw .unknownModel(model) }
    if serials.isEmpty { throw .emptySelection }
    let box = try self.container(container, state)
    for serial in serials { try TextRules.checkSerial(serial) }
    return Change(
      action: .receive,
      items: [
        TransactionItem(
          product: .hardware, model: state.models[modelIndex], serials: serials,
          ownership: ownership, container: state.containers[box].code,
          needsPIN: needsPIN ? true : nil)
      ])
  }

  /// Draws a quantity from provider stock: leased first for rentals, owned only for sales.
  static func draw(
    _ product: Product, _ quantity: Int, type: AllocationType?, _ state: InventoryState
  ) throws(DomainError) -> [TransactionItem] {
    let ownerships: [Ownership] = type == .sale ? [.owned] : [.leased, .owned]
    let available = ownerships.reduce(0) { $0 + state.stockQuantity(product, ownership: $1) }
    if quantity > available {
      let leased = state.stockQuantity(product, ownership: .leased)
      if type == .sale && quantity <= available + leased {
        throw .leasedStockNotForSale(product: product.title, requested: quantity, owned: available)
      }
      throw .notEnoughStock(product: product.title, requested: quantity, available: available)
    }
    var remaining = quantity
    var items: [TransactionItem] = []
    for ownership in ownerships {
      for box in state.containers.indices where remaining > 0 {
        let held = state.stock[StockKey(product: product, ownership: ownership, container: box)]
        let take = min(remaining, held ?? 0)
        guard take > 0 else { continue }
        remaining -= take
        items.append(
          TransactionItem(
            product: product, type: type, quantity: take, ownership: ownership,
            container: state.containers[box].code))
      }
    }
    return items
  }

  static func allocateSoftware(
    _ account: String, _ column: SoftwareColumn, _ quantity: Int, _ withCapacity: Bool,
    _ state: InventoryState
  ) throws(DomainError) -> Change {
    let holder = try self.account(account, state)
    try positive(quantity)
    var items = try draw(column.product, quantity, type: column.type, state)
    if column.bringsCapacity(withCapacity: withCapacity) {
      items += try draw(.capacity, quantity, type: nil, state)
    }
    return Change(action: .allocate, account: state.accounts[holder].code, items: items)
  }

  static func allocateHardware(
    _ account: String, _ serials: [String], _ type: AllocationType, _ container: String?,
    _ state: InventoryState
  ) throws(DomainError) -> CheckedChange {
    let holder = try self.account(account, state)
    if serials.isEmpty { throw .emptySelection }
    let found = try refuse(
      SerialListCheck.checkAllocation(serials, type: type, container: container, state))
    return hardware(.allocate, account: state.accounts[holder].code, found, state) {
      $0.type = type
    }
  }

  /// Splits a returned quantity into leased (first) and owned parts.
  static func giveBack(
    _ column: SoftwareColumn, _ quantity: Int, _ holding: Holding, _ box: String
  ) -> [TransactionItem] {
    let leased = min(quantity, holding.leased)
    var items: [TransactionItem] = []
    for (ownership, count) in [(Ownership.leased, leased), (.owned, quantity - leased)]
    where count > 0 {
      items.append(
        TransactionItem(
          product: column.product, type: column.type, quantity: count, ownership: ownership,
          container: box))
    }
    return items
  }

  static func deallocateSoftware(
    _ account: String, _ column: SoftwareColumn, _ quantity: Int, _ container: String?,
    _ action: ActionCode, _ state: InventoryState
  ) throws(DomainError) -> Change {
    let holder = try self.account(account, state)
    try positive(quantity)
    let box = state.containers[try self.container(container, state)].code
    let holdings = state.accounts[holder]
    let holding = holdings.holding(column)
    let capacity = holdings.holding(.capacity)
    if quantity > state.deallocatableQuantity(column, account: holder) {
      if quantity <= holding.available {
        throw .capacityInUse(requested: quantity, available: max(0, capacity.available))
      }
      if column == .capacity {
        throw .capacityInUse(requested: quantity, available: max(0, holding.available))
      }
      throw .moreThanAvailable(
        column: column.title, requested: quantity, available: max(0, holding.available))
    }
    var items = giveBack(column, quantity, holding, box)
    if column == .smsRental { items += giveBack(.capacity, quantity, capacity, box) }
    return Change(action: action, account: holdings.code, items: items)
  }

  static func deallocateHardware(
    _ account: String, _ returns: [HardwareReturn], _ state: InventoryState
  ) throws(DomainError) -> CheckedChange {
    let holder = try self.account(account, state)
    let serials = returns.flatMap(\.serials)
    if serials.isEmpty { throw .emptySelection }
    let found = try refuse(SerialListCheck.checkDeallocation(serials, account: holder, state))
    let code = state.accounts[holder].code
    // One checked part a return (its disposition and container), the serials in list order.
    var parts: [CheckedChange] = []
    var start = 0
    for part in returns {
      let these = Array(found[start..<(start + part.serials.count)])
      start += part.serials.count
      guard !these.isEmpty else { continue }
      let box = state.containers[try self.container(part.container, state)].code
      parts.append(
        hardware(.deallocateHardware, account: code, these, state) {
          $0.disposition = part.disposition
          $0.container = box
        })
    }
    return CheckedChange(joining: parts)
  }
}
