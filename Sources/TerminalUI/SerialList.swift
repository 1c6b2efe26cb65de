/// One full-width list of serials with marks and a filter: the layout the
/// benchmark measures against dialog and whiptail, and a plain list for any
/// screen that picks from one list. Only a marker cell shows the highlighted
/// row, so moving it inside the window rewrites two cells, and rows are
/// whole lines, so a scroll becomes a terminal scroll region.
public struct SerialList: Widget, Sendable {
  public let items: [String]
  private var side = PickListSide()

  public init(items: [String]) {
    self.items = items
    side.order = Array(0..<Int32(items.count))
    side.viewport.reservesIndicatorLine = false
    side.viewport.setCount(items.count)
  }

  /// The scroll state.
  public var viewport: ListViewport { side.viewport }
  /// The marked items, as indices into `items`.
  public var marks: Set<Int32> { side.marks }
  /// How many rows pass the filter.
  public var shownCount: Int { side.rowCount }
  /// True while the filter is still searching.
  public var isFiltering: Bool { side.isFiltering }

  /// Filters by a case-insensitive substring; long searches go on in
  /// `continueFiltering`.
  public mutating func setFilter(_ text: String) { side.setFilter(text, items: items) }

  /// One more chunk of a running filter; false when none runs.
  public mutating func continueFiltering() -> Bool { side.continueFilter(items: items) }

  public mutating func layout(in rect: Rect) { side.viewport.layout(in: rect) }

  public mutating func update(_ key: Key) -> KeyResult {
    if key == .character(" ") {
      if let item = side.cursorItem, side.marks.remove(item) == nil { side.marks.insert(item) }
      return .handled
    }
    return side.viewport.update(key)
  }

  public func render(into buffer: inout Buffer, in rect: Rect, focused: Bool) {
    guard !rect.isEmpty else { return }
    buffer.fill(rect)
    var view = side.viewport
    view.layout(in: rect)
    let rows = side.rows
    for row in view.visibleRows {
      let item = rows[row]
      let y = rect.y + row - view.top
      let isCursor = row == view.cursor
      buffer.put(
        isCursor ? "▶" : " ", x: rect.x, y: y, style: isCursor && focused ? .highlight : .plain,
        clip: rect)
      let mark = side.marks.contains(item) ? "■ " : "  "
      buffer.put(mark + items[Int(item)], x: rect.x + 1, y: y, clip: rect)
    }
  }
}
