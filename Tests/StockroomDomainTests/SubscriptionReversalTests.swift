import Testing

@testable import StockroomDomain

/// A subscription action reversed by its inverse action, through the subscription rules.
@Suite struct SubscriptionReversalTests {
  func ledger() throws -> ReversalFixture {
    ReversalFixture(starting: try SubscriptionFixture.state())
  }

  @Test func aSwapIsSwappedBack() throws {
    var ledger = try ledger()
    let before = ledger.state.subscriptions
    let swap = try ledger.commit(
      .subscription(.swap(SwapRequest(subscription: "SUB-1", serial: "STB-1", newSerial: "STB-6"))))
    let reversal = try ledger.reverse(swap)
    #expect(reversal.action == .reverse && reversal.subscription?.removed == ["STB-6"])
    let book = ledger.state.subscriptions
    #expect(book.subscription("SUB-1")?.item("STB-1") != nil)
    #expect(book.subscription("SUB-1")?.item("STB-6") == nil)
    #expect(book.stock["STB-6"]?.warehouse == "W1")
    #expect(book.subscription("SUB-1")?.distributors == before.subscription("SUB-1")?.distributors)
    #expect(ledger.state.invariantViolations() == [])
    var audit = ReversalAudit()
    audit.check(reversal, original: swap)
    #expect(audit.problems == [])
  }

  @Test func aSwapWhoseOldItemWasInstalledElsewhereIsRefusedNamingIt() throws {
    var ledger = try ledger()
    let swap = try ledger.commit(
      .subscription(.swap(SwapRequest(subscription: "SUB-1", serial: "STB-1", newSerial: "STB-6"))))
    let taken = try ledger.commit(
      .subscription(.add(AddItemRequest(subscription: "SUB-2", serial: "STB-1"))))
    let message = try #require(ledger.refusal(swap))
    #expect(message.contains("STB-1 was since taken by \(taken.transactionId) (add-installed-item"))
  }

  @Test func anAddIsRemovedAndARemovalAddedBack() throws {
    var ledger = try ledger()
    let removal = try ledger.commit(
      .subscription(.remove(RemoveRequest(subscription: "SUB-1", serial: "RTR-1"))))
    let back = try ledger.reverse(removal)
    #expect(back.subscription?.added.map(\.serial) == ["RTR-1"])
    #expect(ledger.state.subscriptions.subscription("SUB-1")?.item("RTR-1") != nil)
    let add = try ledger.commit(
      .subscription(.add(AddItemRequest(subscription: "SUB-2", serial: "STB-5"))))
    try ledger.reverse(add)
    #expect(ledger.state.subscriptions.subscription("SUB-2")?.item("STB-5") == nil)
    #expect(ledger.state.invariantViolations() == [])
  }

  @Test func aLostItemCannotBeSwappedBack() throws {
    var ledger = try ledger()
    let swap = try ledger.commit(
      .subscription(
        .swap(
          SwapRequest(subscription: "SUB-1", serial: "STB-1", newSerial: "STB-5", reason: .lost))))
    let message = try #require(ledger.refusal(swap))
    #expect(message.contains("cannot be reversed") && message.contains("STB-1"), "\(message)")
  }
}
