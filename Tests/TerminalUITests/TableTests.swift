import Testing

@testable import TerminalUI

/// How a table shares out the width it is given, and pages by the rows it shows.
@Suite struct TableTests {
  static let texts = [
    ["T1", "short", "a"],
    ["T2", "a much longer summary of what moved", "b"],
  ]

  func table(_ columns: [Table.Column], rows: [[String]] = texts) -> Table {
    Table(columns: columns, rowCount: rows.count) { row, column in
      rows.indices.contains(row) && rows[row].indices.contains(column) ? rows[row][column] : ""
    }
  }

  @Test func fixedAndRestColumnsAreLaidOutAsAlways() {
    let plain = table([.init("ID", width: 4), .init("What", width: 10), .init("Ref", width: 0)])
    #expect(plain.columnWidths(in: 30) == [4, 10, 14])
    #expect(plain.columnWidths(in: 10) == [4, 10, 0])
  }

  @Test func aCutColumnGrowsIntoTheRoomLeftAndNoFurther() {
    var grown = table([
      .init("ID", width: 4), .init("What", width: 10), .init("Ref", width: 0, minWidth: 6),
    ])
    grown.fitToContent(columns: [1])
    #expect(grown.columns[1].maxWidth == 35)
    // As wide as the columns need: nothing grows, the rest column keeps its minimum.
    #expect(grown.columnWidths(in: 22) == [4, 10, 6])
    // Wider: the cut column takes what it needs, the rest column the remainder.
    #expect(grown.columnWidths(in: 40) == [4, 28, 6])
    #expect(grown.columnWidths(in: 80) == [4, 35, 39])
    // Narrower than needed: the rest column shrinks first, as it always did.
    #expect(grown.columnWidths(in: 18) == [4, 10, 2])
  }

  @Test func aColumnWhoseTextFitsDoesNotGrow() {
    var fitting = table([.init("ID", width: 4), .init("Short", width: 10), .init("R", width: 0)])
    fitting.fitToContent(columns: [0])
    #expect(fitting.columnWidths(in: 40) == [4, 10, 24])
  }

  @Test func growingColumnsShareTheRoomInTurn() {
    let two = table([
      .init("A", width: 4, maxWidth: 10), .init("B", width: 4, maxWidth: 20),
    ])
    #expect(two.columnWidths(in: 15) == [7, 7])
    #expect(two.columnWidths(in: 16) == [8, 7])
    #expect(two.columnWidths(in: 50) == [10, 20])
  }

  @Test func optionalColumnsShowOnlyWhenTheyFit() {
    let orders = table([
      .init("ID", width: 4), .init("For", width: 0, minWidth: 6),
      .init("Approver", width: 8, optional: true), .init("When", width: 5, optional: true),
    ])
    #expect(orders.columnWidths(in: 11) == [4, 6, nil, nil])
    // Too narrow for Approver, wide enough for When: When shows.
    #expect(orders.columnWidths(in: 19) == [4, 8, nil, 5])
    #expect(orders.columnWidths(in: 20) == [4, 6, 8, nil])
    #expect(orders.columnWidths(in: 26) == [4, 6, 8, 5])
    #expect(orders.columnWidths(in: 40) == [4, 20, 8, 5])

    var buffer = Buffer(width: 20, height: 4)
    orders.render(into: &buffer, in: buffer.bounds, focused: true)
    #expect(buffer.line(0) == "ID   For    Approver")
    var narrow = Buffer(width: 19, height: 4)
    orders.render(into: &narrow, in: narrow.bounds, focused: true)
    #expect(!narrow.line(0).contains("Approver"))
  }

  @Test func pagesByTheRowsShownAndClicksFindTheirRow() {
    let rows = (0..<100).map { ["R\($0)", "", ""] }
    var tall = table([.init("ID", width: 6)], rows: rows)
    tall.layout(in: Rect(x: 0, y: 2, width: 20, height: 31))
    // 30 lines under the header, one kept for "↓ N more": 29 rows a page.
    #expect(tall.viewport.pageSize == 29)
    _ = tall.update(.pageDown)
    #expect(tall.cursor == 29)
    _ = tall.update(.pageDown)
    #expect(tall.cursor == 58)
    _ = tall.update(.pageUp)
    #expect(tall.cursor == 29)
    // The window now starts at row 29, drawn on line 3: a click on line 13 is row 39.
    #expect(tall.update(.mouse(Mouse(.press, x: 2, y: 13))) == .handled)
    #expect(tall.cursor == 39)
    // Laid out again in a shorter rectangle (a resize), the same row stays highlighted.
    tall.layout(in: Rect(x: 0, y: 2, width: 20, height: 8))
    #expect(tall.cursor == 39)
    #expect(tall.viewport.visibleRows.contains(39))
  }

  @Test func aRebuiltTableKeepsItsScroll() {
    var viewport = ListViewport(count: 100, height: 10)
    viewport.moveCursor(to: 25, top: 20)
    #expect(viewport.top == 20)
    #expect(viewport.cursor == 25)
    // A top that would hide the cursor gives way.
    viewport.moveCursor(to: 50, top: 20)
    #expect(viewport.top == 41)
    viewport.moveCursor(to: 99, top: 98)
    #expect(viewport.top == 90)
  }
}
