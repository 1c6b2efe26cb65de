extension InventoryState {
  /// Every broken invariant, one line each (empty when the state is sound): each serial in
  /// exactly one place, quantities conserved per product and ownership, in use never above
  /// maximum, nothing negative.
  public func invariantViolations() -> [String] {
    var checks = TokenChecks(for: self)
    for index in tokens.indices { checks.check(index, of: self, at: index) }
    return invariantViolations(tokens: checks)
  }

  /// Every broken invariant, with the tokens' already checked (`checks`, of every token): what
  /// verify asks of a state whose tokens it replayed a part at a time.
  public func invariantViolations(tokens checks: TokenChecks) -> [String] {
    var problems: [String] = []
    problems += checks.placementProblems(accounts)
    problems += holdingViolations()
    problems += checks.saleProblems
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
