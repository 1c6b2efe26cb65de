import StockroomDomain
import TerminalUI
import TestSupport
import Testing

@testable import Wizards

/// A wizard's table in the line mode (issue 21): the rows it offers read as numbered lines,
/// each value named by its column, 20 at a time; a number or a serial chooses a row as ↓
/// does on screen; a bad number is refused with the same question; `:filter` narrows the
/// rows through the table's search field.
@Suite struct LineTableTests {
  @Test(.postgres) func theDatabaseCasesRun() throws { try StoreKind.reachTheServer() }

  /// The add-item wizard of `number` in an app, at its New item table, the question shown.
  static func atNewItem(
    _ fixture: LineFixture, _ number: String = "SUB-000003"
  ) throws -> (App, LineSession, [String]) {
    var app = App(home: Home.screen(), size: LineFixture.lineSize, context: fixture.context)
    let subscription = try #require(app.context.state.subscriptions.subscription(number))
    app.carryOut(
      .push(SubscriptionActionFlow.make(.add, subscription: subscription, context: app.context)))
    var session = LineSession()
    let search = session.show(app, force: true)
    #expect(search.contains { $0.hasPrefix("New Installed Item Serial No (text)") }, "\(search)")
    let table = session.answer("", app: &app, send: LineSessionTests.send)
    return (app, session, table)
  }

  static func wizard(_ app: App) throws -> WizardScreen<SubscriptionActionFlow> {
    try #require(app.current as? WizardScreen<SubscriptionActionFlow>)
  }

  /// The lines numbered as rows ("3 STB-10003: Product ...").
  static func numbered(_ lines: [String]) -> [String] {
    lines.filter { $0.wholeMatch(of: /\d+ [^ ]+: .*/) != nil }
  }

  @Test(arguments: StoreKind.available)
  func theRowsAreOfferedNumberedAndANumberChoosesOne(kind: StoreKind) throws {
    let fixture = try LineFixture(kind)
    var (app, session, question) = try Self.atNewItem(fixture)
    let candidates = try Self.wizard(app).answers.candidates
    try #require(candidates.count > 2)
    #expect(question.contains { $0.hasPrefix("New item (table, required)") }, "\(question)")
    let rows = Self.numbered(question)
    #expect(rows.count == min(candidates.count, LineSession.page), "\(question)")
    let second = candidates[1]
    let line = try #require(rows.first { $0.hasPrefix("2 \(second.serial): ") })
    #expect(line.contains("Product \(app.context.state.subscriptions.productName(second.product))"))
    #expect(line.contains("Warehouse \(second.warehouse)"), "\(line)")
    #expect(
      question.last == "Type a row's number (1 to \(candidates.count)) or its serial to choose "
        + "it, :filter TEXT to narrow the rows, or Enter to keep it.", "\(question)")

