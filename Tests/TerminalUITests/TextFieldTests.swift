import Testing

@testable import TerminalUI

@Suite struct TextFieldTests {
  private func typed(_ text: String, into field: inout TextField) {
    for character in text { _ = field.update(.character(character)) }
  }

  @Test func typingInsertsAtTheCursor() {
    var field = TextField(width: 10, maxLength: 20)
    typed("acd", into: &field)
    #expect(field.update(.left) == .handled)
    _ = field.update(.left)
    typed("b", into: &field)
    #expect(field.text == "abcd")
    #expect(field.cursor == 2)
  }

  @Test func movementAndDeletionKeys() {
    var field = TextField(width: 10, maxLength: 20, text: "hello")
    _ = field.update(.home)
    #expect(field.cursor == 0)
    _ = field.update(.delete)
    #expect(field.text == "ello")
    _ = field.update(.control("e"))
    #expect(field.cursor == 4)
    _ = field.update(.backspace)
    #expect(field.text == "ell")
    _ = field.update(.control("a"))
    _ = field.update(.backspace)
    #expect(field.text == "ell")
    _ = field.update(.end)
    _ = field.update(.right)
    #expect(field.cursor == 3)
    _ = field.update(.control("u"))
    #expect(field.text == "")
    #expect(field.cursor == 0)
  }

  @Test func screenKeysAreLeftToTheScreen() {
    var field = TextField(width: 10, maxLength: 20)
    #expect(field.update(.enter) == .activated)
    #expect(field.update(.tab) == .ignored)
    #expect(field.update(.escape) == .ignored)
    #expect(field.update(.up) == .ignored)
    #expect(field.update(.down) == .ignored)
    #expect(field.update(.character("?")) == .handled)
    #expect(field.text == "?")
  }

  @Test func controlCharactersAreRefusedAndTextKept() {
    var field = TextField(width: 10, maxLength: 20, text: "ab")
    _ = field.update(.character("\u{1B}"))
    #expect(field.text == "ab")
    #expect(field.error == "Control characters are not allowed")
    _ = field.update(.paste("x\u{202E}y"))
    #expect(field.text == "ab")
    _ = field.update(.paste("c\u{9B}2J"))
    #expect(field.text == "ab")
    #expect(field.error == TextField.controlMessage)
  }

  @Test func ruleRefusalNamesTheRuleAndClearsOnNextEdit() {
    let rule = FieldRule(message: "Reference allows letters, digits, spaces and - _ / . # :") {
      $0.isLetter || $0.isWholeNumber || " -_/.#:".contains($0)
    }
    var field = TextField(width: 10, maxLength: 20, rule: rule)
    typed("PO-7/a.b#c:d_e", into: &field)
    #expect(field.error == nil)
    _ = field.update(.character("!"))
    #expect(field.text == "PO-7/a.b#c:d_e")
    #expect(field.error == "Reference allows letters, digits, spaces and - _ / . # :")
    _ = field.update(.left)
    #expect(field.error != nil)
    _ = field.update(.character("z"))
    #expect(field.error == nil)
  }

  @Test func maximumLengthCountsCharactersNotBytes() {
    var field = TextField(width: 10, maxLength: 4)
    typed("在庫é", into: &field)
    _ = field.update(.character("e\u{301}"))
    #expect(field.characters.count == 4)
    #expect(field.counterText == "4/4")
    _ = field.update(.character("x"))
    #expect(field.error == "At most 4 characters")
    #expect(field.text == "在庫éé")
  }

  @Test func overflowingPasteIsRefusedWhole() {
    var field = TextField(width: 10, maxLength: 6, text: "abc")
    _ = field.update(.paste("defg"))
    #expect(field.text == "abc")
    #expect(field.error == "At most 6 characters")
    _ = field.update(.paste("def"))
    #expect(field.text == "abcdef")
    #expect(field.error == nil)
  }

  @Test func pasteTakesTheFirstLineTrimmed() {
    var field = TextField(width: 20, maxLength: 20)
    _ = field.update(.paste("  SN-001 \r\nSN-002\n"))
    #expect(field.text == "SN-001")
    #expect(field.cursor == 6)
    #expect(TextField.firstLine(of: "\n\n") == "")
  }

  @Test func rendersBracketsAndCursorCell() {
    let field = TextField(width: 8, maxLength: 20, text: "abc")
    var buffer = Buffer(width: 20, height: 1)
    field.render(into: &buffer, in: buffer.bounds, focused: true)
    #expect(buffer.line(0) == "[abc     ]")
    #expect(buffer[4, 0].style.reverse)
    #expect(!buffer[3, 0].style.reverse)
    #expect(field.cursorPosition(in: buffer.bounds) == Point(x: 4, y: 0))
    var unfocused = Buffer(width: 20, height: 1)
    field.render(into: &unfocused, in: unfocused.bounds, focused: false)
    #expect(!unfocused[4, 0].style.reverse)
  }

  @Test func scrollsToKeepTheCursorVisible() {
    var field = TextField(width: 5, maxLength: 20, text: "abcdefgh")
    var buffer = Buffer(width: 8, height: 1)
    field.render(into: &buffer, in: buffer.bounds, focused: true)
    #expect(buffer.line(0) == "[efgh ]")
    #expect(field.cursorPosition(in: buffer.bounds) == Point(x: 5, y: 0))
    _ = field.update(.home)
    field.render(into: &buffer, in: buffer.bounds, focused: true)
    #expect(buffer.line(0) == "[abcde]")
    #expect(buffer[1, 0].style.reverse)
    _ = field.update(.end)
    _ = field.update(.backspace)
    _ = field.update(.backspace)
    field.render(into: &buffer, in: buffer.bounds, focused: true)
    #expect(buffer.line(0) == "[cdef ]")
  }

  @Test func wideCharactersScrollByCells() {
    let field = TextField(width: 4, maxLength: 10, text: "在庫品")
    var buffer = Buffer(width: 8, height: 1)
    field.render(into: &buffer, in: buffer.bounds, focused: true)
    #expect(buffer.line(0) == "[品  ]")
    #expect(field.cursorPosition(in: buffer.bounds) == Point(x: 3, y: 0))
  }

  @Test func errorIsShownBesideTheBox() {
    var field = TextField(width: 4, maxLength: 2, text: "ab")
    _ = field.update(.character("c"))
    var buffer = Buffer(width: 40, height: 1)
    field.render(into: &buffer, in: buffer.bounds, focused: false)
    #expect(buffer.line(0) == "[ab  ]  At most 2 characters")
    #expect(buffer[8, 0].style == .error)
  }

  @Test func narrowRectClipsTheBox() {
    let field = TextField(width: 10, maxLength: 20, text: "abcdef")
    var buffer = Buffer(width: 10, height: 2)
    field.render(into: &buffer, in: Rect(x: 2, y: 1, width: 5, height: 1), focused: false)
    #expect(buffer.line(0) == "")
    #expect(buffer.line(1) == "  [abcd")
  }
}

extension TextFieldTests {
  @Test func initialTextIsNeutralisedAndCut() {
    let field = TextField(width: 10, maxLength: 4, text: "a\u{1B}bcdef")
    #expect(field.text == "a?bc")
    #expect(field.cursor == 4)
  }
}
