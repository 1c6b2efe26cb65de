import Testing

@testable import TerminalUI

/// The pick list at scale: lookups, ranges, move all shown, the background
/// filter, and the scroll detection the terminal layer uses.
@Suite struct PickListScaleTests {
  static func serial(_ number: Int) -> String {
    let digits = String(number)
    return "RB1-" + String(repeating: "0", count: 8 - digits.count) + digits
  }

  static func list(_ count: Int) -> PickList {
    var list = PickList(
      items: (0..<count).map(serial), leftTitle: "Allocated", rightTitle: "Deallocate")
    list.layout(in: Rect(x: 0, y: 0, width: 76, height: 14))
    return list
  }

  @Test func findsSerialsByBinarySearchAndByLookup() {
    let sorted = Self.list(1_000)
    #expect(sorted.itemsAreSorted)
    #expect(sorted.index(of: Self.serial(517)) == 517)
    #expect(sorted.index(of: "RB1-9") == nil)
    let unsorted = PickList(items: ["B", "A", "C"], leftTitle: "L", rightTitle: "R")
    #expect(!unsorted.itemsAreSorted)
    #expect(unsorted.index(of: "A") == 1)
  }

  @Test func aRangeTakesEverySerialBetweenItsEnds() {
    var list = Self.list(5_000)
    let range = list.items(from: Self.serial(1_999), to: Self.serial(1_000), on: .left)
    #expect(range.count == 1_000)
    #expect(range.first == 1_000 && range.last == 1_999)
    #expect(list.moveToRight(range).count == 1_000)
    #expect(list.count(.right) == 1_000)
    #expect(list.items(from: Self.serial(0), to: Self.serial(4_999), on: .left).count == 4_000)
  }

  @Test func bracketsMarkARangeOfRows() {
    var list = Self.list(100)
    list.startRange()
    for _ in 0..<9 { _ = list.update(.down) }
    #expect(list.rangePreview == 10)
    #expect(list.title(.left).contains("range: 10"))
    #expect(list.endRange() == 10)
    #expect(list.marks(.left) == Set(0..<10))
    list.moveMarked(from: .left)
    #expect(list.count(.right) == 10)
  }

  @Test func moveAllShownMovesWhatTheFilterShows() {
    var list = Self.list(1_000)
    list.setFilter("00000", on: .left)  // RB1-00000000 … RB1-00000999: "00000" in every one
    list.setFilter("0000012", on: .left)  // 12 and 120…129
    #expect(list.shownCount(.left) == 11)
    let moved = list.moveAllShown(from: .left)
    #expect(moved.count == 11)
    #expect(list.rightItems.first == Self.serial(12))
    #expect(list.rightItems.last == Self.serial(129))
    #expect(list.count(.left) == 989)
  }

  @Test func aLongFilterRunsInStepsAndFindsWhatAFullScanFinds() {
    var list = Self.list(100_000)
    list.setFilter("7", on: .left)
    #expect(list.isFiltering(.left))
    #expect(list.title(.left).contains("% searched"))
    list.setFilter("77", on: .left)  // narrowing while the first search runs
    var steps = 0
    while list.continueFiltering() { steps += 1 }
    #expect(steps > 1)
    #expect(!list.isFiltering)
    let expected = (0..<100_000).filter { Self.serial($0).contains("77") }.count
    #expect(list.shownCount(.left) == expected)
    list.setFilter("7", on: .left)  // widening starts again
    list.finishFiltering()
    #expect(list.shownCount(.left) == (0..<100_000).filter { Self.serial($0).contains("7") }.count)
  }

  @Test func undoMovesABatchBack() {
    var list = Self.list(50)
    _ = list.scan(Self.serial(7))
    #expect(list.count(.right) == 1)
    #expect(list.moveToLeft([7]) == [7])
    #expect(list.count(.right) == 0 && list.count(.left) == 50)
    #expect(list.item(.left, row: 7) == 7)
  }
}

/// Finding the band of rows a list scrolled, and scrolling a frame like a terminal.
@Suite struct BufferShiftTests {
  static func frame(top: Int, rows: Int = 10) -> Buffer {
    var buffer = Buffer(width: 20, height: rows + 2)
    buffer.put("title", x: 0, y: 0)
    for row in 0..<rows { buffer.put("row \(top + row)", x: 0, y: 1 + row) }
    buffer.put("legend", x: 0, y: rows + 1)
    return buffer
  }

  @Test func aListScrolledByOneIsOneShift() throws {
    let before = Self.frame(top: 0)
    let after = Self.frame(top: 1)
    let shift = try #require(after.verticalShift(since: before))
    #expect(shift == BufferShift(top: 1, bottom: 10, by: 1))
    let scrolled = before.scrolled(shift)
    // Only the uncovered last row differs after the scroll.
    #expect(Set(after.changes(since: scrolled).map(\.y)) == [10])
  }

  @Test func scrollingUpIsANegativeShift() throws {
    let shift = try #require(Self.frame(top: 4).verticalShift(since: Self.frame(top: 6)))
    #expect(shift.by == -2)
    let scrolled = Self.frame(top: 6).scrolled(shift)
    #expect(Set(Self.frame(top: 4).changes(since: scrolled).map(\.y)) == [1, 2])
  }

  @Test func noShiftForAnUnchangedOrRewrittenFrame() {
    #expect(Self.frame(top: 0).verticalShift(since: Self.frame(top: 0)) == nil)
    #expect(Self.frame(top: 0).verticalShift(since: Self.frame(top: 50)) == nil)
    #expect(Self.frame(top: 0).verticalShift(since: nil) == nil)
  }
}
