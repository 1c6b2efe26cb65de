/// The scroll arithmetic every list and table shares: how many rows there
/// are, which one is highlighted, which one is at the top of the window, and
/// how many fit. It holds only integers, so a key costs the same at ten rows
/// or a million; the widget that owns it fetches just the visible rows.
public struct ListViewport: Hashable, Sendable {
  /// The number of rows in the list.
  public private(set) var count: Int
  /// The highlighted row, `0..<count` (0 when the list is empty).
  public private(set) var cursor: Int
  /// The first row shown.
  public private(set) var top: Int
  /// The height of the window in lines.
  public private(set) var height: Int
  /// When set and the rows do not all fit, the window's last line is kept
  /// for a "↓ N more" line, so one row fewer is shown.
  public var reservesIndicatorLine: Bool {
    didSet { settle() }
  }
  /// Where the rows were last laid out on screen, for mouse clicks.
  public private(set) var area: Rect

  public init(count: Int = 0, height: Int = 10, reservesIndicatorLine: Bool = false) {
    self.count = max(0, count)
    self.cursor = 0
    self.top = 0
    self.height = max(1, height)
    self.reservesIndicatorLine = reservesIndicatorLine
    self.area = Rect(x: 0, y: 0, width: 0, height: 0)
  }

  /// How many rows the window shows; PgUp and PgDn move by this much.
  public var pageSize: Int {
    reservesIndicatorLine && count > height && height > 1 ? height - 1 : height
  }

  /// The rows in the window: `top..<min(top + pageSize, count)`.
  public var visibleRows: Range<Int> { top..<min(top + pageSize, count) }
  /// How many rows lie below the window.
  public var hiddenBelow: Int { max(0, count - top - pageSize) }
  /// How many rows lie above the window.
  public var hiddenAbove: Int { top }

  /// Changes the number of rows, keeping the cursor on a real row.
  public mutating func setCount(_ newCount: Int) {
    count = max(0, newCount)
    settle()
  }

  /// Sets the window height (at least one line), keeping the cursor in view.
  public mutating func setHeight(_ lines: Int) {
    height = max(1, lines)
    settle()
  }

  /// Lays the rows out in `rect`: one row per line, the page is its height.
  public mutating func layout(in rect: Rect) {
    area = rect
    setHeight(rect.height)
  }

  /// Puts the cursor on `row` (clamped) and scrolls just enough to show it.
  public mutating func moveCursor(to row: Int) {
    cursor = row
    settle()
  }

  /// Puts the cursor on `row` with `firstRow` at the top of the window where
  /// that still shows the cursor (a list rebuilt after a refresh stays as it was).
  public mutating func moveCursor(to row: Int, top firstRow: Int) {
    cursor = row
    top = max(0, firstRow)
    settle()
  }

  /// Scrolls the window by `rows` without moving the cursor off screen:
  /// the cursor is dragged along when it would leave the window.
  public mutating func scroll(by rows: Int) {
    top = min(max(0, top + rows), max(0, count - pageSize))
    cursor = min(max(cursor, top), max(top, top + pageSize - 1))
    settle()
  }

  /// ↑ ↓ PgUp PgDn Home End and the mouse wheel; everything else is ignored.
  /// A key that cannot move (↑ on the first row) is still handled, so it does
  /// not fall through to the screen.
  public mutating func update(_ key: Key) -> KeyResult {
    switch key {
    case .up: moveCursor(to: cursor - 1)
    case .down: moveCursor(to: cursor + 1)
    case .pageUp:
      top = max(0, top - pageSize)
      moveCursor(to: cursor - pageSize)
    case .pageDown:
      top = max(0, min(top + pageSize, count - pageSize))
      moveCursor(to: cursor + pageSize)
    case .home: moveCursor(to: 0)
    case .end: moveCursor(to: count - 1)
    case .mouse(let mouse):
      switch mouse.action {
      case .wheelUp: scroll(by: -3)
      case .wheelDown: scroll(by: 3)
      case .press: return click(at: mouse.position)
      case .release: return .ignored
      }
    default: return .ignored
    }
    return .handled
  }

  /// A click on a row of `area` highlights that row.
  public mutating func click(at point: Point) -> KeyResult {
    guard area.contains(point) else { return .ignored }
    let row = top + point.y - area.y
    guard point.y - area.y < pageSize, row < count else { return .handled }
    moveCursor(to: row)
    return .handled
  }

  /// The window row (0-based from the top of the window) a list row is drawn
  /// on, or nil when it is scrolled out of view.
  public func screenRow(of row: Int) -> Int? {
    visibleRows.contains(row) ? row - top : nil
  }

  private mutating func settle() {
    cursor = count == 0 ? 0 : min(max(0, cursor), count - 1)
    if cursor < top { top = cursor }
    if cursor >= top + pageSize { top = cursor - pageSize + 1 }
    top = max(0, min(top, count - pageSize))
  }
}
