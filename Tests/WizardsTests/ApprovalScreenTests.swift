import StockroomDomain
import StockroomStore
import TerminalUI
import Testing

@testable import Wizards

/// The screens of issue 20 against `screens/orders/`, at 80x24 and 120x40: the Approvals
/// screen, an order's chain in progress, and the approval queue at level 2.
@Suite(.serialized) struct ApprovalScreenTests {
  static let at = "2026-11-22T08:00:00Z"

  /// The demo with a policy for suspend orders (the manager, then IT; Finance from 100.00) and
  /// ORD-000006, Elena's suspend, approved by her manager.
  func app(size: Size) throws -> App {
    let store = try DemoFixture.store()
    let context = TransactionContext(user: "jdoe", uid: 1001)
    let policy = ApprovalPolicy(chains: [
      ApprovalChain(
        types: [.suspend, .disconnect],
        levels: [
          ApprovalLevel(approver: .manager), ApprovalLevel(approver: .department("IT")),
          ApprovalLevel(approver: .department("Finance"), minimum: "100.00"),
        ]),
      ApprovalChain(
        types: [],
        levels: [
          ApprovalLevel(approver: .manager),
          ApprovalLevel(approver: .employee("EMP-0002"), minimum: "500.00"),
        ]),
    ])
    let request = OrderRequest(type: .suspend, employee: "EMP-0006", line: "312-555-0106")
    for (key, command) in [
      ("policy", OrderCommand.policy(policy, actor: "EMP-0004")),
      ("submit", .submit(request, actor: "EMP-0006", at: Self.at, comment: "Parental leave")),
      (
        "approve", .step(.approve, order: "ORD-000006", actor: "EMP-0005", at: Self.at, comment: "")
      ),
    ] {
      _ = try store.commit(.order(command), context: context, key: key)
    }
    return App(home: Home.screen(), size: size, context: AppContext.reference(store: store))
  }

  @Test(arguments: [(Size.minimum, ""), (Size(width: 120, height: 40), "-120x40")])
  func approvalsScreensAtBothSizes(size: Size, suffix: String) throws {
    var app = try self.app(size: size)
    let it = OrderSession(actor: "EMP-0003", mayActAsAnyone: false)
    app.carryOut(.push(ApprovalQueueScreen(session: it, context: app.context)))
    app.handle(.character("p"))
    ScreenSnapshot.check(app.render().buffer, "orders/20-approvals\(suffix)")
    #expect(app.render().buffer.text.contains("2. Department IT"))

    app.carryOut(.pop)
    let desk = OrderSession(actor: "EMP-0004", mayActAsAnyone: true)
    app.carryOut(.push(OrderDetailScreen(number: "ORD-000006", session: desk)))
    ScreenSnapshot.check(app.render().buffer, "orders/21-order-chain\(suffix)")
    #expect(app.render().buffer.text.contains("Level 2"))

    app.carryOut(.pop)
    ScreenSnapshot.check(app.render().buffer, "orders/22-approval-queue-level-2\(suffix)")
    #expect(app.render().buffer.text.contains("ORD-000006"))
  }
}
