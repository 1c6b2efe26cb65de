import Testing

@testable import StockroomDomain

/// Each validation and restriction of seeds 001 and 003, broken on purpose, with its message.
@Suite struct SubscriptionValidationTests {
  func refusal(_ command: SubscriptionCommand, _ state: InventoryState) -> DomainError? {
    do {
      _ = try validate(.subscription(command), against: state)
      return nil
    } catch {
      return error
    }
  }

  func swap(_ sub: String, _ old: String, _ new: String, reference: String = "")
    -> SubscriptionCommand
  {
    .swap(
      SwapRequest(
        subscription: sub, serial: old, newSerial: new,
        details: ActionDetails(reference: reference)))
  }

  @Test func theFixtureIsSound() throws {
    let state = try SubscriptionFixture.state()
    #expect(state.invariantViolations() == [])
    #expect(state.subscriptions.subscription("SUB-1")?.items.count == 3)
  }

  @Test func receivableMustBeActive() throws {
    let state = try SubscriptionFixture.state()
    let error = refusal(swap("SUB-4", "STB-3", "STB-5"), state)
    #expect(error == .receivableNotActive(receivable: "AR-0002", state: "Suspended"))
    #expect(
      error?.message == "the subscription's Accounts Receivable AR-0002 is Suspended, not Active")
  }

  @Test func aValidWarehouseMustExist() throws {
    var state = try SubscriptionFixture.state()
    state.subscriptions.definitions[0].active = false
    let error = refusal(.remove(RemoveRequest(subscription: "SUB-1", serial: "RTR-1")), state)
    #expect(error == .noValidWarehouse)
    #expect(error?.message.contains("Active Inventory Management Definition") == true)
    state.subscriptions.definitions[0].active = true
    state.subscriptions.definitions[0].returnWarehouse = "NOWHERE"
    #expect(refusal(swap("SUB-1", "STB-1", "STB-5"), state) == .noValidWarehouse)
  }

  /// Seed 003's information table: Behaviour Code REMOVEINSTALLEDITEM; Business
  /// Classification Code REMOVEINSTALLEDITEM, or UNDOADDINSTITEM in Draft.
  @Test func removeCodesSitInTheSeedsColumns() {
    for state in LifeCycleState.itemActionStates {
      #expect(SubscriptionAction.remove.behaviourCode == "REMOVEINSTALLEDITEM")
      #expect(
        SubscriptionAction.remove.classificationCode(in: state)
          == (state == .draft ? "UNDOADDINSTITEM" : "REMOVEINSTALLEDITEM"))
    }
    #expect(SubscriptionAction.swap.behaviourCode == "SWAPINSTALLEDITEM")
    #expect(SubscriptionAction.swap.classificationCode(in: .draft) == "SWAPINSTITEM")
  }

  @Test func stateMustAllowTheAction() throws {
    let state = try SubscriptionFixture.state()
    let error = refusal(.add(AddItemRequest(subscription: "SUB-5", serial: "STB-5")), state)
    #expect(error == .actionNotAllowed(action: "Add Installed Item", state: "Cancelled"))
    let states =
      "available only in the Life Cycle States Draft, Effective, Not Effective, In Resting, "
      + "Short Term Effective, Short Term Not Effective"
    #expect(
      error?.message
        == "Add Installed Item is not available in the Life Cycle State Cancelled: it is " + states)
    let cancelled = try #require(state.subscriptions.subscription("SUB-5"))
    for action in SubscriptionAction.allCases {
      #expect(
        action.unavailableReason(cancelled, state.subscriptions) == "not in Cancelled: " + states)
    }
  }

  /// A component swap stays on the component's product (seed 001: "the search will only
  /// retrieve items of the same product").
  @Test func aNewComponentMustBeTheSameProduct() throws {
    let state = try SubscriptionFixture.state()
    let error = refusal(
      .swap(
        SwapRequest(subscription: "SUB-3", serial: "HUB-1", newSerial: "STB-5", mode: .component)),
      state)
    #expect(error == .differentProduct(serial: "STB-5", product: "Set-top box", expected: "Hub"))
    #expect(error?.message.contains("the new item must be the same product") == true)
  }

  /// A plain item may be "exchanged for a new or different model": the Active rules decide.
  @Test func aPlainItemMaySwapToAnotherProductTheRulesAllow() throws {
    let state = try SubscriptionFixture.state()
    let error = refusal(swap("SUB-1", "STB-1", "MDM-2"), state)
    guard case .rulesBroken(let broken) = error else {
      Issue.record("expected the rules to refuse, got \(String(describing: error))")
      return
    }
    #expect(broken.contains { $0.contains("R-04") })
  }

  @Test func newItemMustBeAvailable() throws {
    let state = try SubscriptionFixture.state()
    let outside = refusal(swap("SUB-1", "STB-1", "STB-9"), state)
    #expect(outside == .itemNotAvailable("STB-9"))
    #expect(
      outside?.message
        == "STB-9 is not available under the Active Inventory Management Definition")
    #expect(refusal(swap("SUB-1", "STB-1", "NOPE"), state) == .itemNotAvailable("NOPE"))
    #expect(refusal(swap("SUB-1", "STB-1", "STB-2"), state) == .itemNotAvailable("STB-2"))
    // A component in stock belongs to its bundle: not available on its own.
    #expect(refusal(swap("SUB-1", "STB-1", "HUB-2"), state) == .itemNotAvailable("HUB-2"))
  }

  func rules(_ command: SubscriptionCommand, _ state: InventoryState) -> [String] {
    guard case .rulesBroken(let broken) = refusal(command, state) else { return [] }
    return broken
  }

  @Test func subscriptionRestrictionFamily() throws {
    let state = try SubscriptionFixture.state()
    let dish = rules(.add(AddItemRequest(subscription: "SUB-1", serial: "DISH-1")), state)
    #expect(dish.contains { $0.hasPrefix("R-02 Subscription restriction") })
    let kit = rules(.add(AddItemRequest(subscription: "SUB-1", serial: "KIT-2")), state)
    #expect(kit.contains { $0.hasPrefix("R-01 Subscription restriction: at most 4") })
    #expect(!kit.contains { $0.hasPrefix("R-07") })
  }

  @Test func serviceFamily() throws {
    let state = try SubscriptionFixture.state()
    let broken = rules(.remove(RemoveRequest(subscription: "SUB-1", serial: "MDM-1")), state)
    #expect(
      broken == [
        "R-03 Subscription Service restriction: service NET needs an installed MODEM "
          + "(no MODEM installed)"
      ])
  }

  @Test func serviceDistributorFamily() throws {
    let state = try SubscriptionFixture.state()
    let broken = rules(.remove(RemoveRequest(subscription: "SUB-1", serial: "STB-1")), state)
    #expect(broken.count == 1)
    #expect(broken.first?.hasPrefix("R-04 Subscription Service Distributor restriction") == true)
    let error = refusal(.remove(RemoveRequest(subscription: "SUB-1", serial: "STB-1")), state)
    #expect(error?.message.hasPrefix("Subscription Definition Rules broken: R-04") == true)
  }

  @Test func installedItemFamily() throws {
    let state = try SubscriptionFixture.state()
    let broken = rules(.add(AddItemRequest(subscription: "SUB-4", serial: "KIT-2")), state)
    #expect(broken.isEmpty)  // SUB-4's AR is suspended: refused before the rules
    let onNet = rules(.add(AddItemRequest(subscription: "SUB-1", serial: "KIT-2")), state)
    #expect(onNet.contains { $0.hasPrefix("R-05 Subscription Installed Item restriction") })
  }

  @Test func installedItemDistributorFamily() throws {
    let state = try SubscriptionFixture.state()
    let broken = rules(.add(AddItemRequest(subscription: "SUB-1", serial: "MDM-2")), state)
    #expect(broken.count == 1)
    #expect(broken.first?.hasPrefix("R-06 Installed Item Distributor restriction") == true)
  }

  @Test func rulesAreCheckedOnlyWhenEffective() throws {
    let state = try SubscriptionFixture.state()
    let change = try validate(
      .subscription(.add(AddItemRequest(subscription: "SUB-6", serial: "DISH-1"))), against: state)
    #expect(change.action == .addInstalledItem)
  }

  @Test func transactionReferenceIsUnique() throws {
    var state = try SubscriptionFixture.state()
    try SubscriptionFixture.run(swap("SUB-1", "STB-1", "STB-5", reference: "WO-1"), &state)
    let error = refusal(swap("SUB-1", "MDM-1", "MDM-2", reference: "wo-1"), state)
    #expect(error == .duplicateReference("wo-1"))
    #expect(error?.message == "transaction reference wo-1 is already used by another action")
  }

  @Test func performedDateNotInTheFuture() throws {
    let state = try SubscriptionFixture.state()
    let details = ActionDetails(
      performedOn: "2026-11-23T09:00:00Z", submittedAt: "2026-11-22T09:00:00Z")
    let error = refusal(
      .remove(RemoveRequest(subscription: "SUB-1", serial: "RTR-1", details: details)), state)
    #expect(error == .performedInFuture("2026-11-23T09:00:00Z"))
  }

  @Test func everyProblemIsListed() throws {
    var state = try SubscriptionFixture.state()
    state.subscriptions.definitions[0].active = false
    let problems = subscriptionProblems(swap("SUB-4", "STB-3", "MDM-2"), in: state)
    #expect(problems.contains(.noValidWarehouse))
    #expect(problems.contains(.receivableNotActive(receivable: "AR-0002", state: "Suspended")))
    #expect(problems.contains(.itemNotAvailable("MDM-2")))
  }
}
