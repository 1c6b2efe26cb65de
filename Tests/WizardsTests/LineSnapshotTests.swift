import StockroomDomain
import TerminalUI
import Testing

@testable import Wizards

/// Each screen read as lines against `screens/lines/`, from the demo data with the clock
/// fixed: its summary, its first 20 rows numbered, what a row's number does, and its words
/// with their keys.
@Suite struct LineSnapshotTests {
  /// `lines` as text: what the screen says, then the rows and the words.
  static func text(_ lines: ScreenLines) -> String {
    var text = lines.summary.joined(separator: "\n") + "\n"
    for (index, row) in lines.rows.prefix(20).enumerated() { text += "\(index + 1). \(row)\n" }
    if lines.rows.count > 20 { text += "(\(lines.rows.count - 20) more rows)\n" }
    if let action = lines.rowAction, !lines.rows.isEmpty { text += "A row's number: \(action)\n" }
    for action in lines.actions {
      text +=
        "\(action.word): \(action.label) [\(action.keys.map(\.name).joined(separator: " "))]\n"
    }
    return text
  }

  func check(
    _ screen: any LineReadable, _ name: String, context: AppContext,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    ScreenSnapshot.check(
      text: Self.text(screen.lines(context: context)), "lines/" + name,
      sourceLocation: sourceLocation)
  }

  @Test func accountsSubscriptionsAndInventory() throws {
    let context = try DemoFixture.context()
    let account = context.state.accounts[3]
    check(AccountsScreen(context: context), "accounts", context: context)
    check(AllocationScreen(account: 3, context: context), "allocation", context: context)
    var log = TransactionLogScreen(
      accountCode: account.code, accountName: account.name, context: context)
    check(log, "transaction-log", context: context)
    if case .push(let next) = log.openRow(0, context: context),
      let screen = next as? any LineReadable
    {
      check(screen, "transaction", context: context)
    }
    var subscriptions = SubscriptionsScreen(context: context)
    check(subscriptions, "subscriptions", context: context)
    if case .push(let next) = subscriptions.openRow(1, context: context),
      let screen = next as? any LineReadable
    {
      check(screen, "subscription", context: context)
    }
    check(
      SubscriptionHistoryScreen(subject: .subscription("SUB-000002"), context: context),
      "subscription-history", context: context)
    check(WarehouseScreen(context: context), "warehouse", context: context)
    var inventory = InventoryScreen(context: context)
    check(inventory, "inventory", context: context)
    if case .push(let next) = inventory.openRow(1, context: context),
      let screen = next as? any LineReadable
    {
      check(screen, "faulty-tokens", context: context)
    }
  }

  @Test func ordersReportsAndTheFirstRun() throws {
    let context = try DemoFixture.context()
    let desk = OrderSession(actor: "EMP-0004", mayActAsAnyone: true)
    check(MyOrdersScreen(session: desk, context: context), "my-orders", context: context)
    let approver = OrderSession(actor: "EMP-0001", mayActAsAnyone: false)
    check(ApprovalQueueScreen(session: approver, context: context), "approvals", context: context)
    check(
      OrderDetailScreen(number: "ORD-000002", session: approver), "order-detail", context: context)
    check(
      OrderStepScreen(number: "ORD-000002", step: .approve, session: approver), "order-step",
      context: context)
    check(FulfilmentScreen(number: "ORD-000004", session: desk), "fulfilment", context: context)
    check(ApprovalPolicyScreen(), "approval-policy", context: context)
    var reports = ReportsScreen(context: context)
    while reports.isWorking { _ = reports.idle(context: context) }
    check(reports, "reports", context: context)
    check(FirstRunScreen(), "first-run", context: AppContext.reference())
  }

  /// A wizard's tables as the line mode asks them: the swap's Installed Items, and the new
  /// items an add offers (its first 20 rows, then what :more and a number do).
  @Test func aWizardsTablesAsked() throws {
    var app = App(
      home: Home.screen(), size: LineFixture.lineSize, context: try DemoFixture.context())
    for (action, number, name) in [
      (SubscriptionAction.swap, "SUB-000001", "swap-installed-items"),
      (.add, "SUB-000003", "add-item-new-item"),
    ] {
      let subscription = try #require(app.context.state.subscriptions.subscription(number))
      app.carryOut(
        .push(SubscriptionActionFlow.make(action, subscription: subscription, context: app.context))
      )
      var session = LineSession()
      var asked = session.show(app, force: true)
      if action == .add { asked = session.answer("", app: &app, send: LineSessionTests.send) }
      ScreenSnapshot.check(text: asked.joined(separator: "\n") + "\n", "lines/" + name)
      app.carryOut(.pop)
    }
  }
}
