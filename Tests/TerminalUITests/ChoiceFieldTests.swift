import Testing

@testable import TerminalUI

@Suite struct ChoiceFieldTests {
  @Test func stepsThroughOptionsBothWaysAndWraps() {
    var field = ChoiceField(options: ["Main", "Returns", "East"], width: 16)
    #expect(field.value == "Main")
    #expect(field.update(.right) == .handled)
    #expect(field.value == "Returns")
    _ = field.update(.left)
    _ = field.update(.left)
    #expect(field.value == "East")
    _ = field.update(.character(" "))
    #expect(field.value == "Main")
    #expect(field.update(.enter) == .activated)
    #expect(field.update(.tab) == .ignored)
  }

  @Test func rendersValueArrowAndPosition() {
    var buffer = Buffer(width: 30, height: 1)
    ChoiceField(options: ["Main", "Returns"], selected: 1, width: 14)
      .render(into: &buffer, in: buffer.bounds, focused: true)
    #expect(buffer.line(0) == "[ Returns   ▾] 2/2")
    #expect(buffer[2, 0].style.reverse)
  }
}
