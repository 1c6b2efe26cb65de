extension InventoryState {
  /// Every broken invariant, one line each (empty when the state is sound): each serial in
  /// exactly one place, quantities conserved per product and ownership, in use never above
  /// maximum, nothing negative.
  public func invariantViolations() -> [String] {
    var problems: [String] = []
    problems += tokenViolations()
    problems += holdingViolations()
    problems += allocationViolations()
    problems += subscriptionViolations()
    problems += orderViolations()
    for (key, quantity) in stock where quantity < 0 {
      problems.append(
        "provider stock of \(key.product.rawValue) (\(key.ownership.rawValue)) is \(quantity)")
    }
    for product in Product.software {
      for ownership in Ownership.allCases {
        let received = self.received[product]?[ownership] ?? 0
        var held = stockQuantity(product, ownership: ownership)
        for account in accounts {
          for column in SoftwareColumn.allCases where column.product == product {
            let holding = account.holding(column)
            held += ownership == .leased ? holding.leased : holding.maximum - holding.leased
          }
        }
        if held != received {
          problems.append(
            "\(product.rawValue) (\(ownership.rawValue)): \(received) received but \(held) held")
        }
      }
    }
    return problems
  }

  private func tokenViolations() -> [String] {
    var problems: [String] = []
    var allocated = accounts.map { Array(repeating: 0, count: $0.hardwareAllocated.count) }
    var inUse = allocated
    for (index, token) in tokens.enumerated() {
      if tokens.index(of: token.serial) != index {
        problems.append("serial \(token.serial) is in more than one place")
      }
      if Int(token.model) >= models.count || Int(token.container) >= containers.count {
        problems.append("serial \(token.serial) names an unknown model or container")
        continue
      }
      let owner = token.accountIndex
      if (token.state == .allocated) != (owner != nil) {
        problems.append("serial \(token.serial) is \(token.state.rawValue) with account mismatch")
      }
      if token.inUse && token.state != .allocated {
        problems.append("serial \(token.serial) is in use but \(token.state.rawValue)")
      }
      if let owner {
        guard owner < accounts.count else {
          problems.append("serial \(token.serial) names an unknown account")
          continue
        }
        allocated[owner][Int(token.model)] += 1
        if token.inUse { inUse[owner][Int(token.model)] += 1 }
      }
    }
    for (index, account) in accounts.enumerated() {
      if account.hardwareAllocated != allocated[index] || account.hardwareInUse != inUse[index] {
        problems.append("\(account.code): hardware counts do not match its tokens")
      }
    }
    return problems
  }

  private func holdingViolations() -> [String] {
    var problems: [String] = []
    for account in accounts {
      for column in SoftwareColumn.allCases {
        let holding = account.holding(column)
        let label = "\(account.code) \(column.title)"
        if holding.maximum < 0 || holding.inUse < 0 || holding.leased < 0 {
          problems.append("\(label): negative quantity")
        }
        if holding.inUse > holding.maximum {
          problems.append(
            "\(label): \(holding.inUse) in use is above the maximum \(holding.maximum)")
        }
        if holding.leased > holding.maximum {
          problems.append("\(label): more leased than allocated")
        }
      }
    }
    return problems
  }
}
