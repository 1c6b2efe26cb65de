import Testing

@testable import TerminalUI

@Suite struct CheckListTests {
  private func list(_ count: Int, viewHeight: Int = 4) -> CheckList {
    CheckList(items: (1...count).map { CheckList.Item("Item \($0)") }, viewHeight: viewHeight)
  }

  @Test func spaceTogglesTheHighlightedRow() {
    var checks = list(3)
    _ = checks.update(.down)
    #expect(checks.update(.character(" ")) == .handled)
    #expect(checks.markedIndices == [1])
    _ = checks.update(.character(" "))
    #expect(checks.markedCount == 0)
    #expect(checks.update(.enter) == .ignored)
    #expect(checks.update(.tab) == .ignored)
  }

  @Test func movesAndPagesWithinBounds() {
    var checks = list(20)
    _ = checks.update(.up)
    #expect(checks.highlighted == 0)
    _ = checks.update(.pageDown)
    #expect(checks.highlighted == 3)
    _ = checks.update(.end)
    #expect(checks.highlighted == 19)
    _ = checks.update(.down)
    #expect(checks.highlighted == 19)
    _ = checks.update(.pageUp)
    #expect(checks.highlighted == 16)
    _ = checks.update(.home)
    #expect(checks.highlighted == 0)
    #expect(checks.scrollOffset == 0)
  }

  @Test func scrollsOnlyWhenTheHighlightLeavesTheWindow() {
    var checks = list(10)
    _ = checks.update(.down)
    _ = checks.update(.down)
    #expect(checks.scrollOffset == 0)
    _ = checks.update(.down)
    #expect(checks.scrollOffset == 1)
    _ = checks.update(.up)
    _ = checks.update(.up)
    #expect(checks.scrollOffset == 1)
    _ = checks.update(.up)
    #expect(checks.scrollOffset == 0)
  }

  @Test func rendersMarksHighlightAndMoreLine() {
    var checks = list(10)
    _ = checks.update(.down)
    _ = checks.update(.character(" "))
    var buffer = Buffer(width: 14, height: 4)
    checks.render(into: &buffer, in: buffer.bounds, focused: true)
    #expect(buffer.line(0) == "[ ] Item 1")
    #expect(buffer.line(1) == "[x] Item 2")
    #expect(buffer.line(2) == "[ ] Item 3")
    #expect(buffer.line(3) == "↓ 7 more")
    #expect(buffer[13, 1].style.reverse)
    #expect(!buffer[0, 0].style.reverse)
    #expect(buffer[0, 3].style.dim)
  }

  @Test func shortListUsesEveryRow() {
    let checks = list(2)
    var buffer = Buffer(width: 14, height: 3)
    checks.render(into: &buffer, in: buffer.bounds, focused: false)
    #expect(buffer.text == "[ ] Item 1\n[ ] Item 2\n\n")
  }

  @Test func largeListRendersOnlyTheWindow() {
    var checks = list(100_000, viewHeight: 5)
    for _ in 0..<3 { _ = checks.update(.pageDown) }
    _ = checks.update(.end)
    var buffer = Buffer(width: 20, height: 5)
    checks.render(into: &buffer, in: buffer.bounds, focused: true)
    #expect(buffer.line(0) == "[ ] Item 99997")
    #expect(buffer.line(3) == "[ ] Item 100000")
    #expect(buffer.line(4) == "")
  }

  @Test func movingTheHighlightChangesTwoRows() {
    var checks = list(10_000, viewHeight: 10)
    var before = Buffer(width: 20, height: 10)
    checks.render(into: &before, in: before.bounds, focused: true)
    _ = checks.update(.down)
    var after = before
    checks.render(into: &after, in: after.bounds, focused: true)
    #expect(Set(after.changes(since: before).map(\.y)) == [0, 1])
  }

  @Test func emptyListSaysSo() {
    var checks = CheckList(items: [], emptyText: "No items")
    #expect(checks.update(.character(" ")) == .handled)
    var buffer = Buffer(width: 14, height: 2)
    checks.render(into: &buffer, in: buffer.bounds, focused: true)
    #expect(buffer.line(0) == "No items")
  }

  @Test func renderFollowsTheHighlightWhenTheRectIsShorter() {
    var checks = list(10, viewHeight: 8)
    for _ in 0..<6 { _ = checks.update(.down) }
    var buffer = Buffer(width: 14, height: 3)
    checks.render(into: &buffer, in: buffer.bounds, focused: true)
    #expect(buffer.line(0) == "[ ] Item 6")
    #expect(buffer.line(1) == "[ ] Item 7")
    #expect(buffer.line(2) == "↓ 3 more")
  }
}
