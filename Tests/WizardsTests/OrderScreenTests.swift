import StockroomDomain
import StockroomStore
import TerminalUI
import Testing

@testable import Wizards

/// Every screen of the wireless orders against `screens/orders/`, rendered from the demo data
/// with the clock fixed, pressing the keys a user would.
@Suite(.serialized) struct OrderScreenTests {
  typealias Session = DeallocationScreenTests.Session

  static let desk = OrderSession(actor: "EMP-0004", mayActAsAnyone: true)

  func session(_ screen: (AppContext) -> any Screen) throws -> Session {
    let session = try Session()
    session.app.carryOut(.push(screen(session.app.context)))
    return session
  }

  func keys(_ session: Session, _ keys: Key...) {
    for key in keys {
      session.app.handle(key)
      session.app.runPendingCommit()
    }
  }

  func type(_ session: Session, _ text: String) {
    for character in text { keys(session, .character(character)) }
  }

  @Test func myOrdersAndNewUpgrade() throws {
    let session = try self.session { MyOrdersScreen(session: Self.desk, context: $0) }
    session.check("orders/01-my-orders")
    keys(session, .character("n"))
    session.check("orders/02-new-type")
    for _ in 0..<7 { keys(session, .down) }
    session.check("orders/03-new-type-upgrade")
    keys(session, .enter, .enter)
    keys(session, .right, .right, .right, .right, .right, .right, .tab)
    type(session, "Pixel 9")
    keys(session, .tab)
    type(session, "Cracked screen")
    session.check("orders/04-new-details-upgrade")
    keys(session, .tab, .enter)
    session.check("orders/05-new-confirm-upgrade")
    #expect(session.text.contains("312-555-0107"))
    #expect(session.text.contains("Priya Raman (EMP-0003)"))
    keys(session, .enter)
    session.check("orders/06-new-submitted")
    let order = session.app.context.state.orders.order("ORD-000006")
    #expect(order?.type == .upgrade)
    #expect(order?.request.model == "Pixel 9")
    #expect(order?.requestedBy == "EMP-0004")
  }

  @Test func warrantyShowsTheRuleAndTheWarning() throws {
    let session = try self.session { NewOrderFlow.screen(session: Self.desk, context: $0) }
    keys(session, .down, .enter, .enter)
    for _ in 0..<5 { keys(session, .right) }
    session.check("orders/07-new-details-warranty-expired")
    #expect(session.text.contains("vendor warranties expire after the first year of ownership"))
    keys(session, .right, .tab, .tab, .tab, .enter)
    session.check("orders/08-new-confirm-warranty")
    #expect(session.text.contains("chargeback"))
  }

  /// An accessory for an existing device: the line first, then only what fits its device.
  @Test func accessoryOffersWhatFitsTheLinesDevice() throws {
    let session = try self.session { NewOrderFlow.screen(session: Self.desk, context: $0) }
    keys(session, .down, .down, .enter, .enter)
    for _ in 0..<6 { keys(session, .right) }
    keys(session, .tab)
    session.check("orders/23-new-details-accessory")
    #expect(session.text.contains("312-555-0107"))
    #expect(session.text.contains("Folio case"))
    var offered: [String] = []
    for _ in 0..<4 {
      offered.append(session.text.contains("Rugged case") ? "Rugged case" : "")
      keys(session, .right)
    }
    #expect(!offered.contains("Rugged case"))
  }

  @Test func approvalQueueDetailAndApprove() throws {
    let approver = OrderSession(actor: "EMP-0001", mayActAsAnyone: false)
    let session = try self.session { ApprovalQueueScreen(session: approver, context: $0) }
    session.check("orders/09-approval-queue")
    keys(session, .enter)
    session.check("orders/10-order-detail")
    keys(session, .character("a"))
    type(session, "Fine for this quarter")
    session.check("orders/11-approve")
    keys(session, .enter)
    session.check("orders/12-approved")
    #expect(session.app.context.state.orders.order("ORD-000002")?.state == .inFulfilment)
  }

  @Test func fulfilmentUpdateAndComplete() throws {
    let session = try self.session { _ in
      OrderDetailScreen(number: "ORD-000004", session: Self.desk)
    }
    session.check("orders/13-order-in-fulfilment")
    keys(session, .character("f"))
    type(session, "312-555-0150")
    keys(session, .tab)
    type(session, "356000000000150")
    keys(session, .tab, .tab)
    type(session, "1Z999AA10123456799")
    session.check("orders/14-fulfilment-form")
    keys(session, .tab, .enter)
    session.check("orders/15-fulfilment-committed")
    keys(session, .escape, .character("d"), .enter)
    session.check("orders/16-completed")
    let book = session.app.context.state.orders
    #expect(book.line("312-555-0150")?.employee == "EMP-0009")
    #expect(book.device("356000000000150")?.state == .assigned)
  }

  @Test func completedOrderTimeline() throws {
    let session = try self.session { _ in
      OrderDetailScreen(number: "ORD-000001", session: Self.desk)
    }
    session.check("orders/17-order-timeline")
    #expect(session.text.contains("Delivered"))
    // The seed's e-mail icon on each step that sent mail, with whom it went to.
    #expect(session.text.contains("✉ Elena Garcia, Tom Becker"))
  }

  /// Mail that could not be delivered shows on its order, from what the runtime hands over:
  /// which milestone, to whom, how often tried and why; another order's failure does not.
  @Test func failedMailShowsOnItsOrder() throws {
    let session = try self.session { _ in
      OrderDetailScreen(number: "ORD-000001", session: Self.desk)
    }
    session.app.context.failedMail = [
      MailDelivery(
        order: "ORD-000001", milestone: "completed", transactionId: "T000042",
        to: ["elena.garcia@contoso.example"], state: .failed, attempts: 2,
        error: "sendmail /usr/sbin/sendmail failed with status 75: relay refused"),
      MailDelivery(
        order: "ORD-000002", milestone: "approved", transactionId: "T000043",
        to: ["marcus.lee@contoso.example"], state: .failed, attempts: 1, error: "other"),
    ]
    session.check("orders/19-order-mail-failed")
    #expect(
      session.text.contains(
        "Mail failed: Completed to elena.garcia@contoso.example, tried 2 times"))
    #expect(session.text.contains("failed with status 75: relay refused"))
    #expect(!session.text.contains("marcus.lee"))
    session.app.context.failedMail = []
    session.check("orders/17-order-timeline")
  }
}
