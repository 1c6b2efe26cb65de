import StockroomStore
import TerminalUI
import Testing

@testable import Wizards

/// Every screen of the deallocation flows against `screens/`, rendered from
/// the demo data with the clock fixed, by pressing the keys a user would.
@Suite(.serialized) struct DeallocationScreenTests {
  /// Keys as a user types them: text becomes characters.
  enum Press {
    case key(Key)
    case text(String)
  }

  final class Session {
    var app: App
    init() throws {
      app = App(home: Home.screen(), size: .minimum, context: try DemoFixture.context())
    }

    func press(_ presses: Press...) { press(presses) }

    func press(_ presses: [Press]) {
      for press in presses {
        switch press {
        case .key(let key): handle(key)
        case .text(let text): for character in text { handle(.character(character)) }
        }
      }
    }

    private func handle(_ key: Key) {
      app.handle(key)
      app.runPendingCommit()
      app.readRequestedFile()
    }

    func check(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
      ScreenSnapshot.check(app.render().buffer, name, sourceLocation: sourceLocation)
    }

    var text: String { app.render().buffer.text }
  }

  static let tab = Press.key(.tab)
  static let enter = Press.key(.enter)
  static let right = Press.key(.right)

  /// Home → Accounts → Northwind Traders' allocation table.
  func northwind() throws -> Session {
    let session = try Session()
    session.press(Self.enter, .text("north"), Self.enter)
    return session
  }

  @Test func homeAndAccounts() throws {
    let session = try Session()
    session.check("home/01-home")
    session.press(Self.enter)
    session.check("accounts/01-accounts")
    session.press(.text("north"))
    session.check("accounts/02-search")
    session.press(Self.enter)
    session.check("accounts/03-allocation")
    session.press(.key(.down))
    session.check("accounts/04-allocation-log-entry")
    session.press(Self.enter)
    session.check("accounts/05-transaction-log")
    session.press(Self.enter)
    session.check("accounts/06-transaction")
  }

  @Test func softwareFlow() throws {
    let session = try northwind()
    session.press(Self.right, Self.enter)
    session.check("deallocate-software/01-select")
    session.press(Self.tab, .text("4x"))
    session.check("deallocate-software/02-select-invalid")
    session.press(.key(.backspace), .text("0"), Self.tab, Self.enter)
    session.check("deallocate-software/03-reference")
    session.press(Self.tab, .text("RMA-2026-04417"), Self.tab, .text("Renewal not taken up"))
    session.check("deallocate-software/04-reference-filled")
    session.press(Self.tab, Self.tab, Self.enter)
    session.check("deallocate-software/05-confirm")
    session.press(Self.enter)
    session.check("deallocate-software/06-result")
    #expect(session.text.contains("Transaction ID T000167"))
  }

  @Test func mobilePassFlow() throws {
    let session = try northwind()
    session.press(Self.right, Self.right, Self.right, Self.right, Self.enter)
    session.check("deallocate-mobilepass/01-select")
    session.press(.text("999"))
    session.check("deallocate-mobilepass/02-select-too-many")
    session.press(.key(.backspace), .key(.backspace), .key(.backspace), .text("5"), Self.tab)
    session.press(Self.enter)
    session.check("deallocate-mobilepass/03-reference")
    session.press(Self.tab, Self.tab, Self.tab, Self.tab, Self.enter)
    session.check("deallocate-mobilepass/04-confirm")
    session.press(Self.enter)
    session.check("deallocate-mobilepass/05-result")
  }

  @Test func hardwareFlow() throws {
    let session = try northwind()
    session.press(Self.right, Self.right, Self.right, Self.right, Self.right, Self.enter)
    session.check("deallocate-hardware/01-select")
    session.press(Self.tab, Self.enter)
    session.check("deallocate-hardware/02-searched")
    session.press(Self.tab, .text(" "), .key(.down), .key(.down), .text(" "), Self.right)
    session.check("deallocate-hardware/03-select-serials")
    session.press(Self.tab, Self.tab, Self.enter)
    session.check("deallocate-hardware/04-reference")
    session.press(.key(.down), .text(" "), Self.tab, Self.right, Self.tab, .text("RMA-2026-04417"))
    session.check("deallocate-hardware/05-reference-filled")
    session.press(Self.tab, Self.tab, Self.tab, Self.enter)
    session.check("deallocate-hardware/06-confirm")
    session.press(Self.enter)
    session.check("deallocate-hardware/07-result")
    session.press(Self.enter)
    session.check("deallocate-hardware/08-transaction")
  }

