/// A scrolling list of rows that can each be marked, `[x] Label`, for
/// choosing several things at once. It may hold thousands of rows: it draws
/// only the visible ones and scrolls only when the highlight leaves the
/// window, so moving down a long list changes two rows, not the whole list.
public struct CheckList: Widget, Sendable {
  /// One row: what it says and whether it is marked.
  public struct Item: Hashable, Sendable {
    public var label: String
    public var isMarked: Bool

    public init(_ label: String, isMarked: Bool = false) {
      self.label = label
      self.isMarked = isMarked
    }
  }

  public private(set) var items: [Item]
  public private(set) var highlighted = 0
  /// The first item shown.
  public private(set) var scrollOffset = 0
  /// Rows of the rect the screen draws the list in (PgUp/PgDn and scrolling
  /// use it); set it again when the terminal is resized.
  public var viewHeight: Int {
    didSet { keepHighlightVisible() }
  }
  /// Shown, dim, when there are no items.
  public let emptyText: String

  public init(items: [Item], viewHeight: Int = 10, emptyText: String = "Nothing to show") {
    self.items = items
    self.viewHeight = max(1, viewHeight)
    self.emptyText = emptyText
  }

  public var markedIndices: [Int] { items.indices.filter { items[$0].isMarked } }
  public var markedCount: Int { items.reduce(0) { $0 + ($1.isMarked ? 1 : 0) } }

  public mutating func setMarked(_ marked: Bool, at index: Int) {
    guard items.indices.contains(index) else { return }
    items[index].isMarked = marked
  }

  /// Item rows that fit in `height`: one row goes to "↓ N more" when cut.
  public func itemRows(forHeight height: Int) -> Int {
    items.count <= height ? height : max(1, height - 1)
  }

  public mutating func update(_ key: Key) -> KeyResult {
    let page = itemRows(forHeight: viewHeight)
    switch key {
    case .up: moveTo(highlighted - 1)
    case .down: moveTo(highlighted + 1)
    case .pageUp: moveTo(highlighted - page)
    case .pageDown: moveTo(highlighted + page)
    case .home: moveTo(0)
    case .end: moveTo(items.count - 1)
    case .character(" "):
      guard items.indices.contains(highlighted) else { return .handled }
      items[highlighted].isMarked.toggle()
    default:
      return .ignored
    }
    return .handled
  }

  private mutating func moveTo(_ index: Int) {
    highlighted = max(0, min(index, items.count - 1))
    keepHighlightVisible()
  }

  private mutating func keepHighlightVisible() {
    scrollOffset = Self.offset(
      scrollOffset, showing: highlighted, rows: itemRows(forHeight: viewHeight))
  }

  /// The smallest change to `offset` that puts `index` inside `rows` rows.
  private static func offset(_ offset: Int, showing index: Int, rows: Int) -> Int {
    if index < offset { return max(0, index) }
    if index >= offset + rows { return index - rows + 1 }
    return offset
  }

  public func render(into buffer: inout Buffer, in rect: Rect, focused: Bool) {
    guard !rect.isEmpty else { return }
    buffer.fill(rect)
    guard !items.isEmpty else {
      buffer.put(emptyText, x: rect.x, y: rect.y, style: .hint, clip: rect.row(0))
      return
    }
    let rows = itemRows(forHeight: rect.height)
    let first = Self.offset(min(scrollOffset, items.count - 1), showing: highlighted, rows: rows)
    let last = min(items.count, first + rows)
    for index in first..<last {
      let item = items[index]
      let line = rect.row(index - first)
      let style: Style = focused && index == highlighted ? .highlight : .plain
      if style.reverse { buffer.fill(line, style: style) }
      let mark = item.isMarked ? "[x] " : "[ ] "
      buffer.put(mark + item.label, x: line.x, y: line.y, style: style, clip: line)
    }
    if last < items.count, rect.height > rows {
      let line = rect.row(rows)
      buffer.put("↓ \(items.count - last) more", x: line.x, y: line.y, style: .hint, clip: line)
    }
  }
}
