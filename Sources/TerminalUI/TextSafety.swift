/// What text may reach a field or the screen. Control characters, C1 controls,
/// bidi overrides and isolates could move the cursor, rewrite the terminal or
/// make a serial read differently than it is stored; they are refused in
/// fields and neutralised everywhere else.
public enum TextSafety {
  /// True for a scalar that must never be typed into a field or drawn as is.
  public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if v < 0x20 || v == 0x7F || (v >= 0x80 && v < 0xA0) { return true }
    switch v {
    case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C: return true
    case 0xFFF9...0xFFFB, 0xFEFF, 0x2028, 0x2029: return true
    default: return false
    }
  }

  /// True when every character of `text` is printable.
  public static func isPrintable(_ text: String) -> Bool {
    !text.unicodeScalars.contains(where: isUnsafe)
  }

  /// `text` with every unsafe scalar replaced by `?`, for text that comes from
  /// files, manifests, other sessions or error messages that echo a value.
  public static func neutralised(_ text: String) -> String {
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      result.append(isUnsafe(scalar) ? "?" : scalar)
    }
    return String(result)
  }
}
