import StockroomDomain
import StockroomStore
import TerminalUI
import Testing

@testable import Wizards

/// The hardware pick list lays itself out for the terminal it is in: at
/// 120x40 it shows more rows, PgDn moves by the rows shown (the first PgDn
/// moves the highlight), a click selects the row under it, and a resize in
/// the middle of the wizard keeps every answer, mark and highlight.
@Suite(.serialized) struct PickListLayoutTests {
  static let wide = Size(width: 120, height: 40)

  func press(_ app: inout App, _ keys: Key...) {
    for key in keys {
      app.handle(key)
      app.runPendingCommit()
    }
  }

  /// Contoso Bank's RB-1 pick list (567 serials) after Search, focus on Allocated.
  func pickList(size: Size) throws -> App {
    var app = App(home: Home.screen(), size: size, context: try DemoFixture.context())
    press(&app, .enter)
    for character in "Contoso" { press(&app, .character(character)) }
    press(&app, .enter, .right, .right, .right, .right, .right, .enter)
    press(&app, .tab, .enter, .tab)
    return app
  }

  func screen(_ app: App) throws -> WizardScreen<DeallocationFlow> {
    try #require(app.current as? WizardScreen<DeallocationFlow>)
  }

  func cursor(_ app: App) throws -> Int {
    try #require(try screen(app).answers.pickList).viewport(.left).cursor
  }

  func pageSize(_ app: App) throws -> Int {
    try #require(try screen(app).answers.pickList).viewport(.left).pageSize
  }

  @Test func referenceScreenAt120x40() throws {
    var app = try pickList(size: Self.wide)
    press(&app, .character(" "), .down, .down, .character(" "), .right)
    ScreenSnapshot.check(app.render().buffer, "deallocate-hardware/select-serials-120x40")
  }

  @Test func pageDownMovesByTheRowsShown() throws {
    for size in [Size.minimum, Self.wide, Size(width: 97, height: 31)] {
      var app = try pickList(size: size)
      let page = try pageSize(app)
      #expect(page == size.height - 13, "\(size): \(page) rows")
      #expect(try cursor(app) == 0)
      press(&app, .pageDown)
      #expect(try cursor(app) == page, "\(size): the first PgDn moves by the rows shown")
      press(&app, .pageUp)
      #expect(try cursor(app) == 0)
    }
  }

  @Test func aClickSelectsTheRowUnderIt() throws {
    var app = try pickList(size: Self.wide)
    let buffer = app.render().buffer
    let before = try #require(try screen(app).answers.pickList)
    // The 20th row shown: a row a fixed 80x24 layout would not have.
    let serial = before.items[20]
    let row = try #require((0..<buffer.height).first { buffer.line($0).contains(serial) })
    #expect(row > 24)
    press(&app, .mouse(Mouse(.press, x: 10, y: row)))
    let list = try #require(try screen(app).answers.pickList)
    let item = try #require(list.cursorItem(.left))
    #expect(list.items[item] == serial)
  }

  @Test func aResizeInTheMiddleKeepsAnswersMarksAndHighlight() throws {
    var app = try pickList(size: .minimum)
    press(&app, .character(" "), .down, .down, .right, .down, .character(" "))
    let before = try screen(app)
    let picked = try #require(before.answers.pickList).rightItems
    let marks = try #require(before.answers.pickList).marks(.left)
    let highlight = try cursor(app)
    for size in [Size(width: 132, height: 43), .minimum, Self.wide] {
      press(&app, .resize(size))
      _ = app.render()
      let after = try screen(app)
      #expect(after.answers.pickList?.rightItems == picked, "\(size)")
      #expect(after.answers.pickList?.marks(.left) == marks, "\(size)")
      #expect(try cursor(app) == highlight, "\(size)")
      #expect(after.place == before.place, "\(size)")
    }
  }
}
