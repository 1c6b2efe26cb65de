/// Applies a validated transaction to a state: the pure heart of replaying the ledger.
public func apply(_ transaction: Transaction, to state: InventoryState) throws(DomainError)
  -> InventoryState
{
  var next = state
  try next.apply(transaction.change)
  return next
}

extension InventoryState {
  /// Applies a change in place (replay of a million tokens cannot afford copies). Throws only
  /// when the change names something the state does not have (a damaged ledger).
  public mutating func apply(_ change: Change) throws(DomainError) {
    try apply(change) { (state, _, step, serials) throws(DomainError) in
      try state.apply(step, serials: serials)
    }
  }

  /// Applies a change validated against this very state (`validated(_:against:)`): each serial
  /// is taken where validation found it rather than looked up again.
  public mutating func apply(_ checked: CheckedChange) throws(DomainError) {
    try apply(checked.change) { (state, item, step, serials) throws(DomainError) in
      try state.apply(step, serials: serials, positions: checked.positions(of: item))
    }
  }

  /// Applies everything of a change but its hardware serials, and hands each hardware item
  /// over instead (its index in `change.items`, its step, its serials) in the order `apply`
  /// would reach it: verify's replay of a large ledger applies them part by part.
  public mutating func apply(
    _ change: Change, handingTokensTo hand: (_ item: Int, TokenStep, [String]) -> Void
  ) throws(DomainError) {
    try apply(change) { (_, item, step, serials) throws(DomainError) in hand(item, step, serials) }
  }

  private mutating func apply(
    _ change: Change,
    tokens: (inout InventoryState, Int, TokenStep, [String]) throws(DomainError) -> Void
  ) throws(DomainError) {
    if let definitions = change.definitions { define(definitions) }
    if let subscription = change.subscription { try applySubscription(subscription) }
    if let order = change.order { try applyOrder(order) }
    var holder: Int?
    if let code = change.account {
      guard let index = accountIndex(code) else { throw .unknownAccount(code) }
      holder = index
    }
    for (index, item) in change.items.enumerated() {
      if item.product == .hardware {
        let action = change.reversal?.hardwareAction ?? change.action
        try tokens(&self, index, try tokenStep(item, action, holder), item.serials ?? [])
      } else if let reversal = change.reversal {
        var negated = item
        negated.quantity = -(item.quantity ?? 0)
        try applySoftware(negated, reversal.softwareAction, holder)
      } else {
        try applySoftware(item, change.action, holder)
      }
    }
  }

  /// Applies a hardware item's step to its serials (or, in verify's replay, to one part of
  /// them). `positions`, when given, are where validation found each serial: used while the
  /// token there still has that serial.
  public mutating func apply(_ step: TokenStep, serials: [String], positions: [Int]? = nil)
    throws(DomainError)
  {
    if step.action == .receive {
      guard let container = step.container else { throw .noContainer }
      tokens.reserveCapacity(serials.count)
      for serial in serials {
        let token = HardwareToken(
          serial: serial, model: step.model, container: container, ownership: step.ownership,
          needsPIN: step.needsPIN)
        // A serial received again after its receive was reversed takes its old place.
        if let index = tokens.index(of: serial), tokens[index].state == .removed {
          tokens[index] = token
        } else {
          tokens.append(token)
        }
      }
      return
    }
    for (offset, serial) in serials.enumerated() {
      if let positions, offset < positions.count, positions[offset] >= 0,
        positions[offset] < tokens.count
      {
        let token = tokens[positions[offset]]
        if token.serial == serial {
          tokens[positions[offset]] = try applyToken(token, step)
          continue
        }
      }
      guard let index = tokens.index(of: serial) else { throw .unknownSerials([serial]) }
      tokens[index] = try applyToken(tokens[index], step)
    }
  }

  private mutating func define(_ definitions: Definitions) {
    if let provider = definitions.provider { providerName = provider }
    containers += definitions.containers
    for model in definitions.models { addModel(model) }
    for account in definitions.accounts {
      addAccount(
        Account(
          code: account.code, name: account.name, modelCount: models.count,
          contact: account.contact))
    }
  }

