import StockroomDomain
import TerminalUI
import Testing

@testable import Wizards

/// Every screen of the subscriptions area and of the subscription action modal, for each
/// action, against `screens/subscriptions/`, by pressing the keys a user would.
@Suite(.serialized) struct SubscriptionScreenTests {
  typealias Session = DeallocationScreenTests.Session
  static let tab = DeallocationScreenTests.Press.key(.tab)
  static let enter = DeallocationScreenTests.Press.key(.enter)
  static let down = DeallocationScreenTests.Press.key(.down)

  /// Home → Subscriptions, then open `number` (searched) when given.
  func open(_ number: String? = nil) throws -> Session {
    let session = try Session()
    session.press(Self.down, Self.down, Self.down, Self.enter)
    if let number { session.press(.text(number), Self.enter) }
    return session
  }

  func tabs(_ count: Int) -> [DeallocationScreenTests.Press] {
    Array(repeating: Self.tab, count: count)
  }

  @Test func searchAndSubscription() throws {
    let session = try open()
    session.check("subscriptions/01-subscriptions")
    session.press(.text("kit"))
    session.check("subscriptions/02-search-by-serial")
    session.press(.key(.backspace), .key(.backspace), .key(.backspace), Self.enter)
    session.check("subscriptions/03-subscription")
    #expect(session.text.contains("Swap Installed Item"))
    session.press(Self.down, Self.down, Self.down, Self.enter)
    session.check("subscriptions/04-view-all-actions")
  }

  @Test func cancelledAndSuspendedSubscriptionsSayWhy() throws {
    let session = try open("SUB-000008")
    session.press(Self.enter)
    session.check("subscriptions/05-cancelled-all-actions")
    // The state's reason is said once, for the three actions, listing the seed's states.
    #expect(session.text.contains("not in Cancelled:"))
    #expect(session.text.components(separatedBy: "not in Cancelled").count == 2)
    #expect(session.text.contains("Short Term Effective,"))
    let suspended = try open("SUB-000009")
    suspended.press(Self.enter)
    suspended.check("subscriptions/06-suspended-all-actions")
    #expect(suspended.text.contains("Accounts Receivable"))
    #expect(suspended.text.contains("not Active"))
  }

  @Test func swapOfARentedItem() throws {
    let session = try open("SUB-000001")
    session.press(Self.enter)
    session.check("subscriptions/10-swap-item")
    session.press(tabs(3) + [Self.enter])
    session.check("subscriptions/11-swap-new-item")
    session.press(tabs(2) + [Self.enter])
    session.check("subscriptions/12-swap-details")
    session.press(Self.tab, Self.tab, .text("WO-9001"))
    session.check("subscriptions/13-swap-details-filled")
    session.press(Self.tab, Self.enter)
    session.check("subscriptions/14-swap-preview")
    session.press(Self.enter)
    session.check("subscriptions/15-swap-result")
    #expect(session.text.contains("Transaction ID T000167"))
    session.press(Self.enter)
    session.check("subscriptions/16-subscription-history")
  }

  /// The search starts on the item's product; F5 widens it to the other models (seed 001:
  /// "exchanged for a new or different model"), and the swap goes through when the rules
  /// allow it.
  @Test func swapToAnotherModel() throws {
    let session = try open("SUB-000001")
    session.press(Self.enter)
    session.press(tabs(3) + [Self.enter])
    #expect(!session.text.contains("STH-10001"))
    #expect(session.text.contains("F5 other models"))
    session.press(.key(.function(5)))
    #expect(session.text.contains("Every model the rules allow"))
    // A camera or a modem in place of the set-top box breaks the rules: not offered.
    #expect(!session.text.contains("CAM-10003") && !session.text.contains("MDM-10005"))
    session.check("subscriptions/17-swap-other-models")
    #expect(session.text.contains("STH-10001"))
    session.press([.text("STH-10001")] + tabs(2) + [Self.enter])
    session.press(tabs(3) + [Self.enter])
    #expect(session.text.contains("All validations pass."), "\(session.text)")
    session.press(Self.enter)
    let after = try #require(session.app.context.state.subscriptions.subscription("SUB-000001"))
    #expect(after.item("STH-10001")?.product == "STB-HD")
  }

  /// The seed's procedure for a component: Swap Component, then the component checked
  /// under Installed Items Components, then New Component Serial No. (issue 19, point 3).
  @Test func swapOfABundleComponent() throws {
    let session = try open("SUB-000002")
    session.press(Self.enter, Self.down, Self.tab, Self.tab, .key(.right))
    #expect(session.text.contains("Installed Items Components"))
    #expect(session.text.contains("[ ] HUB-10001"))
    session.press(Self.tab, Self.enter)
    #expect(session.text.contains("Installed Items Components: check the component to swap"))
    session.press(.key(.backTab), .key(.character(" ")))
    session.check("subscriptions/20-swap-component-item")
    #expect(session.text.contains("[x] HUB-10001"))
    session.press(Self.tab, Self.enter)
    session.check("subscriptions/21-swap-component-new-item")
    #expect(session.text.contains("New Component Serial No."))
    #expect(session.text.contains("Only Security hub (SEC-HUB) items"))
    session.press(tabs(2) + [Self.enter] + tabs(3) + [Self.enter])
    session.check("subscriptions/22-swap-component-preview")
    session.press(Self.enter)
    session.check("subscriptions/23-swap-component-result")
  }

