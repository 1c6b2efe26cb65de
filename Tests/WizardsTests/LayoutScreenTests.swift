import StockroomDomain
import StockroomStore
import TerminalUI
import Testing

@testable import Wizards

/// Screens lay themselves out for the terminal they are in (issue 13): the
/// reference screens at 120x40, and PgUp/PgDn, clicks and resizes using the
/// rows actually shown.
@Suite(.serialized) struct LayoutScreenTests {
  static let wide = Size(width: 120, height: 40)

  /// The demo data at `size`, with `extra` one-unit capacity deallocations
  /// committed for Northwind Traders (ACC-0004) so its log is long.
  func app(size: Size, extra: Int = 0) throws -> App {
    let store = try DemoFixture.store()
    for index in 0..<extra {
      _ = try store.commit(
        .deallocateSoftware(account: "ACC-0004", column: .capacity, quantity: 1, container: nil),
        context: TransactionContext(user: "jdoe", uid: 1001, reference: "PAD-\(index)"),
        key: "layout-pad-\(index)")
    }
    return App(home: Home.screen(), size: size, context: AppContext.reference(store: store))
  }

  func press(_ app: inout App, _ keys: Key...) {
    for key in keys {
      app.handle(key)
      app.runPendingCommit()
    }
  }

  func type(_ app: inout App, _ text: String) {
    for character in text { press(&app, .character(character)) }
  }

  /// Home → Accounts → Northwind Traders' allocation table.
  func openNorthwind(_ app: inout App) {
    press(&app, .enter)
    type(&app, "north")
    press(&app, .enter)
  }

  /// The screen lines of the Transaction Log's rows (they start with a Transaction ID).
  func logRows(_ buffer: Buffer) -> [Int] {
    (0..<buffer.height).filter { buffer.line($0).hasPrefix("│ T0") }
  }

  /// The line drawn in reverse video at column `x`: the highlighted row.
  func highlightedLine(_ buffer: Buffer, x: Int = 3) -> Int? {
    (0..<buffer.height).first { buffer[x, $0].style.reverse }
  }

  /// The Transaction ID on screen line `y`.
  func transactionId(_ buffer: Buffer, _ y: Int) -> String {
    String(buffer.line(y).dropFirst(2).prefix(7))
  }

  @Test func referenceScreensAt120x40() throws {
    var app = try app(size: Self.wide)
    openNorthwind(&app)
    ScreenSnapshot.check(app.render().buffer, "accounts/allocation-120x40")
    press(&app, .down, .enter)
    ScreenSnapshot.check(app.render().buffer, "accounts/transaction-log-120x40")
    // The What column is no longer cut: the whole summary shows.
    #expect(app.render().buffer.text.contains("MobilePASS 136 (owned) → MAIN"))

    var orders = try self.app(size: Self.wide)
    orders.carryOut(
      .push(
        MyOrdersScreen(
          session: OrderSession(actor: "EMP-0004", mayActAsAnyone: true),
          context: orders.context)))
    let buffer = orders.render().buffer
    ScreenSnapshot.check(buffer, "orders/my-orders-120x40")
    #expect(buffer.text.contains("Approver"))
    #expect(buffer.text.contains("Submitted"))
  }

  @Test func allocationColumnsWidenAndClicksFollowThem() throws {
    var app = try app(size: Self.wide)
    openNorthwind(&app)
    let buffer = app.render().buffer
    let account = try #require(app.context.state.accounts.firstIndex { $0.code == "ACC-0004" })
    let titles = app.context.state.allocationTable(account: account).map(\.title)
    let layout = AllocationScreen.layout(in: App.bodyRect(for: Self.wide), titles: titles)
    #expect(layout.columnWidth > AllocationScreen.columnWidth)
    #expect(layout.oneLineHeadings)
    #expect(buffer.line(layout.headerRow).contains("SMS Rental"))
    // A click on the KT-4 Available cell, where it is drawn at this width, opens its wizard.
    let x = layout.cellX(6) + 2
    press(&app, .mouse(Mouse(.press, x: x, y: layout.availableRow)))
    #expect(app.current.title.contains("KT-4") || app.render().buffer.text.contains("KT-4"))
    #expect(app.stack.count == 4)
  }

