import StockroomDomain
import TerminalUI
import TestSupport
import Testing

@testable import Wizards

/// The order session's screens, Reports, Resume and the first run read as lines: their
/// words drive them as the line mode will, on the demo data of either store.
@Suite struct LineOrderScreensTests {
  @Test(.postgres) func theDatabaseCasesRun() throws { try StoreKind.reachTheServer() }

  static let desk = OrderSession(actor: "EMP-0004", mayActAsAnyone: true)

  @Test(arguments: StoreKind.available)
  func anOrderIsApprovedByItsWords(kind: StoreKind) throws {
    let fixture = try LineFixture(kind)
    var app = fixture.app()
    let approver = OrderSession(actor: "EMP-0001", mayActAsAnyone: false)
    app.carryOut(.push(ApprovalQueueScreen(session: approver, context: app.context)))
    let queue = try LineCheck.lines(app)
    LineCheck.check(queue, rows: app.context.state.orders.queue(approver: "EMP-0001").count)
    #expect(queue.rows[0].hasPrefix("ORD-000002: Type "))
    #expect(queue.rows[0].contains(", State ") && queue.rows[0].contains(", Submitted "))
    #expect(queue.actions.map(\.word) == ["policy"])
    var top = try #require(app.current as? any LineReadable)
    app.carryOut(top.openRow(0, context: app.context))
    let detail = try LineCheck.lines(app)
    LineCheck.check(detail, rows: 0)
    #expect(detail.summary.contains("Timeline:"))
    #expect(detail.actions.map(\.word) == ["approve", "reject", "request", "cancel-order"])
    try LineCheck.follow("approve", in: &app)
    try LineCheck.follow("comment", typing: "Fine for this quarter", in: &app)
    let step = try LineCheck.lines(app)
    #expect(step.summary.contains("Comment: Fine for this quarter."))
    try LineCheck.follow("commit", in: &app)
    #expect(app.context.state.orders.order("ORD-000002")?.state == .inFulfilment)
    #expect(try LineCheck.lines(app).summary.last?.hasPrefix("Committed as ") == true)
    top = try #require(app.current as? any LineReadable)
    #expect(top.lines(context: app.context).actions.isEmpty)
  }

