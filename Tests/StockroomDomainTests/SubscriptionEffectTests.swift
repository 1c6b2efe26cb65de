import Foundation
import Testing

@testable import StockroomDomain

/// What swap, remove, undo add and add do: items, bundles, distributors, Stock In and Stock
/// Out, and the invariants afterwards.
@Suite struct SubscriptionEffectTests {
  func commit(_ command: SubscriptionCommand, _ state: inout InventoryState) throws -> Change {
    let change = try validate(.subscription(command), against: state)
    try state.apply(change)
    #expect(state.invariantViolations() == [])
    return change
  }

  @Test func swapOfARentedItem() throws {
    var state = try SubscriptionFixture.state()
    let change = try commit(
      .swap(SwapRequest(subscription: "SUB-1", serial: "STB-1", newSerial: "STB-6")), &state)
    #expect(change.action == .swapInstalledItem)
    #expect(change.subscription?.reason == .broken)
    #expect(
      change.subscription?.stockOut == [
        WarehouseMove(
          warehouse: "W2", items: [StockItem(serial: "STB-6", product: "STB", warehouse: "W2")])
      ])
    #expect(change.subscription?.stockIn.first?.warehouse == "W1")
    let book = state.subscriptions
    #expect(book.subscription("SUB-1")?.item("STB-6")?.distributors == ["CAS"])
    #expect(book.subscription("SUB-1")?.item("STB-1") == nil)
    #expect(book.stock["STB-1"]?.warehouse == "W1")
    #expect(book.stock["STB-6"] == nil)
    #expect(book.stockBalance["W2"] == 0)
  }

  @Test func aLostRentedItemIsNotStockedBackIn() throws {
    var state = try SubscriptionFixture.state()
    let change = try commit(
      .swap(
        SwapRequest(subscription: "SUB-1", serial: "STB-1", newSerial: "STB-5", reason: .lost)),
      &state)
    #expect(change.subscription?.stockIn == [])
    #expect(state.subscriptions.stock["STB-1"] == nil)
    #expect(state.subscriptions.writtenOff["STB-1"] == "STB")
  }

  @Test func swapOfAWholeBundle() throws {
    var state = try SubscriptionFixture.state()
    let change = try commit(
      .swap(
        SwapRequest(subscription: "SUB-3", serial: "KIT-1", newSerial: "KIT-2", mode: .bundle)),
      &state)
    #expect(change.subscription?.removed == ["KIT-1", "HUB-1", "CAM-1"])
    #expect(change.subscription?.added.map(\.serial) == ["KIT-2", "HUB-2", "CAM-2"])
    #expect(change.subscription?.stockOut.first?.items.count == 3)
    #expect(change.subscription?.stockIn.first?.items.count == 3)
    let sub = try #require(state.subscriptions.subscription("SUB-3"))
    #expect(sub.components(of: "KIT-2").map(\.serial) == ["HUB-2", "CAM-2"])
    #expect(state.subscriptions.stock["HUB-1"]?.bundle == "KIT-1")
    #expect(state.subscriptions.stock["KIT-1"]?.warehouse == "W1")
  }

  @Test func swapOfOneComponent() throws {
    var state = try SubscriptionFixture.state()
    let change = try commit(
      .swap(
        SwapRequest(
          subscription: "SUB-3", serial: "HUB-1", newSerial: "HUB-3", mode: .component,
          reason: .exchanged)), &state)
    #expect(change.subscription?.mode == .component)
    #expect(change.subscription?.removed == ["HUB-1"])
    let sub = try #require(state.subscriptions.subscription("SUB-3"))
    #expect(sub.components(of: "KIT-1").map(\.serial) == ["CAM-1", "HUB-3"])
    // Removed from both the subscription and the bundle (seed 001).
    #expect(state.subscriptions.stock["HUB-1"]?.bundle == nil)
    #expect(state.subscriptions.stock["HUB-3"] == nil)
  }

  /// Seed 001: a component "is removed from both the Subscription and the bundle"; the rest
  /// of the bundle stays. Rented, it goes back to the warehouse.
  @Test func removeOfAComponentLeavesTheRestOfTheBundle() throws {
    var state = try SubscriptionFixture.state()
    let change = try commit(.remove(RemoveRequest(subscription: "SUB-3", serial: "HUB-1")), &state)
    #expect(change.action == .removeInstalledItem)
    #expect(change.subscription?.removed == ["HUB-1"])
    let sub = try #require(state.subscriptions.subscription("SUB-3"))
    #expect(sub.item("KIT-1") != nil)
    #expect(sub.components(of: "KIT-1").map(\.serial) == ["CAM-1"])
    #expect(state.subscriptions.stock["HUB-1"]?.warehouse == "W1")
    #expect(state.subscriptions.stock["HUB-1"]?.bundle == nil)
  }

  /// Choosing the bundle removes it with its components, which stay its components in stock.
  @Test func removeOfABundleTakesItsComponents() throws {
    var state = try SubscriptionFixture.state()
    let change = try commit(.remove(RemoveRequest(subscription: "SUB-3", serial: "KIT-1")), &state)
    #expect(change.subscription?.removed == ["KIT-1", "HUB-1", "CAM-1"])
    #expect(state.subscriptions.subscription("SUB-3")?.item("KIT-1") == nil)
    #expect(state.subscriptions.stock["HUB-1"]?.bundle == "KIT-1")
  }

  @Test func aComponentSwapNeedsAComponent() throws {
    let state = try SubscriptionFixture.state()
    #expect(throws: DomainError.notAComponent("STB-1")) {
      try validate(
        .subscription(
          .swap(
            SwapRequest(
              subscription: "SUB-1", serial: "STB-1", newSerial: "STB-5", mode: .component))),
        against: state)
    }
  }

  @Test func removeOfARentedItemGoesBackToTheWarehouse() throws {
    var state = try SubscriptionFixture.state()
    let change = try commit(.remove(RemoveRequest(subscription: "SUB-1", serial: "RTR-1")), &state)
    #expect(change.action == .removeInstalledItem)
    #expect(change.subscription?.distributorsRemoved == ["ACS"])
    #expect(state.subscriptions.stock["RTR-1"]?.warehouse == "W1")
    #expect(state.subscriptions.subscription("SUB-1")?.distributors.contains("ACS") == false)
  }

  @Test func removeOfASoldItemStaysWithTheCustomer() throws {
    var state = try SubscriptionFixture.state()
    let change = try commit(.remove(RemoveRequest(subscription: "SUB-3", serial: "RTR-2")), &state)
    #expect(change.subscription?.stockIn == [])
    #expect(state.subscriptions.withCustomers["RTR-2"] == "AR-0001")
    #expect(state.subscriptions.stock["RTR-2"] == nil)
  }

  @Test func removeInDraftIsUndoAdd() throws {
    var state = try SubscriptionFixture.state()
    let change = try commit(.remove(RemoveRequest(subscription: "SUB-2", serial: "STB-2")), &state)
    #expect(change.action == .undoAddInstalledItem)
    #expect(state.subscriptions.stock["STB-2"]?.warehouse == "W1")
    #expect(state.subscriptions.subscription("SUB-2")?.items == [])
    #expect(state.subscriptions.subscription("SUB-2")?.distributors == ["IPTV"])
  }

  @Test func addTakesTheItemOutOfStock() throws {
    var state = try SubscriptionFixture.state()
    let change = try commit(
      .add(AddItemRequest(subscription: "SUB-2", serial: "STB-6", ownership: .sold)), &state)
    #expect(change.action == .addInstalledItem)
    #expect(change.subscription?.stockOut.first?.warehouse == "W2")
    #expect(state.subscriptions.subscription("SUB-2")?.item("STB-6")?.ownership == .sold)
    #expect(state.subscriptions.stockBalance["W2"] == 0)
  }

  @Test func invariantsCatchASerialInTwoPlaces() throws {
    var state = try SubscriptionFixture.state()
    state.subscriptions.stock["STB-1"] = StockItem(serial: "STB-1", product: "STB", warehouse: "W1")
    let problems = state.invariantViolations()
    #expect(problems.contains("serial STB-1 is in 2 places"))
    #expect(problems.contains("warehouse W1: 9 items but transactions say 8"))
  }

  @Test func theChangeSurvivesTheLedger() throws {
    var state = try SubscriptionFixture.state()
    let change = try commit(
      .swap(SwapRequest(subscription: "SUB-3", serial: "KIT-1", newSerial: "KIT-2")), &state)
    let transaction = Transaction(
      sequence: 1, key: "k", version: 1, time: "2026-11-22T09:00:00Z", change: change,
      context: TransactionContext(user: "u", uid: 1))
    let data = try JSONEncoder().encode(transaction)
    let back = try JSONDecoder().decode(Transaction.self, from: data)
    #expect(back.subscription == change.subscription)
    #expect(back.subscription?.steps.contains("Stock In to W1: KIT-1, HUB-1, CAM-1") == true)
  }
}
