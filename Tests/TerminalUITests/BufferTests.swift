import Testing

@testable import TerminalUI

@Suite struct BufferTests {
  @Test func putWritesTextAndClips() {
    var buffer = Buffer(width: 10, height: 2)
    buffer.put("Stockroom inventory", x: 2, y: 0)
    #expect(buffer.line(0) == "  Stockroo")
    #expect(buffer.line(1) == "")
  }

  @Test func wideCharacterTakesTwoCells() {
    var buffer = Buffer(width: 6, height: 1)
    let end = buffer.put("在庫x", x: 0, y: 0)
    #expect(end == 5)
    #expect(buffer[1, 0].isContinuation)
    #expect(buffer.line(0) == "在庫x")
  }

  @Test func wideCharacterAtEdgeBecomesSpace() {
    var buffer = Buffer(width: 3, height: 1)
    buffer.put("ab在", x: 0, y: 0)
    #expect(buffer.line(0) == "ab")
    #expect(!buffer[2, 0].isContinuation)
  }

  @Test func overwritingHalfAWideCharacterClearsTheOtherHalf() {
    var buffer = Buffer(width: 4, height: 1)
    buffer.put("在", x: 0, y: 0)
    buffer.put("z", x: 1, y: 0)
    #expect(buffer.line(0) == " z")
    #expect(!buffer[1, 0].isContinuation)
  }

  @Test func controlCharactersAreNeutralised() {
    var buffer = Buffer(width: 10, height: 1)
    buffer.put("a\u{1B}[2Jb\u{202E}", x: 0, y: 0)
    #expect(buffer.line(0) == "a?[2Jb?")
  }

  @Test func changesListOnlyDifferingRuns() {
    var before = Buffer(width: 10, height: 3)
    before.put("hello", x: 0, y: 1)
    var after = before
    after.put("J", x: 0, y: 1)
    after.put("!", x: 9, y: 2)
    let spans = after.changes(since: before)
    #expect(spans.count == 2)
    #expect(spans[0].y == 1 && spans[0].x == 0 && spans[0].cells.count == 1)
    #expect(spans[1].y == 2 && spans[1].x == 9)
    #expect(after.changes(since: after).isEmpty)
    #expect(after.changes(since: nil).count == 3)
  }

  @Test func boxDrawsTitle() {
    var buffer = Buffer(width: 12, height: 3)
    Box.draw(into: &buffer, buffer.bounds, title: "Log")
    #expect(buffer.line(0) == "┌ Log ─────┐")
    #expect(buffer.line(1) == "│          │")
    #expect(buffer.line(2) == "└──────────┘")
  }

  @Test func legendKeepsHelpAndDropsWhatDoesNotFit() {
    let bindings: [KeyBinding] = [.move, .nextField, .mark, .back, .help]
    #expect(
      Legend.text(for: bindings, width: 80)
        == "↑↓ move  Tab next field  Space mark  Esc back  F1 ? help")
    #expect(
      Legend.text(for: bindings, width: 30) == "↑↓ move  Tab next field  F1 ? help"
        || Legend.text(for: bindings, width: 30).hasSuffix("F1 ? help"))
  }

  @Test func wrapBreaksAtSpaces() {
    #expect(TextLayout.wrap("one two three", width: 7) == ["one two", "three"])
    #expect(TextLayout.truncate("RB1-00040117", to: 6) == "RB1-0…")
  }
}
