import TerminalUI

/// The demo session's banner (`AppContext.isDemoSession`): the bottom line keeps the key
/// legend on the left and says on the right that this is a demo whose changes vanish on
/// exit, shortened to "DEMO" when the legend needs the room.
public enum DemoBanner {
  /// The full banner.
  public static let text = " DEMO: changes vanish on exit "
  /// The home screen's Data line in a demo session (the path means nothing to a visitor).
  public static let dataText = "A private demo copy, yours alone; it vanishes when you leave"
  /// What is left when the legend is long.
  public static let short = " DEMO "

  /// Draws the legend and the banner on row `y`.
  public static func render(_ bindings: [KeyBinding], into buffer: inout Buffer, y: Int) {
    let shortWidth = CharacterWidth.of(short)
    let legend = Legend.text(for: bindings, width: max(1, buffer.width - 4 - shortWidth))
    buffer.put(legend, x: 2, y: y, style: .legend)
    let free = buffer.width - 1 - (2 + CharacterWidth.of(legend) + 2)
    let banner = CharacterWidth.of(text) <= free ? text : short
    let x = max(0, buffer.width - 1 - CharacterWidth.of(banner))
    buffer.put(banner, x: x, y: y, style: .highlight)
  }
}
