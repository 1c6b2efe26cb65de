import Testing

@testable import TerminalUI

@Suite struct RadioGroupTests {
  private let options: [RadioGroup.Option] = [
    .init("Receive", hint: "goods in"),
    .init("Ship", disabledReason: "nothing in stock"),
    .init("Count"),
  ]

  @Test func arrowsSkipDisabledOptions() {
    var group = RadioGroup(options: options)
    #expect(group.highlighted == 0)
    #expect(group.update(.down) == .handled)
    #expect(group.highlighted == 2)
    _ = group.update(.down)
    #expect(group.highlighted == 2)
    _ = group.update(.up)
    #expect(group.highlighted == 0)
    #expect(group.selected == nil)
  }

  @Test func spaceChoosesAndEnterActivates() {
    var group = RadioGroup(options: options)
    #expect(group.update(.character(" ")) == .handled)
    #expect(group.selected == 0)
    _ = group.update(.down)
    #expect(group.update(.enter) == .activated)
    #expect(group.selected == 2)
    #expect(group.selectedOption?.label == "Count")
    #expect(group.update(.tab) == .ignored)
  }

  @Test func disabledOptionCannotBeChosen() {
    var group = RadioGroup(options: [.init("Ship", disabledReason: "no stock")])
    #expect(group.update(.enter) == .handled)
    #expect(group.selected == nil)
  }

  @Test func rendersMarkersHintsAndReasons() {
    var group = RadioGroup(options: options, selected: 2)
    _ = group.update(.up)
    var buffer = Buffer(width: 40, height: 3)
    group.render(into: &buffer, in: buffer.bounds, focused: true)
    #expect(buffer.line(0) == "( ) Receive  goods in")
    #expect(buffer.line(1) == "( ) Ship  nothing in stock")
    #expect(buffer.line(2) == "(•) Count")
    #expect(buffer[0, 0].style.reverse)
    #expect(buffer[10, 0].style.reverse)
    #expect(!buffer[13, 0].style.reverse)
    #expect(buffer[13, 0].style.dim)
    #expect(buffer[4, 1].style.dim)
    #expect(!buffer[0, 2].style.reverse)
  }

  @Test func scrollsToTheHighlightInAShortRect() {
    var group = RadioGroup(options: options)
    _ = group.update(.down)
    var buffer = Buffer(width: 20, height: 1)
    group.render(into: &buffer, in: buffer.bounds, focused: false)
    #expect(buffer.line(0) == "( ) Count")
  }
}
