extension InventoryState {
  /// The invariants of received and allocated stock (issue 6) beyond the tokens' own
  /// (`TokenChecks`: only allocated, owned tokens are sold): a sale never drew on leased
  /// stock, and nothing received is negative.
  func allocationViolations() -> [String] {
    var problems: [String] = []
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
