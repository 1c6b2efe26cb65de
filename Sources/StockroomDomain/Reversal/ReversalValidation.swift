/// The checks behind a `reverse` command: what the inverse of a transaction moves, refused with
/// every serial or quantity that blocks it (a received serial blocks unless it is untouched:
/// in the provider's stock and named by no later transaction still standing). The inverse applies through the same `apply` as
/// every commit (`ReversalChange.hardwareAction`, negated software quantities).
extension Validation {
  static func reverse(_ request: ReversalRequest, _ state: InventoryState) throws(DomainError)
    -> Change
  {
    let original = request.original
    let id = original.transactionId
    try TextRules.checkWhy(request.why)
    if let reason = original.action.irreversibility {
      throw .reversalRefused("\(id) (\(original.action.rawValue)) cannot be reversed: \(reason)")
    }
    if let by = state.reversals.reversal(of: id) {
      throw .reversalRefused("\(id) is already reversed by \(by)")
    }
    let reversal = ReversalChange(reverses: id, action: original.action, why: request.why)
    if original.subscription != nil {
      let blocked = original.namedSerials.sorted().compactMap { serial in
        request.later(serial, state.reversals).map {
          "\(serial) was since taken by " + ReversalCheck.naming($0)
        }
      }
      var change = try reverseSubscription(request, state, blocked)
      change.reversal = reversal
      return change
    }
    var holder: Int?
    if let code = original.account { holder = try account(code, state) }
    var check = ReversalCheck(request: request, state: state, holder: holder)
    var items: [TransactionItem] = []
    for item in original.items {
      if item.product == .hardware {
        items += check.hardware(item)
      } else {
        items.append(check.software(item))
      }
    }
    if !check.problems.isEmpty {
      throw .reversalRefused("\(id) cannot be reversed: " + check.problems.joined(separator: "; "))
    }
    return Change(action: .reverse, account: original.account, items: items, reversal: reversal)
  }
}

/// Works out a reversal's items one original item at a time, noting what blocks each.
struct ReversalCheck {
  let request: ReversalRequest
  let state: InventoryState
  let holder: Int?
  var problems: [String] = []
  /// Quantities the reversal takes so far, per stock key and per account column.
  private var fromStock: [StockKey: Int] = [:]
  private var fromAccount: [SoftwareColumn: (quantity: Int, leased: Int)] = [:]

  init(request: ReversalRequest, state: InventoryState, holder: Int?) {
    self.request = request
    self.state = state
    self.holder = holder
  }

  /// The software item moved back: the original's, applied negated. Refused when the
  /// provider (for a receive or a deallocation) or the account (for an allocation) no longer
  /// holds it.
  mutating func software(_ item: TransactionItem) -> TransactionItem {
    let quantity = item.quantity ?? 0
    let ownership = item.ownership ?? .owned
    if request.original.action == .allocate {
      guard let holder, let column = SoftwareColumn(product: item.product, type: item.type) else {
        return item
      }
      let holding = state.accounts[holder].holding(column)
      var taken = fromAccount[column, default: (0, 0)]
      taken.quantity += quantity
      taken.leased += ownership == .leased ? quantity : 0
      fromAccount[column] = taken
      if taken.quantity > holding.available || taken.leased > holding.leased {
        problems.append(
          "\(state.accounts[holder].code) no longer holds \(taken.quantity) \(column.title) "
            + "(\(max(0, holding.available)) available)")
      }
      return item
    }
    guard let code = item.container, let box = state.containerIndex(code) else {
      problems.append("unknown container \(item.container ?? "(none)")")
      return item
    }
    let key = StockKey(product: item.product, ownership: ownership, container: box)
    fromStock[key, default: 0] += quantity
    let held = state.stock[key] ?? 0
    if fromStock[key, default: 0] > held {
      problems.append(
        "the provider no longer holds \(fromStock[key, default: 0]) \(ownership.rawValue) "
          + "\(item.product.title) in \(code) (\(held) there)")
    }
    return item
  }

  /// The hardware item moved back, serial by serial as the original left it; a deallocation's
  /// serials grouped by where each was before (container, rental or sale).
  mutating func hardware(_ item: TransactionItem) -> [TransactionItem] {
    let action = request.original.action
    var groups: [(key: String, item: TransactionItem)] = []
    for serial in item.serials ?? [] {
      if let later = request.later(serial, state.reversals) {
        problems.append("\(serial) was since taken by " + Self.naming(later))
        continue
      }
      guard let token = state.token(serial: serial) else {
        problems.append("unknown serial \(serial)")
        continue
      }
      if let problem = blocked(token, action, item) {
        problems.append("\(serial) \(problem)")
        continue
      }
      var back = TransactionItem(product: .hardware, model: item.model, serials: [])
      switch action {
      case .deallocateHardware:
        back.type = before(serial, \.type) ?? .rental
        back.container = before(serial, \.container) ?? state.containers[Int(token.container)].code
      case .reinitialize: back.disposition = .faulty
      case .receive: break
      default: back.disposition = .return
      }
      let key = "\(back.type?.rawValue ?? "")/\(back.container ?? "")"
      if let index = groups.firstIndex(where: { $0.key == key }) {
        groups[index].item.serials?.append(serial)
      } else {
        back.serials = [serial]
        groups.append((key, back))
      }
    }
    return groups.map(\.item)
  }

  /// A later transaction as a refusal names it: `T000130 (allocate ACC-0002, bob)`.
  static func naming(_ later: Transaction) -> String {
    "\(later.transactionId) (\(later.action.rawValue)"
      + (later.account.map { " \($0)" } ?? "") + ", \(later.user))"
  }

  /// Why the token is no longer as the original left it; nil when it is.
  private func blocked(_ token: HardwareToken, _ action: ActionCode, _ item: TransactionItem)
    -> String?
  {
    switch action {
    case .deallocateHardware:
      let left = (item.disposition ?? .return).resultingState
      return token.state == left && token.accountIndex == nil
        ? nil : "is now \(token.state.rawValue)"
    case .reinitialize:
      return token.state == .available ? nil : "is now \(token.state.rawValue)"
    case .receive:
      return token.state == .available && token.accountIndex == nil
        ? nil : "is now \(token.state.rawValue)"
    default:
      guard let holder, token.isAllocated(to: holder) else {
        return "is now \(token.state.rawValue)"
      }
      return token.inUse ? "is in use" : nil
    }
  }

  /// What the latest transaction before the original that recorded it says of the serial.
  private func before<Value>(_ serial: String, _ field: KeyPath<TransactionItem, Value?>)
    -> Value?
  {
    for transaction in request.earlier(serial) {
      for item in transaction.items where item.serials?.contains(serial) == true {
        if let value = item[keyPath: field] { return value }
      }
    }
    return nil
  }
}
