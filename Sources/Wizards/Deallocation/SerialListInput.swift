import Foundation

/// Reads what a person types or pastes to choose many serials: a range
/// (`RB1-1000..RB1-1999`) or a list (one a line, or separated by commas,
/// semicolons, tabs or spaces).
public enum SerialListInput {
  /// The largest paste taken as a list; larger ones are refused with a
  /// pointer to loading a file.
  public static let pasteLimit = 1 << 20

  /// The two ends of `first..last`, or nil when `text` is not one range.
  public static func range(_ text: String) -> (first: String, last: String)? {
    let parts = text.trimmingCharacters(in: .whitespaces).components(separatedBy: "..")
    guard parts.count == 2 else { return nil }
    let first = parts[0].trimmingCharacters(in: .whitespaces)
    let last = parts[1].trimmingCharacters(in: .whitespaces)
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
}