  @Test func pageDownMovesByTheRowsShown() throws {
    var app = try app(size: Self.wide, extra: 60)
    openNorthwind(&app)
    press(&app, .down, .enter)
    var buffer = app.render().buffer
    let rows = logRows(buffer)
    let total = 77
    #expect(rows.count == 33, "\(buffer.text)")
    #expect(buffer.text.contains("1/\(total)"))
    let firstShown = transactionId(buffer, rows[0])
    #expect(highlightedLine(buffer) == rows[0])

    // The first PgDn moves the highlight by the rows shown, onto the next page.
    press(&app, .pageDown)
    buffer = app.render().buffer
    #expect(buffer.text.contains("\(rows.count + 1)/\(total)"), "\(buffer.text)")
    let page2 = logRows(buffer)
    #expect(highlightedLine(buffer) == page2.first)
    #expect(!page2.map { transactionId(buffer, $0) }.contains(firstShown))
    press(&app, .pageDown)
    #expect(app.render().buffer.text.contains("\(2 * rows.count + 1)/\(total)"))
    press(&app, .pageUp, .pageUp)
    buffer = app.render().buffer
    #expect(buffer.text.contains("1/\(total)"))
    #expect(transactionId(buffer, logRows(buffer)[0]) == firstShown)

    // At 80x24 the same log pages by the 17 rows shown there.
    var small = try self.app(size: .minimum, extra: 60)
    openNorthwind(&small)
    press(&small, .down, .enter)
    let shown = logRows(small.render().buffer).count
    #expect(shown == 17)
    press(&small, .pageDown)
    #expect(small.render().buffer.text.contains("\(shown + 1)/\(total)"))
  }

  @Test func aClickSelectsTheClickedRow() throws {
    var app = try app(size: Self.wide, extra: 60)
    openNorthwind(&app)
    press(&app, .down, .enter)
    var buffer = app.render().buffer
    let rows = logRows(buffer)
    let target = rows[29]
    let id = transactionId(buffer, target)
    press(&app, .mouse(Mouse(.press, x: 40, y: target)), .mouse(Mouse(.release, x: 40, y: target)))
    buffer = app.render().buffer
    #expect(highlightedLine(buffer) == target)
    #expect(buffer.text.contains("30/77"))
    press(&app, .enter)
    #expect(app.current.title == id)

    // After a PgDn the rows have scrolled: a click still lands on the row drawn there.
    press(&app, .escape, .pageDown)
    buffer = app.render().buffer
    let scrolled = logRows(buffer)[5]
    let scrolledId = transactionId(buffer, scrolled)
    press(&app, .mouse(Mouse(.press, x: 10, y: scrolled)))
    #expect(highlightedLine(app.render().buffer) == scrolled)
    press(&app, .enter)
    #expect(app.current.title == scrolledId)

    // The accounts list: a click on the sixth account's row selects it.
    var accounts = try self.app(size: Self.wide)
    press(&accounts, .enter)
    let list = accounts.render().buffer
    let woodgrove = try #require((0..<list.height).first { list.line($0).contains("ACC-0006") })
    press(&accounts, .mouse(Mouse(.press, x: 20, y: woodgrove)))
    #expect(highlightedLine(accounts.render().buffer) == woodgrove)
    press(&accounts, .enter)
    #expect(accounts.current.title == "Woodgrove Credit Union")
  }

  @Test func theReinitializeQuestionTakesClicksWhereItIsDrawn() throws {
    var app = try app(size: Self.wide)
    // Home → Inventory → the Returns Bench row with faulty RB-1 → its first serial.
    type(&app, "5")
    press(&app, .down, .enter, .enter)
    let buffer = app.render().buffer
    #expect(buffer.text.contains("Re-initialize RB1-"))
    let y = try #require((0..<buffer.height).first { buffer.line($0).contains("[ Cancel ]") })
    let line = buffer.line(y)
    // Every character on that line is one cell wide: its index is its column.
    let x = line.prefix(upTo: try #require(line.range(of: "[ Cancel ]")).lowerBound).count
    press(&app, .mouse(Mouse(.press, x: x + 3, y: y)))
    let after = app.render().buffer.text
    #expect(!after.contains("[ Cancel ]"))
    #expect(!after.contains("Re-initialized as"))
    #expect(app.current.title == "Faulty RB-1")
  }

  @Test func aResizeKeepsTheHighlight() throws {
    var app = try app(size: .minimum, extra: 60)
    openNorthwind(&app)
    press(&app, .down, .enter)
    for _ in 0..<40 { press(&app, .down) }
    var buffer = app.render().buffer
    let before = try #require(highlightedLine(buffer))
    let id = transactionId(buffer, before)
    #expect(buffer.text.contains("41/77"))

    press(&app, .resize(Size(width: 132, height: 43)))
    buffer = app.render().buffer
    var line = try #require(highlightedLine(buffer))
    #expect(transactionId(buffer, line) == id)
    #expect(buffer.text.contains("41/77"))
    #expect(logRows(buffer).count == 36)
    // Keys at the new size use its geometry: ↓ moves one row, PgDn a page of 36.
    press(&app, .down)
    buffer = app.render().buffer
    #expect(buffer.text.contains("42/77"))
    let id42 = transactionId(buffer, try #require(highlightedLine(buffer)))

    press(&app, .resize(.minimum))
    buffer = app.render().buffer
    line = try #require(highlightedLine(buffer))
    #expect(transactionId(buffer, line) == id42)
    #expect(buffer.text.contains("42/77"))
    press(&app, .enter)
    #expect(app.current.title == id42)
  }
}
