import Testing

@testable import CursesTerminal
@testable import TerminalUI

@Suite struct KeyDecodingTests {
  func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

  @Test func plainKeys() {
    #expect(KeyDecoding.key(forCharacter: 9) == .tab)
    #expect(KeyDecoding.key(forCharacter: 13) == .enter)
    #expect(KeyDecoding.key(forCharacter: 10) == .enter)
    #expect(KeyDecoding.key(forCharacter: 127) == .backspace)
    #expect(KeyDecoding.key(forCharacter: 3) == .control("c"))
    #expect(KeyDecoding.key(forCharacter: 16) == .control("p"))
    #expect(KeyDecoding.key(forCharacter: 0x61) == .character("a"))
    #expect(KeyDecoding.key(forCharacter: 0xE9) == .character("é"))
  }

  @Test func controlAndBidiCharactersNeverBecomeText() {
    #expect(KeyDecoding.key(forCharacter: 0x9B) == nil)
    #expect(KeyDecoding.key(forCharacter: 0x202E) == nil)
  }

  @Test func vt100AndXtermSequences() {
    #expect(KeyDecoding.escapeSequence(scalars("[Z")) == .key(.backTab))
    #expect(KeyDecoding.escapeSequence(scalars("[6~")) == .key(.pageDown))
    #expect(KeyDecoding.escapeSequence(scalars("[15~")) == .key(.function(5)))
    #expect(KeyDecoding.escapeSequence(scalars("OP")) == .key(.function(1)))
    #expect(KeyDecoding.escapeSequence(scalars("[1;5A")) == .key(.up))
    #expect(KeyDecoding.escapeSequence(scalars("[200~")) == .pasteStart)
    #expect(KeyDecoding.escapeSequence(scalars("[99~")) == .unknown)
    #expect(KeyDecoding.escapeSequence(scalars("[")) == .unknown)
  }

  @Test func pasteIsCollectedWholeWithLineEndsAsNewlines() {
    var paste = PasteCollector()
    for value in scalars("RB1-1\r\nRB1-2\rRB1-3\u{1B}[201~") {
      #expect(!paste.isFinished)
      paste.append(value)
    }
    #expect(paste.isFinished)
    #expect(paste.text == "RB1-1\nRB1-2\nRB1-3")
  }

  @Test func glyphsFallBackToACSOrOneCellOfASCII() {
    #expect(GlyphFallback.of("─") == .lineDrawing(UInt8(ascii: "q")))
    #expect(GlyphFallback.of("┌") == .lineDrawing(UInt8(ascii: "l")))
    #expect(GlyphFallback.of("▶") == .ascii(UInt8(ascii: ">")))
    #expect(GlyphFallback.of("…") == .ascii(UInt8(ascii: ".")))
    #expect(GlyphFallback.of("a") == .ascii(UInt8(ascii: "a")))
    #expect(GlyphFallback.of("✉") == .ascii(UInt8(ascii: "@")))
    #expect(GlyphFallback.of("在") == .ascii(UInt8(ascii: "?")))
  }
}

@Suite struct PasteLimitTests {
  @Test func aPasteOverTheLimitIsReadToItsEndButKeptOnlyJustOverTheLimit() {
    var paste = PasteCollector()
    for _ in 0..<((1 << 20) + 500) { paste.append(0x41) }
    #expect(!paste.isFinished)
    for value: UInt32 in [27, 0x5B, 0x32, 0x30, 0x31, 0x7E] { paste.append(value) }
    #expect(paste.isFinished)
    #expect(paste.text.unicodeScalars.count == (1 << 20) + 1)
  }
}
