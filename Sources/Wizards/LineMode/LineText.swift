import TerminalUI

/// What every line of the line mode goes through before it is written: no escape sequence,
/// control character or box drawing reaches a screen reader or a log, and no line is wider
/// than the terminal (wrapped at words, a longer word broken at the width).
public enum LineText {
  /// `text` without ESC, C0 (a newline kept, a tab made a space), DEL, C1 controls or bidi
  /// overrides; box drawing becomes spaces; with `ascii`, every other non-ASCII glyph its
  /// ASCII stand-in (a locale that is not UTF-8).
  public static func cleaned(_ text: String, ascii: Bool = false) -> String {
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if scalar == "\n" {
        result.append(scalar)
      } else if scalar == "\t" || isBoxDrawing(scalar) {
        result.append(" ")
      } else if !TextSafety.isUnsafe(scalar) {
        result.append(scalar)
      }
    }
    let clean = String(result)
    return ascii ? ASCIIStandIn.text(clean) : clean
  }

  /// True for the box-drawing and block characters a screen frames itself with.
  public static func isBoxDrawing(_ scalar: Unicode.Scalar) -> Bool {
    (0x2500...0x259F).contains(scalar.value)
  }

  /// `text` (cleaned first) as lines no wider than `width` cells: each paragraph wrapped at
  /// spaces, its indentation kept on its first line, a word wider than `width` broken.
  public static func wrapped(_ text: String, width: Int, ascii: Bool = false) -> [String] {
    let width = max(1, width)
    var lines: [String] = []
    for paragraph in cleaned(text, ascii: ascii).split(
      separator: "\n", omittingEmptySubsequences: false)
    {
      lines += wrap(String(paragraph), width: width)
    }
    return lines
  }

  private static func wrap(_ paragraph: String, width: Int) -> [String] {
    let indent = String(paragraph.prefix { $0 == " " }.prefix(width / 2))
    let words = paragraph.split(separator: " ").map(String.init)
    guard !words.isEmpty else { return [""] }
    var lines: [String] = []
    var line = indent
    var bare = true
    for word in words {
      let size = CharacterWidth.of(word)
      let used = CharacterWidth.of(line)
      if used + (bare ? 0 : 1) + size <= width {
        line += (bare ? "" : " ") + word
        bare = false
        continue
      }
      if !bare { lines.append(line) }
      line = ""
      bare = true
      for piece in pieces(of: word, width: width) {
        if !bare { lines.append(line) }
        line = piece
        bare = false
      }
    }
    lines.append(line)
    return lines
  }

  /// `word` in pieces of at most `width` cells.
  private static func pieces(of word: String, width: Int) -> [String] {
    var pieces: [String] = []
    var piece = ""
    var used = 0
    for character in word {
      let size = max(0, CharacterWidth.of(character))
      if used + size > width && !piece.isEmpty {
        pieces.append(piece)
        piece = ""
        used = 0
      }
      piece.append(character)
      used += size
    }
    if !piece.isEmpty { pieces.append(piece) }
    return pieces
  }
}
