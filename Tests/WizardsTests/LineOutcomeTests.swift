import StockroomDomain
import TerminalUI
import TestSupport
import Testing

@testable import Wizards

/// The line mode answers every answer: one that runs something says its outcome even when
/// nothing changed (a report run again, acting as the employee acted as already); `act`
/// chooses the employee to act as by number or name; an empty line at Confirm re-asks in
/// one line rather than reprinting the summary.
@Suite struct LineOutcomeTests {
  @Test(.postgres) func theDatabaseCasesRun() throws { try StoreKind.reachTheServer() }

  /// Hands an input to the app, finishes its background work and runs its commit, as the
  /// executable's loop does.
  static func send(_ app: inout App, _ input: LineInput) {
    LineSessionTests.send(&app, input)
    while app.idle() {}
  }

  static func app(_ fixture: LineFixture) throws -> App {
    App(home: Home.screen(), size: LineFixture.lineSize, context: try fixture.deskContext())
  }

  @Test(arguments: StoreKind.available)
  func aReportRunAgainSaysItsRowsAgain(kind: StoreKind) throws {
    let fixture = try LineFixture(kind)
    var app = try Self.app(fixture)
    app.carryOut(.push(ReportsScreen(context: app.context)))
    while app.idle() {}
    var session = LineSession()
    _ = session.show(app, force: true)
    let all = try #require(app.context.store?.lastSequence)
    let rows = "Transactions: \(all) rows."
    let first = session.answer("run", app: &app, send: Self.send)
    #expect(first.contains(rows), "\(first)")
    let again = session.answer("run", app: &app, send: Self.send)
    #expect(again.contains(rows), "\(again)")
  }

  @Test(arguments: StoreKind.available)
  func actChoosesTheEmployeeByNumberOrName(kind: StoreKind) throws {
    let fixture = try LineFixture(kind)
    var app = try Self.app(fixture)
    app.carryOut(OrderScreens.open(app.context))
    var session = LineSession()
    let opened = session.show(app, force: true)
    #expect(opened.contains { $0.contains("act: Act as another employee") }, "\(opened)")
    let listed = session.answer("act", app: &app, send: Self.send)
    let book = app.context.state.orders
    #expect(listed.count == book.employees.count + 2, "\(listed)")
    let priya = try #require(book.employees.first { $0.name == "Priya Raman" })
    let number = try #require(book.employees.firstIndex { $0.id == priya.id }) + 1
    #expect(listed.contains("\(number) Priya Raman (\(priya.id))"), "\(listed)")
    let byName = session.answer("act priya", app: &app, send: Self.send)
    #expect(byName.contains { $0.contains("Acting as Priya Raman (\(priya.id))") }, "\(byName)")
    // Acting as her again says so again.
    let again = session.answer("act Priya Raman", app: &app, send: Self.send)
    #expect(again.contains { $0.contains("Acting as Priya Raman (\(priya.id))") }, "\(again)")
    let kenji = try #require(book.employees.first { $0.name == "Kenji Sato" })
    let byNumber = try #require(book.employees.firstIndex { $0.id == kenji.id }) + 1
    let chosen = session.answer("act \(byNumber)", app: &app, send: Self.send)
    #expect(chosen.contains { $0.contains("Acting as Kenji Sato (\(kenji.id))") }, "\(chosen)")
    let unknown = session.answer("act Atlantis", app: &app, send: Self.send)
    #expect(unknown.first?.hasPrefix("Error: Atlantis is not one of them") == true, "\(unknown)")
    #expect((app.current as? MyOrdersScreen)?.session.actor == kenji.id)
  }

  @Test(arguments: StoreKind.available)
  func anEmptyLineAtConfirmReasksInOneLine(kind: StoreKind) throws {
    let fixture = try LineFixture(kind)
    var app = try Self.app(fixture)
    try LineFixture.openMobilePass(&app)
    var session = LineSession()
    _ = session.show(app, force: true)
    var confirm: [String] = []
    for answer in ["2", "2", "RMA-7", "", ""] {
      confirm = session.answer(answer, app: &app, send: Self.send)
    }
    #expect(confirm.first == "Deallocate MobilePASS, step 3 of 3, Confirm.", "\(confirm)")
    let empty = session.answer("", app: &app, send: Self.send)
    #expect(empty == ["Type confirm to commit it, or :back."])
    let done = session.answer("confirm", app: &app, send: Self.send)
    #expect(done.first?.hasPrefix("Committed as T") == true, "\(done)")
  }
}
