/// One line of the key legend and of a screen's help: the keys, and what
/// they do here. Screens describe their keys as data; the legend and the help
/// overlay are generated from it, so they cannot drift from each other.
public struct KeyBinding: Hashable, Sendable {
  /// How the keys are written in the legend, e.g. "Enter" or "↑↓".
  public var keys: String
  /// What they do on this screen, e.g. "open" or "deallocate".
  public var action: String
  /// Shown in the legend (bottom line) as well as in help.
  public var inLegend: Bool

  public init(_ keys: String, _ action: String, inLegend: Bool = true) {
    self.keys = keys
    self.action = action
    self.inLegend = inLegend
  }

  // The conventions of docs/DESIGN.md section 4, named once.
  public static let move = KeyBinding("↑↓", "move")
  public static let page = KeyBinding("PgUp PgDn Home End", "page", inLegend: false)
  public static let nextField = KeyBinding("Tab", "next field")
  public static let previousField = KeyBinding(
    "Shift-Tab or Ctrl-P", "previous field", inLegend: false)
  public static let mark = KeyBinding("Space", "mark")
  public static let moveAcross = KeyBinding("→ or >", "move marked")
  public static let moveBack = KeyBinding("← or <", "move back")
  public static let filter = KeyBinding("/", "filter")
  public static let back = KeyBinding("Esc", "back")
  public static let help = KeyBinding("F1 ?", "help")
  public static let quit = KeyBinding("q", "quit")
  public static let leave = KeyBinding("Ctrl-C", "leave at once", inLegend: false)
}

/// Builds the bottom-line legend from a screen's key bindings: as many as fit
/// in `width`, in order, with help always kept at the end.
public enum Legend {
  public static func text(for bindings: [KeyBinding], width: Int) -> String {
    let shown = bindings.filter(\.inLegend)
    let parts = shown.map { "\($0.keys) \($0.action)" }
    let helpPart = parts.last { $0.hasSuffix(" help") }
    var line = ""
    for part in parts where part != helpPart {
      let candidate = line.isEmpty ? part : line + "  " + part
      let reserve = helpPart.map { CharacterWidth.of($0) + 2 } ?? 0
      if CharacterWidth.of(candidate) + reserve > width { break }
      line = candidate
    }
    if let helpPart {
      line = line.isEmpty ? helpPart : line + "  " + helpPart
    }
    return line
  }

  /// Draws the legend on row `y` of `buffer`, two cells in from the left.
  public static func render(_ bindings: [KeyBinding], into buffer: inout Buffer, y: Int) {
    let width = buffer.width - 2
    buffer.put(text(for: bindings, width: width), x: 2, y: y, style: .legend)
  }
}
