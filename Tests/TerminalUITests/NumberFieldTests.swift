import Testing

@testable import TerminalUI

@Suite struct NumberFieldTests {
  @Test func validNumberHasAValue() {
    var field = NumberField(range: 1...500)
    for character in "42" { _ = field.update(.character(character)) }
    #expect(field.validation == nil)
    #expect(field.value == 42)
    #expect(field.message == nil)
  }

  @Test func emptyFieldAsksForAQuantityOnlyWhenAsked() {
    let field = NumberField(range: 1...500)
    #expect(field.validation == "Type a quantity")
    #expect(field.value == nil)
    #expect(field.message == nil)
  }

  @Test func lettersAreKeptAndExplained() {
    var field = NumberField(range: 1...500, text: "12")
    #expect(field.update(.character("a")) == .handled)
    #expect(field.text == "12a")
    #expect(field.validation == "A whole number, please")
    #expect(field.message == "A whole number, please")
    #expect(field.value == nil)
    _ = field.update(.backspace)
    #expect(field.value == 12)
  }

  @Test func outOfRangeNamesTheLimits() {
    #expect(NumberField(range: 1...500, text: "0").validation == "From 1 to 500")
    #expect(NumberField(range: 1...500, text: "501").validation == "From 1 to 500")
    #expect(NumberField(range: 1...500, text: "99999999999999999999").validation == "From 1 to 500")
    #expect(NumberField(range: 1...500, text: "-3").validation == "A whole number, please")
    #expect(NumberField(range: 1...500, text: " 7 ").value == 7)
  }

  @Test func controlCharactersNeverEnter() {
    var field = NumberField(range: 1...9, text: "5")
    _ = field.update(.paste("\u{7}"))
    #expect(field.text == "5")
    #expect(field.message == TextField.controlMessage)
  }

  @Test func rendersTheFieldAndTheProblemBesideIt() {
    let field = NumberField(range: 1...500, width: 5, text: "7x")
    var buffer = Buffer(width: 40, height: 1)
    field.render(into: &buffer, in: buffer.bounds, focused: true)
    #expect(buffer.line(0) == "[7x   ]  A whole number, please")
    #expect(buffer[3, 0].style.reverse)
    #expect(field.cursorPosition(in: buffer.bounds) == Point(x: 3, y: 0))
  }
}
