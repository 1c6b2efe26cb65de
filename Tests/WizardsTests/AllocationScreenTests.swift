import StockroomDomain
import StockroomStore
import TerminalUI
import Testing

@testable import Wizards

/// Every screen of the inventory, allocation and receiving flows against `screens/`,
/// rendered from the demo data with the clock fixed, by pressing the keys a user would.
@Suite(.serialized) struct AllocationScreenTests {
  typealias Session = DeallocationScreenTests.Session
  static let tab = DeallocationScreenTests.Press.key(.tab)
  static let enter = DeallocationScreenTests.Press.key(.enter)
  static let down = DeallocationScreenTests.Press.key(.down)
  static let space = DeallocationScreenTests.Press.text(" ")

  /// Home → Inventory.
  func inventory() throws -> Session {
    let session = try Session()
    session.press(.text("5"))
    return session
  }

  @Test func inventoryAndReinitialize() throws {
    let session = try inventory()
    session.check("inventory/01-inventory")
    session.press(.key(.enter))
    session.check("inventory/02-no-faulty")
    session.press(Self.down, Self.enter)
    session.check("inventory/03-faulty")
    session.press(Self.enter)
    session.check("inventory/04-reinitialize")
    session.press(Self.enter)
    session.check("inventory/05-reinitialized")
    #expect(session.text.contains("Re-initialized as T000167"))
    session.press(.key(.escape))
    session.check("inventory/06-inventory-after")
    session.press(.text("a"))
    session.check("inventory/07-choose-account")
  }

  @Test func softwareAllocation() throws {
    let session = try inventory()
    session.press(.text("a"), .text("fab"), Self.enter)
    session.check("allocate-software/01-type")
    session.press(Self.down, Self.tab, Self.tab, Self.space)
    session.check("allocate-software/02-sale-with-capacity")
    session.press(Self.tab, Self.enter)
    session.check("allocate-software/03-quantity")
    session.press(.text("99999999"))
    session.check("allocate-software/04-too-many")
    for _ in 0..<8 { session.press(.key(.backspace)) }
    session.press(.text("40"), Self.tab, Self.enter)
    session.check("allocate-software/05-billing")
    session.press(.text("1,5"))
    session.check("allocate-software/06-amount-refused")
    session.press(.key(.backspace), .key(.backspace), .text(".50"), Self.tab, .key(.right))
    session.press(Self.tab, Self.tab, .text("PO-2026-118"), Self.tab, .text("RENEWAL 2027"))
    session.check("allocate-software/07-billing-filled")
    session.press(Self.tab, Self.tab, Self.enter)
    session.check("allocate-software/08-confirm")
    session.press(Self.enter)
    session.check("allocate-software/09-result")
    #expect(session.text.contains("Allocated. Transaction ID T000167"))
    let transaction = try #require(
      try session.app.context.store?.transaction(id: "T000167"))
    #expect(
      transaction.billing
        == Billing(amount: "1.50", per: .transaction, customerReference: "PO-2026-118")
        .with(trigger: "on allocation"))
  }

  @Test func hardwareAllocation() throws {
    let session = try Session()
    session.press(Self.enter, .text("north"), Self.enter, .text("a"))
    session.press(Self.tab, Self.down, Self.down, Self.down)
    session.check("allocate-hardware/01-type")
    session.press(Self.tab, Self.enter)
    session.check("allocate-hardware/02-select")
    session.press(Self.tab, Self.enter)
    session.check("allocate-hardware/03-searched")
    session.press(Self.tab, Self.space, Self.down, Self.space, .key(.right))
    session.check("allocate-hardware/04-picked")
    session.press(.key(.control("o")))
    session.check("allocate-hardware/05-file-prompt")
    session.press(.key(.escape), .key(.paste("NOPE-1 NOPE-2")))
    session.check("allocate-hardware/06-paste-preview")
    session.press(.key(.escape), Self.tab, Self.tab, Self.enter)
    session.check("allocate-hardware/07-billing")
    session.press(Self.tab, Self.tab, Self.tab, Self.tab, Self.tab, Self.tab, Self.enter)
    session.check("allocate-hardware/08-confirm")
    session.press(Self.enter)
    session.check("allocate-hardware/09-result")
    session.press(Self.enter)
    session.check("allocate-hardware/10-transaction")
    session.press(.key(.escape))
    session.check("allocate-hardware/11-allocation-table")
  }

  @Test func receiving() throws {
    let session = try inventory()
    session.press(.text("r"))
    session.check("receive/01-stock")
    session.press(Self.tab, Self.tab, Self.tab, Self.space)
    session.check("receive/02-needs-pin")
    session.press(Self.tab, Self.tab, Self.tab, Self.enter)
    session.check("receive/03-serials")
    session.press(.text("RB1-9000001"), Self.enter, .text("RB1-9000001"), Self.enter)
    session.check("receive/04-typed-and-refused")
    let known = try #require(session.app.context.state.tokens.first?.serial)
    session.press(.key(.paste("RB1-9000002\nRB1-9000003\nRB1-9000003\n\(known)")))
    session.check("receive/05-paste-preview")
    session.press(Self.enter)
    session.check("receive/06-listed")
    session.press(Self.tab, Self.tab, Self.enter)
    session.check("receive/07-confirm")
    session.press(Self.enter)
    session.check("receive/08-result")
    #expect(session.app.context.state.token(serial: "RB1-9000003")?.needsPIN == true)
    #expect(session.app.context.state.invariantViolations() == [])
  }

  @Test func receivingSoftware() throws {
    let session = try inventory()
    session.press(.text("r"))
    for _ in 0..<4 { session.press(.key(.right)) }
    session.press(Self.tab, Self.down)
    session.check("receive/09-software-leased")
    session.press(Self.tab, Self.tab, Self.tab, Self.tab, Self.tab, Self.enter)
    session.press(.text("250"))
    session.check("receive/10-software-quantity")
    session.press(Self.tab, Self.enter)
    session.check("receive/11-software-confirm")
    session.press(Self.enter)
    session.check("receive/12-software-result")
  }
}

extension Billing {
  fileprivate func with(trigger: String) -> Billing {
    var copy = self
    copy.trigger = trigger
    return copy
  }
}