  @Test func swapOfAWholeBundle() throws {
    let session = try open("SUB-000002")
    session.press(Self.enter, Self.down)
    session.check("subscriptions/24-swap-bundle-item")
    session.press(tabs(3) + [Self.enter])
    session.check("subscriptions/26-swap-bundle-new-item")
    #expect(session.text.contains("New Installed Item Serial No "))
    #expect(session.text.contains("Fixed Product Bundle physical goods of SEC-KIT"))
    session.press(tabs(2) + [Self.enter] + tabs(3) + [Self.enter])
    session.check("subscriptions/25-swap-bundle-preview")
  }

  @Test func removeOfARentedItem() throws {
    let session = try open("SUB-000001")
    session.press(Self.down, Self.enter, Self.down, Self.down)
    session.check("subscriptions/30-remove-item")
    session.press(Self.tab, Self.enter)
    session.check("subscriptions/31-remove-details")
    session.press(tabs(3) + [Self.enter])
    session.check("subscriptions/32-remove-preview")
    session.press(Self.enter)
    session.check("subscriptions/33-remove-result")
  }

  @Test func removeRefusedByARule() throws {
    let session = try open("SUB-000001")
    session.press(Self.down, Self.enter, Self.tab, Self.enter)
    session.press(Self.tab, Self.tab, .text("WO-5125"), Self.tab, Self.enter)
    session.check("subscriptions/34-remove-refused-preview")
    #expect(session.text.contains("R-04"))
    #expect(session.text.contains("WO-5125 is already used"))
  }

  @Test func removeOfASoldItem() throws {
    let session = try open("SUB-000002")
    session.press(Self.down, Self.enter, .key(.end), Self.tab, Self.enter)
    session.press(tabs(3) + [Self.enter])
    session.check("subscriptions/35-remove-sold-preview")
    #expect(session.text.contains("Stays with the Subscriber's Accounts Receivable AR-0002"))
  }

  /// A component leaves its bundle alone (seed 001); the rest of the bundle stays.
  @Test func removeOfOneComponent() throws {
    let session = try open("SUB-000002")
    session.press(Self.down, Self.enter, Self.down, Self.down, Self.tab, Self.enter)
    session.press(tabs(3) + [Self.enter])
    session.check("subscriptions/36-remove-component-preview")
    #expect(session.text.contains("Remove component HUB-10001 of KIT-10001"))
    #expect(!session.text.contains("CAM-10001"))
    session.press(Self.enter)
    let after = try #require(session.app.context.state.subscriptions.subscription("SUB-000002"))
    #expect(after.components(of: "KIT-10001").map(\.serial) == ["CAM-10001", "SNS-10001"])
  }

  @Test func undoAddInDraft() throws {
    let session = try open("SUB-000003")
    session.press(Self.down, Self.enter)
    session.check("subscriptions/40-undo-add-item")
    session.press(Self.tab, Self.enter)
    session.press(tabs(3) + [Self.enter])
    session.check("subscriptions/41-undo-add-preview")
    session.press(Self.enter)
    session.check("subscriptions/42-undo-add-result")
  }

  @Test func addInstalledItem() throws {
    let session = try open("SUB-000003")
    session.press(Self.down, Self.down, Self.enter)
    session.check("subscriptions/50-add-new-item")
    session.press(.text("rtr"), Self.tab, Self.tab, .key(.right))
    session.check("subscriptions/51-add-search-sold")
    session.press(Self.tab, Self.enter)
    session.press(tabs(3) + [Self.enter])
    session.check("subscriptions/52-add-preview")
    session.press(Self.enter)
    session.check("subscriptions/53-add-result")
  }

  @Test func histories() throws {
    let session = try open("SUB-000002")
    session.press(Self.tab, Self.down, Self.enter)
    session.check("subscriptions/60-item-history")
    session.press(.key(.escape), .text("w"))
    session.check("subscriptions/61-warehouse")
    session.press(.key(.right))
    session.check("subscriptions/62-warehouse-north")
  }

  @Test func performedDateInTheFutureIsRefused() throws {
    let session = try open("SUB-000001")
    session.press(Self.enter)
    session.press(tabs(3) + [Self.enter] + tabs(2) + [Self.enter])
    session.press(Self.tab)
    for _ in 0..<16 { session.press(.key(.backspace)) }
    session.press(.text("2030-01-01 00:00"), Self.tab, Self.tab, Self.enter)
    session.check("subscriptions/63-performed-date-future")
    #expect(session.text.contains("Performed date: not in the future"))
  }

  /// At 120x40 the modal takes the room: its tables get every row under the information
  /// table and wider columns, with the bundle and distributors of each installed item and
  /// each warehouse's name; the information table spreads and names the services.
  @Test func largerTerminal() throws {
    let large = DeallocationScreenTests.Press.key(.resize(Size(width: 120, height: 40)))
    let swap = try open("SUB-000002")
    swap.press(
      large, Self.enter, Self.down, Self.tab, Self.tab, .key(.right), Self.tab,
      .key(.character(" ")))
    swap.check("subscriptions/70-swap-component-item-120x40")
    #expect(swap.text.contains("Distributors"))
    let add = try open("SUB-000003")
    add.press(large, Self.down, Self.down, Self.enter)
    add.check("subscriptions/71-add-new-item-120x40")
    #expect(add.text.contains("WH-NORTH North Depot"))
    #expect(!add.text.contains("1/24"), "every item found is shown")
  }
}