  private func box(_ item: TransactionItem) throws(DomainError) -> Int {
    guard let code = item.container else { throw .noContainer }
    guard let index = containerIndex(code) else { throw .unknownContainer(code) }
    return index
  }

  private mutating func applySoftware(_ item: TransactionItem, _ action: ActionCode, _ holder: Int?)
    throws(DomainError)
  {
    let quantity = item.quantity ?? 0
    let ownership = item.ownership ?? .owned
    if action == .receive {
      let key = StockKey(product: item.product, ownership: ownership, container: try box(item))
      stock[key, default: 0] += quantity
      received[item.product, default: [:]][ownership, default: 0] += quantity
      return
    }
    guard let holder else { throw .unknownAccount("(none)") }
    guard let column = SoftwareColumn(product: item.product, type: item.type) else {
      throw .notForProduct("no allocation column for \(item.product.rawValue)")
    }
    if action == .assign {
      accounts[holder].holdings[column.index].inUse = quantity
      return
    }
    let key = StockKey(product: item.product, ownership: ownership, container: try box(item))
    let leased = ownership == .leased ? quantity : 0
    switch action {
    case .allocate:
      stock[key, default: 0] -= quantity
      accounts[holder].holdings[column.index].maximum += quantity
      accounts[holder].holdings[column.index].leased += leased
    case .deallocateSoftware, .deallocateMobilePass:
      stock[key, default: 0] += quantity
      accounts[holder].holdings[column.index].maximum -= quantity
      accounts[holder].holdings[column.index].leased -= leased
    default:
      throw .notForProduct("\(action.rawValue) does not move software quantities")
    }
  }

  /// What a hardware item does to each of its serials, its model and container found.
  private func tokenStep(_ item: TransactionItem, _ action: ActionCode, _ holder: Int?)
    throws(DomainError) -> TokenStep
  {
    let modelName = item.model ?? ""
    guard let model = modelIndex(modelName) else { throw .unknownModel(modelName) }
    let container: UInt8?
    if action == .receive || item.container != nil {
      container = UInt8(truncatingIfNeeded: try box(item))
    } else {
      container = nil
    }
    return TokenStep(
      action: action, holder: holder, model: UInt8(model), container: container,
      type: item.type, disposition: item.disposition, ownership: item.ownership ?? .owned,
      needsPIN: item.needsPIN ?? false, inUse: item.inUse ?? false)
  }

  /// The token after the step; the account's counts follow.
  private mutating func applyToken(_ before: HardwareToken, _ step: TokenStep)
    throws(DomainError) -> HardwareToken
  {
    var token = before
    let model = Int(token.model)
    switch step.action {
    case .allocate:
      guard let holder = step.holder else { throw .unknownAccount("(none)") }
      token.state = .allocated
      token.account = Int32(holder)
      token.sold = step.type == .sale
      // A reversed deallocation puts the serial back in the container it left.
      if let container = step.container { token.container = container }
      accounts[holder].hardwareAllocated[model] += 1
    case .deallocateHardware:
      if let owner = token.accountIndex {
        accounts[owner].hardwareAllocated[model] -= 1
        if token.inUse { accounts[owner].hardwareInUse[model] -= 1 }
      }
      token.state = (step.disposition ?? .return).resultingState
      token.account = -1
      token.inUse = false
      token.sold = false
      if let container = step.container { token.container = container }
    case .reinitialize:
      token.state = .available
    case .reverse:
      // A receive reversed: the token leaves the inventory, its place kept (`.removed`).
      token.state = .removed
    case .assign:
      if let owner = token.accountIndex, token.inUse != step.inUse {
        accounts[owner].hardwareInUse[model] += step.inUse ? 1 : -1
      }
      token.inUse = step.inUse
    default:
      throw .notForProduct("\(step.action.rawValue) does not move hardware")
    }
    return token
  }
}
