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
    if let definitions = change.definitions { define(definitions) }
    if let subscription = change.subscription { try applySubscription(subscription) }
    if let order = change.order { try applyOrder(order) }
    var holder: Int?
    if let code = change.account {
      guard let index = accountIndex(code) else { throw .unknownAccount(code) }
      holder = index
    }
    for item in change.items {
      if item.product == .hardware {
        try applyHardware(item, change.action, holder)
      } else {
        try applySoftware(item, change.action, holder)
      }
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

  private mutating func applyHardware(_ item: TransactionItem, _ action: ActionCode, _ holder: Int?)
    throws(DomainError)
  {
    let serials = item.serials ?? []
    let modelName = item.model ?? ""
    guard let model = modelIndex(modelName) else { throw .unknownModel(modelName) }
    if action == .receive {
      let container = UInt8(truncatingIfNeeded: try box(item))
      tokens.reserveCapacity(serials.count)
      for serial in serials {
        tokens.append(
          HardwareToken(
            serial: serial, model: UInt8(model), container: container,
            ownership: item.ownership ?? .owned, needsPIN: item.needsPIN ?? false))
      }
      return
    }
    let container = item.container == nil ? nil : UInt8(truncatingIfNeeded: try box(item))
    for serial in serials {
      guard let index = tokens.index(of: serial) else { throw .unknownSerials([serial]) }
      tokens[index] = try applyToken(tokens[index], item, action, holder, container)
    }
  }

  /// The token after the action; the account's counts follow.
  private mutating func applyToken(
    _ before: HardwareToken, _ item: TransactionItem, _ action: ActionCode, _ holder: Int?,
    _ container: UInt8?
  ) throws(DomainError) -> HardwareToken {
    var token = before
    let model = Int(token.model)
    switch action {
    case .allocate:
      guard let holder else { throw .unknownAccount("(none)") }
      token.state = .allocated
      token.account = Int32(holder)
      token.sold = item.type == .sale
      accounts[holder].hardwareAllocated[model] += 1
    case .deallocateHardware:
      if let owner = token.accountIndex {
        accounts[owner].hardwareAllocated[model] -= 1
        if token.inUse { accounts[owner].hardwareInUse[model] -= 1 }
      }
      token.state = (item.disposition ?? .return).resultingState
      token.account = -1
      token.inUse = false
      token.sold = false
      if let container { token.container = container }
    case .reinitialize:
      token.state = .available
    case .assign:
      let inUse = item.inUse ?? false
      if let owner = token.accountIndex, token.inUse != inUse {
        accounts[owner].hardwareInUse[model] += inUse ? 1 : -1
      }
      token.inUse = inUse
    default:
      throw .notForProduct("\(action.rawValue) does not move hardware")
    }
    return token
  }
}
