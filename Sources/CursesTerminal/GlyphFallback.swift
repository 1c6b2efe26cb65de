/// What a cell's character becomes on a terminal whose locale is not UTF-8:
/// line-drawing glyphs become ACS characters, everything else non-ASCII a
/// one-cell ASCII stand-in, so the screen keeps its grid and shows no junk.
enum GlyphFallback: Equatable {
  /// Draw as is (plain ASCII).
  case ascii(UInt8)
  /// Draw the ACS character with this name ('q' horizontal line, ...).
  case lineDrawing(UInt8)

  static func of(_ character: Character) -> GlyphFallback {
    if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F { return .ascii(ascii) }
    guard let scalar = character.unicodeScalars.first else { return .ascii(0x3F) }
    if let name = lineDrawing[scalar] { return .lineDrawing(name) }
    if let stand = standIns[scalar] { return .ascii(stand) }
    if scalar.isASCII, scalar.value >= 0x20, scalar.value < 0x7F {
      // An ASCII letter with combining marks: keep the letter.
      return .ascii(UInt8(scalar.value))
    }
    return .ascii(0x3F)
  }

  /// Box glyphs, including heavy, double and rounded ones, by ACS name.
  private static let lineDrawing: [Unicode.Scalar: UInt8] = {
    var table: [Unicode.Scalar: UInt8] = [:]
    let groups: [(String, Character)] = [
      ("─━═", "q"), ("│┃║", "x"), ("┌┏╔╭", "l"), ("┐┓╗╮", "k"), ("└┗╚╰", "m"),
      ("┘┛╝╯", "j"), ("├┣╠", "t"), ("┤┫╣", "u"), ("┬┳╦", "w"), ("┴┻╩", "v"), ("┼╋╬", "n"),
    ]
    for (glyphs, name) in groups {
      for scalar in glyphs.unicodeScalars { table[scalar] = name.asciiValue ?? 0x3F }
    }
    return table
  }()

  /// One-cell ASCII stand-ins. A stand-in must be one cell wide, so `…`
  /// becomes `.` rather than `...`.
  private static let standIns: [Unicode.Scalar: UInt8] = {
    let pairs: [(String, Character)] = [
      ("▶▸►›»→", ">"), ("⚠", "!"), ("◀◂◄‹«←", "<"), ("↑▲▴", "^"), ("↓▼▾", "v"), ("■•●◆★", "*"),
      ("…", "."), ("·–—−", "-"), ("✔✓", "+"), ("✘✗×", "x"), ("‘’‚′", "'"), ("“”„″", "\""),
      ("\u{A0}\u{2007}\u{202F}", " "), ("□○◇", "o"), ("█▌▐", "#"), ("✉", "@"),
    ]
    var table: [Unicode.Scalar: UInt8] = [:]
    for (glyphs, stand) in pairs {
      for scalar in glyphs.unicodeScalars { table[scalar] = stand.asciiValue ?? 0x3F }
    }
    return table
  }()
}