  @Test(arguments: StoreKind.available)
  func myOrdersAndAFulfilmentUpdate(kind: StoreKind) throws {
    let fixture = try LineFixture(kind)
    var app = fixture.app()
    app.carryOut(.push(MyOrdersScreen(session: Self.desk, context: app.context)))
    let mine = try LineCheck.lines(app)
    LineCheck.check(mine, rows: app.context.state.orders.orders.count)
    #expect(mine.actions.map(\.word) == ["new", "approvals", "act"])
    #expect(mine.summary[0].contains("support desk"))
    app.carryOut(.push(OrderDetailScreen(number: "ORD-000004", session: Self.desk)))
    #expect(
      try LineCheck.lines(app).actions.map(\.word) == ["fulfilment", "complete", "cancel-order"])
    try LineCheck.follow("fulfilment", in: &app)
    try LineCheck.follow("service", typing: "312-555-0150", in: &app)
    try LineCheck.follow("tracking", typing: "1Z999AA10123456799", in: &app)
    let form = try LineCheck.lines(app)
    LineCheck.check(form, rows: 0)
    #expect(form.summary.contains("Service number: 312-555-0150."))
    #expect(form.summary.contains("IMEI / serial: (empty)."))
    try LineCheck.follow("commit", in: &app)
    let order = app.context.state.orders.order("ORD-000004")
    #expect(order?.fulfilment.serviceNumber == "312-555-0150")
    #expect(order?.fulfilment.tracking == ["1Z999AA10123456799"])
  }

  @Test(arguments: StoreKind.available)
  func reportsAreChosenFilteredSortedAndExportedByWord(kind: StoreKind) throws {
    let fixture = try LineFixture(kind)
    var app = fixture.app()
    app.carryOut(.push(ReportsScreen(context: app.context)))
    func finish() {
      while app.current.isWorking { _ = app.idle() }
    }
    finish()
    var lines = try LineCheck.lines(app)
    let all = try #require(app.context.store?.lastSequence)
    LineCheck.check(lines, rows: Int(all))
    #expect(lines.summary[0].hasPrefix("Filters: Report Transactions, Reason Any"))
    #expect(lines.rows[0].hasPrefix("T000001: Time (UTC) 2026-"))
    #expect(lines.rows[0].contains(", Action define, User "))
    try LineCheck.follow("account", typing: "ACC-0002", in: &app)
    try LineCheck.follow("run", in: &app)
    finish()
    lines = try LineCheck.lines(app)
    let account = try #require(try app.context.store?.transactions(account: "ACC-0002"))
    LineCheck.check(lines, rows: account.count)
    #expect(lines.summary[0].contains("Account ACC-0002"))
    try LineCheck.follow("movements", in: &app)
    try LineCheck.follow("account", in: &app)
    try LineCheck.follow("run", in: &app)
    finish()
    lines = try LineCheck.lines(app)
    #expect(lines.summary.contains { $0.hasPrefix("Stock movements: ") })
    #expect(!lines.rows.isEmpty)
    try LineCheck.follow("column", in: &app)
    try LineCheck.follow("sort", in: &app)
    lines = try LineCheck.lines(app)
    #expect(lines.summary.contains { $0.contains("sorted by") && $0.contains("ascending") })
    try LineCheck.follow("export", in: &app)
    let question = try LineCheck.lines(app)
    LineCheck.check(question, rows: 0)
    #expect(question.actions.map(\.word) == ["csv", "json", "cancel"])
    try LineCheck.follow("json", in: &app)
    let taken = app.takeExport()
    let export = try #require(taken)
    #expect(export.fileName.hasPrefix("movements-") && export.fileName.hasSuffix(".jsonl"))
  }

  @Test func resumeReadsEachDraftAndDiscardsTheOneNamed() throws {
    let context = try DemoFixture.context()
    let (first, second) = try DraftTests.twoDrafts(context)
    var screen = ResumeScreen(drafts: [first, second])
    let lines = screen.lines(context: context)
    LineCheck.check(lines, rows: 2)
    #expect(lines.rows[0].hasPrefix(ResumeScreen.path(first) + ": Step 2 of 3"))
    #expect(lines.actions.map(\.word) == ["discard-1", "discard-2", "fresh"])
    for key in try LineCheck.action("discard-2", in: lines).keys {
      _ = screen.update(key, context: context)
    }
    #expect(screen.discarded == ["bbbbbbbbbbbb"])
    #expect(screen.lines(context: context).actions.map(\.word) == ["discard", "fresh"])
    guard case .quit = screen.openRow(0, context: context) else {
      Issue.record("a row did not resume its draft")
      return
    }
    #expect(screen.decision == .resume(first))
  }

  @Test func theFirstRunPolicyAndMessagesReadAsSentences() throws {
    let empty = AppContext.reference()
    var first = FirstRunScreen()
    let offer = first.lines(context: empty)
    LineCheck.check(offer, rows: 0)
    #expect(offer.summary[0].hasPrefix("There is no data in this data directory yet: /home/jdoe"))
    guard case .createDemoData = first.update(offer.actions[0].keys[0], context: empty) else {
      Issue.record("create did not ask for the demo data")
      return
    }
    let context = try DemoFixture.context()
    let policy = ApprovalPolicyScreen().lines(context: context)
    LineCheck.check(policy, rows: 0)
    #expect(
      policy.summary.dropFirst() == context.state.orders.policyLines().map(RowLine.plain)[...])
    let message = OrderMessageScreen(text: "Ask the support desk.").lines(context: context)
    #expect(message.summary == ["Ask the support desk."])
    let notice = ResumeNotice(message: "RB-1-0001 was taken").lines(context: context)
    LineCheck.check(notice, rows: 0)
    #expect(notice.summary.count == 2 && notice.actions.map(\.word) == ["continue"])
  }
}
