/// The eight basic terminal colours; a terminal without colour ignores them.
public enum Color: UInt8, Hashable, Sendable {
  case black, red, green, yellow, blue, magenta, cyan, white
}

/// How a cell looks. Attributes carry the meaning on their own (a highlight is
/// reverse video), so a screen without colour (`NO_COLOR`, vt100) still reads.
public struct Style: Hashable, Sendable {
  public var foreground: Color?
  public var background: Color?
  public var bold: Bool
  public var dim: Bool
  public var underline: Bool
  public var reverse: Bool

  public init(
    foreground: Color? = nil, background: Color? = nil, bold: Bool = false, dim: Bool = false,
    underline: Bool = false, reverse: Bool = false
  ) {
    self.foreground = foreground
    self.background = background
    self.bold = bold
    self.dim = dim
    self.underline = underline
    self.reverse = reverse
  }

  public static let plain = Style()
  /// Titles, labels of the focused control, the product name.
  public static let title = Style(bold: true)
  /// The highlighted row or focused control.
  public static let highlight = Style(reverse: true)
  /// Text that explains but matters less: hints, counts, disabled buttons.
  public static let hint = Style(dim: true)
  /// A refusal or an invalid value, always with words beside it.
  public static let error = Style(foreground: .red, bold: true)
  /// A warning the user must read (the seed's hardware warning).
  public static let warning = Style(foreground: .yellow, bold: true)
  /// Something that worked (a Transaction ID).
  public static let success = Style(foreground: .green, bold: true)
  /// The frame around the screen and its boxes.
  public static let frame = Style(foreground: .cyan)
  /// The key legend on the bottom line.
  public static let legend = Style(foreground: .cyan)
}
