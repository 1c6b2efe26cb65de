/// One choice out of a short list, shown as `[ Main Warehouse      ▾]`: ← →
/// ↑ ↓ or Space step through the options, a click steps forward, Enter
/// moves on. A drop-down without the drop: every option is one key away.
public struct ChoiceField: Widget, Sendable {
  public let options: [String]
  public let width: Int
  public private(set) var selected: Int

  public init(options: [String], selected: Int = 0, width: Int) {
    self.options = options
    self.width = width
    self.selected = options.isEmpty ? 0 : min(max(0, selected), options.count - 1)
  }

  /// The chosen option's text, nil when there are none.
  public var value: String? { options.indices.contains(selected) ? options[selected] : nil }

  public mutating func select(_ index: Int) {
    guard options.indices.contains(index) else { return }
    selected = index
  }

  public mutating func update(_ key: Key) -> KeyResult {
    guard !options.isEmpty else { return .ignored }
    switch key {
    case .left, .up:
      selected = (selected + options.count - 1) % options.count
    case .right, .down, .character(" "):
      selected = (selected + 1) % options.count
    case .home:
      selected = 0
    case .end:
      selected = options.count - 1
    case .mouse(let mouse) where mouse.action == .press:
      selected = (selected + 1) % options.count
    case .enter:
      return .activated
    default:
      return .ignored
    }
    return .handled
  }

  public func render(into buffer: inout Buffer, in rect: Rect, focused: Bool) {
    let row = rect.row(0)
    guard !row.isEmpty else { return }
    let inner = max(1, width - 4)
    let text = TextLayout.pad(TextSafety.neutralised(value ?? "—"), to: inner)
    let position = options.count > 1 ? " \(selected + 1)/\(options.count)" : ""
    let end = buffer.put("[ ", x: row.x, y: row.y, clip: row)
    let after = buffer.put(text, x: end, y: row.y, style: focused ? .highlight : .plain, clip: row)
    let close = buffer.put("▾]", x: after, y: row.y, clip: row)
    buffer.put(position, x: close, y: row.y, style: .hint, clip: row)
  }
}
