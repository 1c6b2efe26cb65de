import StockroomDomain
import StockroomStore
import TerminalUI
import Testing

@testable import Wizards

/// A Transaction ID of an allocation shows what it bills.
@Suite struct TransactionBillingTests {
  @Test func theTransactionScreenShowsBilling() throws {
    let store = try DemoFixture.store()
    let context = AppContext.reference(store: store)
    let billing = Billing(
      amount: "12.50", per: .unit, trigger: "on allocation", customerReference: "PO-7")
    let result = try store.commit(
      .allocateSoftware(account: "ACC-0004", column: .mobilePass, quantity: 2, withCapacity: false),
      context: TransactionContext(user: "jdoe", uid: 1001, billing: billing), key: "billing-test")
    let screen = TransactionScreen(
      transaction: result.transaction, context: context)
    var buffer = Buffer(size: .minimum)
    screen.view(into: &buffer, in: App.bodyRect(for: .minimum), context: context)
    #expect(
      buffer.text.contains("Billing    12.50 per unit, on allocation, customer reference PO-7"),
      "\(buffer.text)")
  }
}
