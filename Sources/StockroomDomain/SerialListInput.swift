/// Reads what a person types or pastes to choose many serials: a range
/// (`RB1-1000..RB1-1999`) or a list (one a line, or separated by commas,
/// semicolons, tabs or spaces).
public enum SerialListInput {
  /// The largest paste taken as a list; larger ones are refused with a
  /// pointer to loading a file.
  public static let pasteLimit = 1 << 20

  /// The two ends of `first..last`, or nil when `text` is not one range.
  public static func range(_ text: String) -> (first: String, last: String)? {
    let parts = pieces(trimmed(text))
    guard parts.count == 2 else { return nil }
    let first = trimmed(parts[0])
    let last = trimmed(parts[1])
    guard !first.isEmpty, !last.isEmpty,
      !(first + last).contains(where: { $0.isWhitespace || $0 == "," })
    else { return nil }
    return (first, last)
  }

  /// The serials of a pasted list, in order, blanks dropped (repeats kept,
  /// so the preview can count them).
  public static func serials(in text: String) -> [String] {
    text.split { $0.isWhitespace || $0 == "," || $0 == ";" }.map(String.init)
  }

  /// Spaces (Unicode Zs) and tabs, the blanks trimmed from around a range and its ends.
  static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
  }

  static func trimmed(_ text: String) -> String {
    var scalars = Substring(text).unicodeScalars
    while let first = scalars.first, isBlank(first) { scalars.removeFirst() }
    while let last = scalars.last, isBlank(last) { scalars.removeLast() }
    return String(scalars)
  }

  /// `text` cut at every `..` (two `.` characters), empty pieces kept.
  static func pieces(_ text: String) -> [String] {
    var result: [String] = []
    var piece = ""
    var pending = false
    for character in text {
      if character == "." {
        if pending {
          result.append(piece)
          piece = ""
        }
        pending.toggle()
        continue
      }
      if pending {
        piece.append(".")
        pending = false
      }
      piece.append(character)
    }
    if pending { piece.append(".") }
    result.append(piece)
    return result
  }
}
