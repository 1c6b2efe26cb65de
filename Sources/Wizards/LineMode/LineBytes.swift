import TerminalUI

/// One line of bytes read as the line mode's answer: valid UTF-8, at most `limit`
/// characters, control characters dropped (a tab is a space). Anything else is refused in
/// words, and the prompt is asked again.
public enum LineBytes {
  /// The longest answer, in characters.
  public static let limit = 4_096

  public static let tooLong =
    "That line is over 4,096 characters: type or paste one answer a line."
  public static let notUTF8 = "That line is not valid UTF-8: type the answer again."

  /// The answer in `bytes` (without its newline; a carriage return at the end is dropped with
  /// the other controls), or why it cannot be one.
  public static func answer(_ bytes: [UInt8]) -> Result<String, LineRefusal> {
    guard let text = String(validating: bytes, as: UTF8.self) else {
      return .failure(LineRefusal(notUTF8))
    }
    guard text.count <= limit else { return .failure(LineRefusal(tooLong)) }
    var kept = String.UnicodeScalarView()
    for scalar in text.unicodeScalars where !TextSafety.isUnsafe(scalar) || scalar == "\t" {
      kept.append(scalar == "\t" ? " " : scalar)
    }
    return .success(String(kept))
  }
}

/// Why a line cannot be an answer, in words.
public struct LineRefusal: Error, Hashable, Sendable {
  public var message: String
  public init(_ message: String) { self.message = message }
}
