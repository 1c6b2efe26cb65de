/// The limits on free text a transaction carries (DESIGN.md section 4).
public enum TextRules {
  public static let referenceLimit = 64
  public static let commentLimit = 128

  /// Letters, digits, spaces and `- _ / . # :`, up to 64 characters.
  public static func checkReference(_ text: String) throws(DomainError) {
    if text.count > referenceLimit {
      throw .invalidText(field: "Reference", reason: "more than \(referenceLimit) characters")
    }
    for scalar in text.unicodeScalars {
      let allowed =
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
        || " -_/.#:".unicodeScalars
          .contains(scalar)
      if !allowed || isUnsafe(scalar) {
        throw .invalidText(
          field: "Reference", reason: "only letters, digits, spaces and - _ / . # : are allowed")
      }
    }
  }

  /// Printable text, up to 128 characters.
  public static func checkComment(_ text: String) throws(DomainError) {
    if text.count > commentLimit {
      throw .invalidText(field: "Comment", reason: "more than \(commentLimit) characters")
    }
    if text.unicodeScalars.contains(where: isUnsafe) {
      throw .invalidText(field: "Comment", reason: "control characters are not allowed")
    }
  }

  /// A serial as printed on a device: 1 to 64 printable characters without spaces.
  public static func checkSerial(_ serial: String) throws(DomainError) {
    if serial.isEmpty || serial.count > 64
      || serial.unicodeScalars.contains(where: { isUnsafe($0) || $0 == " " })
    {
      throw .invalidText(field: "Serial", reason: "not a serial: \(neutralised(serial))")
    }
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
