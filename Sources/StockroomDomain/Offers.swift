/// Why a hardware token may not be allocated now.
public enum AllocationBar: Hashable, Sendable {
  case faulty
  case lost
  /// Already allocated to an account.
  case allocated
  /// Leased stock: rented, never sold.
  case leasedForSale
}

/// What is allowed: the one rule per action that the pick lists (what they offer), the
/// headless commands and `validate` (what they accept) all read.
extension HardwareToken {
  /// Why the token may not be allocated as `type`; nil when it may: available in the
  /// provider's stock, and owned for a sale.
  public func allocationBar(as type: AllocationType) -> AllocationBar? {
    switch state {
    case .faulty: return .faulty
    // A removed token is out of the inventory (lookups do not find it): never allocatable.
    case .lost, .removed: return .lost
    case .allocated: return .allocated
    case .available:
      if account >= 0 { return .allocated }
      return type == .sale && ownership == .leased ? .leasedForSale : nil
    }
  }

  /// Allocated to `account`, in use or not.
  public func isAllocated(to account: Int) -> Bool {
    state == .allocated && accountIndex == account
  }

  /// May be deallocated from `account`: allocated there and not in use.
  public func isDeallocatable(from account: Int) -> Bool {
    isAllocated(to: account) && !inUse
  }
}

/// What is offered: the serials and quantities a wizard lists and a command may take.
extension InventoryState {
  /// Serials offered on a pick list, in serial order, and which of them need a token-side PIN.
  public typealias Offered = (serials: [String], needsPIN: SerialMarks)

  /// How many tokens of `model` may be allocated as `type`.
  public func allocatableCount(model: Int, type: AllocationType) -> Int {
    var count = 0
    tokens.forEachMember(holder: -1, model: model) { _, token in
      if token.allocationBar(as: type) == nil { count += 1 }
      return true
    }
    return count
  }

  /// The tokens of `model` that may be allocated as `type`, the first `limit` serials.
  public func allocatableSerials(model: Int, type: AllocationType, limit: Int) -> Offered {
    offered(holder: -1, model: model, limit: limit) { $0.allocationBar(as: type) == nil }
  }

  /// The tokens of `model` that may be deallocated from `account`, the first `limit` serials.
  public func deallocatableSerials(account: Int, model: Int, limit: Int) -> Offered {
    offered(holder: Int32(account), model: model, limit: limit) {
      $0.isDeallocatable(from: account)
    }
  }

  /// The first `limit` serials of what `holder` holds of `model` that `offer` accepts: read
  /// from the group in serial order, stopping at the limit.
  private func offered(
    holder: Int32, model: Int, limit: Int, _ offer: (HardwareToken) -> Bool
  ) -> Offered {
    var serials: [String] = []
    var pin = SerialMarks()
    tokens.forEachMember(holder: holder, model: model) { index, token in
      guard offer(token) else { return true }
      guard serials.count < limit else { return false }
      if token.needsPIN { pin.insert(serials.count) }
      serials.append(token.serial.isEmpty ? tokens.serial(at: index) : token.serial)
      return true
    }
    pin.serials = serials
    return (serials, pin)
  }

  /// How many tokens of `model` may be deallocated from `account`: allocated, not in use.
  public func deallocatableCount(account: Int, model: Int) -> Int {
    let holder = accounts[account]
    return holder.hardwareAllocated[model] - holder.hardwareInUse[model]
  }

  /// How many of `column` may be allocated now: the stock it draws on (owned only for a
  /// sale) and, for SMS Rental or an SMS sale with capacity, the capacity in stock too.
  public func allocatableQuantity(_ column: SoftwareColumn, withCapacity: Bool = false) -> Int {
    let ownership: Ownership? = column.type == .sale ? .owned : nil
    var stock = stockQuantity(column.product, ownership: ownership)
    if column.bringsCapacity(withCapacity: withCapacity) {
      stock = min(stock, stockQuantity(.capacity))
    }
    return stock
  }

  /// How many of `column` may be deallocated from `account`: Maximum − In Use and, for SMS
  /// Rental, no more than the capacity not in use.
  public func deallocatableQuantity(_ column: SoftwareColumn, account: Int) -> Int {
    let holder = accounts[account]
    var limit = holder.holding(column).available
    if column == .smsRental { limit = min(limit, holder.holding(.capacity).available) }
    return max(0, limit)
  }
}

extension SoftwareColumn {
  /// True when allocating the column also allocates as many units of capacity: SMS Rental
  /// always, an SMS sale when asked.
  public func bringsCapacity(withCapacity: Bool) -> Bool {
    self == .smsRental || (self == .smsSale && withCapacity)
  }
}
