/// The one-cell ASCII stand-ins for the glyphs Stockroom draws (`›` is `>`, `…` is `.`), for
/// output whose locale is not UTF-8: the curses screen and the line mode both use this table.
public enum ASCIIStandIn {
  /// The stand-in for `scalar`, or nil when it has none.
  public static func of(_ scalar: Unicode.Scalar) -> UInt8? { table[scalar] }

  /// `text` with each non-ASCII scalar replaced by its stand-in, or `?` without one.
  public static func text(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      if scalar.isASCII {
        result.unicodeScalars.append(scalar)
      } else if scalar.properties.generalCategory == .nonspacingMark {
        continue
      } else {
        result.unicodeScalars.append(Unicode.Scalar(of(scalar) ?? 0x3F))
      }
    }
    return result
  }

  private static let table: [Unicode.Scalar: UInt8] = {
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
