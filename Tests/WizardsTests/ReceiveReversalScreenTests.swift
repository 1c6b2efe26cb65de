import StockroomDomain
import TerminalUI
import Testing

@testable import Wizards

/// The reversal of a hardware receive from its Transaction screen against `screens/`: its
/// Confirm says the serials are taken out of the provider's stock, Confirm commits, and the
/// original, marked Reversed by it, shows each serial removed. At 80x24.
@Suite(.serialized) struct ReceiveReversalScreenTests {
  @Test func aReceiveIsReversedFromItsTransaction() throws {
    let store = try DemoFixture.store()
    let receipt = try store.commit(
      .receiveHardware(
        model: "KT-4", serials: ["KT4-UNDO-1", "KT4-UNDO-2"], ownership: .owned, container: nil,
        needsPIN: false),
      context: TransactionContext(user: "jdoe", uid: 1001)
    ).transaction
    let context = AppContext.reference(store: store)
    let session = try DeallocationScreenTests.Session()
    session.app = App(
      home: TransactionScreen(transaction: receipt, context: context), size: .minimum,
      context: context)
    session.press(.text("v"))
    session.check("reversal/receive-01-confirm")
    #expect(session.text.contains("Take 2 KT-4 serials out of the provider's stock"))
    session.press(ReversalScreenTests.tab, ReversalScreenTests.enter)
    session.press(ReversalScreenTests.tab, .text("Delivered to the wrong provider"))
    session.press(ReversalScreenTests.tab, ReversalScreenTests.enter)
    session.check("reversal/receive-02-result")
    session.press(ReversalScreenTests.enter)
    session.check("reversal/receive-03-original-marked")
    #expect(session.text.contains("removed"))
    #expect(context.state.token(serial: "KT4-UNDO-1") == nil)
  }
}