  @Test func faultyTokenIsReinitializedFromItsTransaction() throws {
    let session = try northwind()
    session.press(Self.right, Self.right, Self.right, Self.right, Self.right, Self.enter)
    session.press(
      Self.tab, Self.enter, Self.tab, .text(" "), Self.right, Self.tab, Self.tab, Self.enter)
    session.press(
      .key(.down), .key(.down), .text(" "), Self.tab, Self.tab, Self.tab, Self.tab, Self.tab,
      Self.enter)
    session.press(Self.enter, Self.enter)
    #expect(session.text.contains("faulty"))
    session.press(Self.enter)
    session.check("deallocate-hardware/09-reinitialize")
    let depth = session.app.stack.count
    session.press(.key(.escape))
    #expect(session.app.stack.count == depth, "Esc on the question closes it, not the screen")
    session.press(Self.enter, Self.enter)
    session.check("deallocate-hardware/10-reinitialized")
    #expect(session.text.contains("available"))
  }

  @Test func aScanGoesToTheScanFieldWhateverHasFocusAndNeverPressesNext() throws {
    let session = try northwind()
    session.press(Self.right, Self.right, Self.right, Self.right, Self.right, Self.enter)
    session.press(Self.tab, Self.enter, Self.tab, Self.tab, Self.tab)  // focus: the buttons
    let state = session.app.context.state
    let serial = try #require(
      state.tokens.first {
        $0.state == .allocated && !$0.inUse && $0.account == 3 && $0.model == 0
      }?.serial)
    session.app.handle(.scan(serial))
    let screen = try #require(session.app.current as? WizardScreen<DeallocationFlow>)
    #expect(screen.step == .select)
    #expect(screen.answers.pickList?.rightItems == [serial])
    #expect(session.text.contains("\(serial) moved to Deallocate"))
    session.app.handle(.scan("NOT-A-SERIAL"))
    #expect(session.text.contains("NOT-A-SERIAL is not an allocated"))
  }

  @Test func firstRunOffersDemoData() throws {
    var app = App(home: FirstRunScreen(), size: .minimum, context: .reference())
    ScreenSnapshot.check(app.render().buffer, "home/04-first-run")
    app.handle(.function(1))
    ScreenSnapshot.check(app.render().buffer, "home/05-first-run-help")
  }
}

/// Two sessions pick the same serial: the second Confirm is refused naming
/// it, the wizard goes back to the pick list refreshed, and every other
/// answer is kept.
@Suite struct DeallocationConflictTests {
  @Test func staleSerialIsRefusedAtConfirmAndTheWizardGoesBack() throws {
    let store = try DemoFixture.store()
    let context = AppContext.reference(store: store)
    let state = store.state
    let account = try #require(state.accountIndex("ACC-0004"))
    let free = state.tokens.filter {
      $0.account == Int32(account) && $0.state == .allocated && !$0.inUse && $0.model == 0
    }
    #expect(free.count >= 2)
    let taken = free[0].serial
    let kept = free[1].serial
    var app = App(home: Home.screen(), size: .minimum, context: context)
    var opened = try #require(
      DeallocationFlow.make(kind: .hardware(model: 0), account: account, context: context))
    opened.answers.search(flow: opened.flow, state: state)
    var list = try #require(opened.answers.pickList)
    _ = list.scan(taken)
    _ = list.scan(kept)
    opened.answers.pickList = list
    app.carryOut(.push(WizardScreen(flow: opened.flow, answers: opened.answers)))
    // Step 1: Quantity, Search, scan field, two lists, then the buttons.
    for key in [Key.tab, .tab, .tab, .tab, .tab, .enter] { app.handle(key) }
    var screen = try #require(app.current as? WizardScreen<DeallocationFlow>)
    #expect(screen.step == .reference)

    let other = try DemoFixture.secondSession(of: store)
    _ = try other.commit(
      .deallocateHardware(
        account: "ACC-0004", serials: [taken], disposition: .return, container: nil),
      context: .init(user: "other", uid: 1002), key: "other-session")

    // Reference step: disposition, container, reference, comment, reason; then Confirm.
    for key in [Key.tab, .tab, .tab, .tab, .tab, .enter, .enter] {
      app.handle(key)
      app.runPendingCommit()
    }
    screen = try #require(app.current as? WizardScreen<DeallocationFlow>)
    #expect(screen.step == .select)
    #expect(screen.answers.pickList?.rightItems == [kept])
    #expect(!screen.isDone)
    let text = app.render().buffer.text
    #expect(text.contains(taken), "the refused serial is named:\n\(text)")
    var count = 0
    try store.refresh()
    try store.forEachTransaction { transaction in
      if transaction.items.contains(where: { $0.serials?.contains(taken) ?? false }),
        transaction.action == .deallocateHardware
      {
        count += 1
      }
      return true
    }
    #expect(count == 1)
  }
}
