extension InventoryState {
  /// The invariants of received and allocated stock (issue 6): a sale never drew on leased
  /// stock, only allocated tokens are sold, every allocated serial names a known account,
  /// and nothing received is negative.
  func allocationViolations() -> [String] {
    var problems: [String] = []
    for token in tokens where token.sold {
      if token.ownership == .leased {
        problems.append("serial \(token.serial) is leased but was sold")
      }
      if token.state != .allocated {
        problems.append("serial \(token.serial) is sold but \(token.state.rawValue)")
      }
    }
    for account in accounts where account.holding(.smsSale).leased > 0 {
      problems.append("\(account.code) SMS Sale: leased stock was sold")
    }
    for (product, byOwnership) in received {
      for (ownership, quantity) in byOwnership where quantity < 0 {
        problems.append("\(product.rawValue) (\(ownership.rawValue)): \(quantity) received")
      }
    }
    return problems
  }
}