    for bad in ["0", "\(candidates.count + 1)", "no-such-serial"] {
      let refused = session.answer(bad, app: &app, send: LineSessionTests.send)
      #expect(refused.first?.hasPrefix("Error: \(bad) is not a row: type a row's number") == true)
      #expect(refused.contains { $0.hasPrefix("New item (table, required)") }, "\(refused)")
      #expect(try Self.wizard(app).answers.candidate?.serial == candidates[0].serial)
    }
    let chosen = session.answer("2", app: &app, send: LineSessionTests.send)
    #expect(try Self.wizard(app).answers.candidate?.serial == second.serial)
    #expect(chosen.contains { $0.hasPrefix("Ownership (radio, required)") }, "\(chosen)")
  }

  @Test(arguments: StoreKind.available)
  func aSerialChoosesItsRowAndFilterNarrowsTheRows(kind: StoreKind) throws {
    let fixture = try LineFixture(kind)
    var (app, session, _) = try Self.atNewItem(fixture)
    let last = try #require(try Self.wizard(app).answers.candidates.last)
    let narrowed = session.answer(
      ":filter \(last.serial)", app: &app, send: LineSessionTests.send)
    #expect(Self.numbered(narrowed).map { $0.prefix { $0 != ":" } } == ["1 \(last.serial)"])
    #expect(narrowed.first == "Add Installed Item, step 1 of 3, New item.", "\(narrowed)")
    #expect(try Self.wizard(app).answers.search.text == last.serial)
    _ = session.answer(last.serial.lowercased(), app: &app, send: LineSessionTests.send)
    #expect(try Self.wizard(app).answers.candidate?.serial == last.serial)
  }

  @Test(arguments: StoreKind.available)
  func moreReadsTheNextTwentyRows(kind: StoreKind) throws {
    let fixture = try LineFixture(kind)
    var (app, session, question) = try Self.atNewItem(fixture)
    let count = try Self.wizard(app).answers.candidates.count
    try #require(count > LineSession.page, "the demo offers \(count) items to add")
    let left = count - LineSession.page
    #expect(question.contains("\(left) more rows: :more shows the next \(min(left, 20))."))
    let more = session.answer(":more", app: &app, send: LineSessionTests.send)
    #expect(more.first?.hasPrefix("21 ") == true, "\(more)")
    #expect(Self.numbered(more).count == min(left, LineSession.page), "\(more)")
    let chosen = session.answer("\(LineSession.page + 1)", app: &app, send: LineSessionTests.send)
    #expect(chosen.contains { $0.hasPrefix("Ownership (radio, required)") }, "\(chosen)")
    let candidates = try Self.wizard(app).answers.candidates
    #expect(try Self.wizard(app).answers.candidate == candidates[LineSession.page])
  }

  /// The swap's Installed Items table is read the same way, bundles' components named.
  @Test(arguments: StoreKind.available)
  func installedItemsAreOfferedAsRows(kind: StoreKind) throws {
    let fixture = try LineFixture(kind)
    var app = App(home: Home.screen(), size: LineFixture.lineSize, context: fixture.context)
    let subscription = try #require(app.context.state.subscriptions.subscription("SUB-000001"))
    app.carryOut(
      .push(SubscriptionActionFlow.make(.swap, subscription: subscription, context: app.context)))
    var session = LineSession()
    let question = session.show(app, force: true)
    let items = try Self.wizard(app).answers.items
    #expect(Self.numbered(question).count == items.count, "\(question)")
    #expect(question.contains { $0.hasPrefix("1 \(items[0].serial): Product ") }, "\(question)")
    let refused = session.answer("99", app: &app, send: LineSessionTests.send)
    #expect(refused.first?.hasPrefix("Error: 99 is not a row") == true, "\(refused)")
  }

  /// The receiving wizard's Serials to receive are read as rows too, and a number
  /// highlights one as ↓ does.
  @Test(arguments: StoreKind.available)
  func theSerialsToReceiveAreOfferedAsRows(kind: StoreKind) throws {
    let fixture = try LineFixture(kind)
    var app = App(home: Home.screen(), size: LineFixture.lineSize, context: fixture.context)
    var made = ReceiveFlow.make(context: app.context)
    for serial in ["NEW-0001", "NEW-0002", "NEW-0003"] {
      made.answers.serials.entered(serial, state: app.context.state)
    }
    app.carryOut(
      .push(
        WizardScreen(
          flow: made.flow, answers: made.answers, at: WizardPlace(.items, .serials(.list)))))
    var session = LineSession()
    let question = session.show(app, force: true)
    let rows = ["1 NEW-0001", "2 NEW-0002", "3 NEW-0003"]
    #expect(
      question.filter { $0.hasPrefix("1 ") || $0.hasPrefix("2 ") || $0.hasPrefix("3 ") } == rows)
    #expect(question.last?.hasPrefix("Type a row's number (1 to 3) or its serial") == true)
    let refused = session.answer("4", app: &app, send: LineSessionTests.send)
    #expect(refused.first?.hasPrefix("Error: 4 is not a row") == true, "\(refused)")
    _ = session.answer("2", app: &app, send: LineSessionTests.send)
    let wizard = try #require(app.current as? WizardScreen<ReceiveFlow>)
    #expect(wizard.answers.serials.table.cursor == 1)
  }
}
