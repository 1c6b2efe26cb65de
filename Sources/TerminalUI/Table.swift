/// A scrollable table with a header: the allocation table, lists of tokens,
/// anything with columns. Rows are fetched by index through `cell`, and only
/// the rows in the window are fetched, so a million rows cost no more per key
/// than twenty. With `selectableColumns` it highlights one cell instead of a
/// row, and ← → move between those columns.
public struct Table: Widget, Sendable {
  /// How a column's text sits in its width.
  public enum Alignment: Hashable, Sendable {
    case left, right, center
  }

  /// One column: its title (a `\n` gives a two-line header), its width in
  /// cells (0 takes what is left of the row), and its alignment.
  public struct Column: Hashable, Sendable {
    public var title: String
    public var width: Int
    public var alignment: Alignment

    public init(_ title: String, width: Int, alignment: Alignment = .left) {
      self.title = title
      self.width = width
      self.alignment = alignment
    }
  }

  public var columns: [Column]
  /// The text of one cell, by row and column index.
  public var cell: @Sendable (_ row: Int, _ column: Int) -> String
  /// Columns whose cells can be selected one by one; empty selects rows.
  public private(set) var selectableColumns: Set<Int>
  /// The selected column in cell-selection mode, else nil.
  public private(set) var selectedColumn: Int?
  /// The scroll state: cursor row, top row, page size.
  public private(set) var viewport: ListViewport

  public init(
    columns: [Column], rowCount: Int, selectableColumns: Set<Int> = [],
    cell: @escaping @Sendable (_ row: Int, _ column: Int) -> String
  ) {
    self.columns = columns
    self.cell = cell
    self.selectableColumns = selectableColumns
    self.selectedColumn = selectableColumns.min()
    self.viewport = ListViewport(count: rowCount, reservesIndicatorLine: true)
  }

  /// The number of rows; setting it keeps the cursor on a real row.
  public var rowCount: Int {
    get { viewport.count }
    set { viewport.setCount(newValue) }
  }

  /// The highlighted row.
  public var cursor: Int { viewport.cursor }

  /// Lines the header takes: the most lines any column title has.
  public var headerHeight: Int {
    columns.map { $0.title.split(separator: "\n", omittingEmptySubsequences: false).count }
      .max() ?? 0
  }

  /// Tells the table where it will be drawn, so PgUp/PgDn move by a window
  /// and mouse clicks find their row. Call it when the layout changes.
  public mutating func layout(in rect: Rect) {
    viewport.layout(in: bodyRect(in: rect))
  }

  public mutating func moveCursor(to row: Int) {
    viewport.moveCursor(to: row)
  }

  /// Changes which columns are selectable, keeping the selection on one.
  public mutating func setSelectableColumns(_ columns: Set<Int>) {
    selectableColumns = columns
    if let selected = selectedColumn, columns.contains(selected) { return }
    selectedColumn = columns.min()
  }

  public mutating func update(_ key: Key) -> KeyResult {
    switch key {
    case .enter:
      return rowCount > 0 ? .activated : .handled
    case .left, .right:
      return stepColumn(forward: key == .right)
    case .mouse(let mouse) where mouse.action == .press:
      guard viewport.click(at: mouse.position) == .handled else { return .ignored }
      if let column = column(atX: mouse.position.x), selectableColumns.contains(column) {
        selectedColumn = column
      }
      return .handled
    default:
      return viewport.update(key)
    }
  }

  public func render(into buffer: inout Buffer, in rect: Rect, focused: Bool) {
    guard !rect.isEmpty else { return }
    buffer.fill(rect)
    let frames = columnFrames(x: rect.x, width: rect.width)
    renderHeader(into: &buffer, in: rect, frames: frames)
    var view = viewport
    view.layout(in: bodyRect(in: rect))
    let body = view.area
    for row in view.visibleRows {
      let y = body.y + row - view.top
      for (column, frame) in frames.enumerated() {
        let text = Table.align(cell(row, column), in: frame.width, columns[column].alignment)
        buffer.put(text, x: frame.x, y: y, clip: rect)
      }
      if row == view.cursor {
        highlight(&buffer, y: y, rect: rect, frames: frames, focused: focused)
      }
    }
    if view.hiddenBelow > 0 || view.hiddenAbove > 0, body.height > 1 {
      let y = body.maxY - 1
      if view.hiddenBelow > 0 {
        buffer.put("↓ \(view.hiddenBelow) more", x: rect.x, y: y, style: .hint, clip: rect)
      }
      let position = "\(view.cursor + 1)/\(view.count)"
      let x = rect.maxX - CharacterWidth.of(position)
      buffer.put(position, x: x, y: y, style: .hint, clip: rect)
    }
  }

  // MARK: - Layout

  private func bodyRect(in rect: Rect) -> Rect {
    rect.splitRows(headerHeight).1
  }

  /// Where each column is drawn: one space between columns, a zero width
  /// takes the rest.
  private func columnFrames(x: Int, width: Int) -> [(x: Int, width: Int)] {
    let fixed = columns.reduce(0) { $0 + $1.width } + max(0, columns.count - 1)
    var frames: [(x: Int, width: Int)] = []
    var left = x
    for column in columns {
      let w = column.width > 0 ? column.width : max(0, width - fixed)
      frames.append((left, w))
      left += w + 1
    }
    return frames
  }

  private func column(atX x: Int) -> Int? {
    columnFrames(x: viewport.area.x, width: viewport.area.width).firstIndex {
      x >= $0.x && x < $0.x + $0.width
    }
  }

  private func renderHeader(
    into buffer: inout Buffer, in rect: Rect, frames: [(x: Int, width: Int)]
  ) {
    let height = headerHeight
    for (index, column) in columns.enumerated() {
      let lines = column.title.split(separator: "\n", omittingEmptySubsequences: false)
      // Shorter titles sit on the header's last line, next to the rows.
      let offset = height - lines.count
      for (line, text) in lines.enumerated() where offset + line < rect.height {
        let shown = Table.align(String(text), in: frames[index].width, column.alignment)
        buffer.put(shown, x: frames[index].x, y: rect.y + offset + line, style: .title, clip: rect)
      }
    }
  }

  private func highlight(
    _ buffer: inout Buffer, y: Int, rect: Rect, frames: [(x: Int, width: Int)], focused: Bool
  ) {
    var area = Rect(x: rect.x, y: y, width: rect.width, height: 1)
    if let selected = selectedColumn, selected < frames.count {
      area = Rect(x: frames[selected].x, y: y, width: frames[selected].width, height: 1)
    }
    buffer.restyle(area.intersection(rect)) { style in
      if focused { style.reverse = true } else { style.bold = true }
    }
  }

  private mutating func stepColumn(forward: Bool) -> KeyResult {
    guard let selected = selectedColumn else { return .ignored }
    let ordered = selectableColumns.sorted()
    let next = forward ? ordered.first { $0 > selected } : ordered.last { $0 < selected }
    guard let next else { return .ignored }
    selectedColumn = next
    return .handled
  }

  /// `text` fitted to `width` cells with the given alignment.
  static func align(_ text: String, in width: Int, _ alignment: Alignment) -> String {
    switch alignment {
    case .left: return TextLayout.pad(text, to: width)
    case .right: return TextLayout.padLeft(text, to: width)
    case .center:
      let cut = TextLayout.truncate(text, to: width)
      let left = (width - CharacterWidth.of(cut)) / 2
      return TextLayout.pad(String(repeating: " ", count: max(0, left)) + cut, to: width)
    }
  }
}
