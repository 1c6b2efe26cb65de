/// The rules on the free text a transaction carries, and on a serial's syntax: the one place
/// they are written. The store checks them at commit and headless commands before they ask;
/// the screens hand the same rules to their text fields, so a field refuses on the key
/// exactly what Confirm would refuse. Lengths count characters as Swift does (grapheme
/// clusters: "e" with a combining accent is one).
public enum TextRules {
  public static let referenceLimit = 64
  public static let commentLimit = 128
  public static let serialLimit = 64
  public static let whyLimit = 128

  /// The punctuation a Reference may hold besides letters, digits and spaces.
  static let referencePunctuation = " -_/.#:".unicodeScalars

  /// Why `text` cannot be a Reference, without the field's name; nil when it can be one:
  /// letters, the digits 0-9, spaces and `- _ / . # :`, up to 64 characters.
  /// A count with its noun, singular for one: "1 serial", "3 serials".
  public static func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)" + (count == 1 ? "" : "s")
  }

  public static func referenceProblem(_ text: String) -> String? {
    if text.count > referenceLimit { return "more than \(referenceLimit) characters" }
    if text.unicodeScalars.contains(where: { !isReferenceScalar($0) }) {
      return "only letters, digits, spaces and - _ / . # : are allowed"
    }
    return nil
  }

  /// Why `text` cannot be a Comment, without the field's name; nil when it can be one:
  /// printable text, up to 128 characters.
  public static func commentProblem(_ text: String) -> String? {
    if text.count > commentLimit { return "more than \(commentLimit) characters" }
    if text.unicodeScalars.contains(where: isUnsafe) { return "control characters are not allowed" }
    return nil
  }

  /// Why `text` cannot explain a reversal; nil when it can: 1 to 128 printable characters.
  public static func whyProblem(_ text: String) -> String? {
    if text.allSatisfy(\.isWhitespace) { return "required" }
    if text.count > whyLimit { return "more than \(whyLimit) characters" }
    return commentProblem(text)
  }

  /// A reversal's explanation's rule.
  public static func checkWhy(_ text: String) throws(DomainError) {
    if let reason = whyProblem(text) { throw .invalidText(field: .why, reason: reason) }
  }

  /// A Reference's rule; `field` names what refuses (a billing's customer reference).
  public static func checkReference(
    _ text: String, as field: DomainField = .reference
  ) throws(DomainError) {
    if let reason = referenceProblem(text) { throw .invalidText(field: field, reason: reason) }
  }

  /// A Comment's rule.
  public static func checkComment(_ text: String) throws(DomainError) {
    if let reason = commentProblem(text) { throw .invalidText(field: .comment, reason: reason) }
  }

  /// A serial as printed on a device: 1 to 64 printable characters without spaces.
  public static func checkSerial(_ serial: String) throws(DomainError) {
    if serial.count > serialLimit {
      throw .invalidText(
        field: .serials,
        reason: "not a serial: \(neutralised(String(serial.prefix(24))))… is \(serial.count) "
          + "characters long; a serial is at most \(serialLimit)")
    }
    if serial.isEmpty || serial.count > serialLimit
      || serial.unicodeScalars.contains(where: { isUnsafe($0) || $0 == " " })
    {
      throw .invalidText(field: .serials, reason: "not a serial: \(neutralised(serial))")
    }
  }

  private static func isReferenceScalar(_ scalar: Unicode.Scalar) -> Bool {
    guard !isUnsafe(scalar) else { return false }
    return scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
      || referencePunctuation.contains(scalar)
  }

  /// Control, C1, bidi-override and line-separator scalars.
  public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    return value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value)
      || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
      || value == 0x2028 || value == 0x2029 || value == 0x200E || value == 0x200F
      || value == 0x061C || (0xFFF9...0xFFFB).contains(value) || value == 0xFEFF
  }

  /// The text with unsafe scalars shown as `?`.
  public static func neutralised(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.map { isUnsafe($0) ? "?" : $0 }))
  }
}
