import TerminalUI

/// The first screen: the product name and the ways in. Each capability adds
/// an entry, so the home screen always lists exactly what exists.
public struct HomeScreen: Screen {
  /// One way in from the home screen.
  public struct Entry {
    public var title: String
    public var summary: String
    public var open: (AppContext) -> Effect

    public init(title: String, summary: String, open: @escaping (AppContext) -> Effect) {
      self.title = title
      self.summary = summary
      self.open = open
    }
  }

  public var entries: [Entry]
  public internal(set) var highlighted = 0
  public var notice: StatusLine?

  public init(entries: [Entry]) {
    self.entries =
      entries + [Entry(title: "Quit", summary: "Leave Stockroom", open: { _ in .quit })]
  }

  public var title: String { "Stockroom" }

  public var help: String {
    """
    Stockroom steps support staff and warehouse technicians through inventory wizards. \
    Choose where to go with ↑ and ↓ and press Enter, or click an entry.

    Every screen has a key legend on its bottom line and its own help behind F1 or ?. \
    Esc goes back one step; a wizard with answers asks before it lets them go.
    """
  }

  public var keyBindings: [KeyBinding] {
    [.move, KeyBinding("Enter", "open"), KeyBinding("1-9", "open by number", inLegend: false)]
  }

  public var status: StatusLine? { notice }

  public mutating func update(_ key: Key, context: AppContext) -> Effect {
    switch key {
    case .up, .character("k"):
      highlighted = (highlighted + entries.count - 1) % entries.count
    case .down, .character("j"), .tab:
      highlighted = (highlighted + 1) % entries.count
    case .home, .pageUp:
      highlighted = 0
    case .end, .pageDown:
      highlighted = entries.count - 1
    case .enter, .character(" "):
      return entries[highlighted].open(context)
    case .character(let digit) where digit.isASCII && digit.isNumber:
      // 1 to 9 open an entry at once, as numbered on screen.
      let index = Int(String(digit)).map { $0 - 1 } ?? -1
      if entries.indices.contains(index) {
        highlighted = index
        return entries[index].open(context)
      }
    case .mouse(let mouse) where mouse.action == .press:
      let index = mouse.position.y - HomeScreen.firstEntryRow
      if index >= 0 && index < entries.count {
        highlighted = index
        return entries[index].open(context)
      }
    default:
      break
    }
    return .none
  }

  /// The screen row of the first entry (the body starts on row 1).
  static let firstEntryRow = 6

  public func view(into buffer: inout Buffer, in rect: Rect, context: AppContext) {
    Box.draw(into: &buffer, rect, title: "Stockroom")
    let inside = rect.inset(by: 1)
    buffer.put(
      "Inventory wizards for support staff and warehouse technicians.",
      x: inside.x + 2, y: inside.y + 1, style: .plain, clip: inside)
    buffer.put("Choose where to go:", x: inside.x + 2, y: inside.y + 3, style: .hint, clip: inside)
    let titleWidth = max(20, entries.map { CharacterWidth.of($0.title) }.max() ?? 0) + 2
    for (index, entry) in entries.enumerated() {
      let y = HomeScreen.firstEntryRow + index
      guard y < inside.maxY else { break }
      let marker = (index == highlighted ? "▶ " : "  ") + "\(index + 1)  "
      let titleText = TextLayout.pad(entry.title, to: titleWidth)
      let style: Style = index == highlighted ? .highlight : .title
      let x = buffer.put(marker, x: inside.x + 2, y: y, clip: inside)
      buffer.put(titleText, x: x, y: y, style: style, clip: inside)
      let summaryX = x + titleWidth + 2
      buffer.put(
        TextLayout.truncate(entry.summary, to: inside.maxX - summaryX - 1), x: summaryX, y: y,
        style: .plain, clip: inside)
    }
    let footer = inside.maxY - 2
    buffer.put(
      context.databaseStore == nil ? "Data" : "Store", x: inside.x + 2, y: footer,
      style: .hint, clip: inside)
    buffer.put(
      TextLayout.truncate(
        context.isDemoSession ? DemoBanner.dataText : context.dataLocation,
        to: inside.width - 12),
      x: inside.x + 11, y: footer, clip: inside)
    buffer.put("Version", x: inside.x + 2, y: footer + 1, style: .hint, clip: inside)
    buffer.put(context.version, x: inside.x + 11, y: footer + 1, clip: inside)
  }
}
