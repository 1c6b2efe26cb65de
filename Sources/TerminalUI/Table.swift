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
  /// cells (0 takes what is left of the row), and its alignment. How a wider
  /// row is shared out: see `columnWidths(in:)`.
  public struct Column: Hashable, Sendable {
    public var title: String
    /// The width in cells; 0 takes what is left of the row.
    public var width: Int
    public var alignment: Alignment
    /// A column that may grow: with room to spare in the row it widens past
    /// `width`, up to this many cells (nil: never). `fitToContent` sets it to
    /// the widest text the column holds, so only a column whose text is cut grows.
    public var maxWidth: Int?
    /// For a column that takes the rest (`width` 0): the cells it keeps before
    /// growing columns take any of the row.
    public var minWidth: Int
    /// Shown only when the row has room for it beside every column that is
    /// always shown (at `width`, a rest column at `minWidth`); hidden, it
    /// takes no cells and no gap. Its index stays the same for `cell`.
    public var isOptional: Bool

    public init(
      _ title: String, width: Int, alignment: Alignment = .left, maxWidth: Int? = nil,
      minWidth: Int = 0, optional: Bool = false
    ) {
      self.title = title
      self.width = width
      self.alignment = alignment
      self.maxWidth = maxWidth
      self.minWidth = minWidth
      self.isOptional = optional
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

  /// Puts the cursor on `row` and the window's top on `top` where that still
  /// shows the cursor: a table rebuilt for new rows scrolled as the old one was.
  public mutating func moveCursor(to row: Int, top: Int) {
    viewport.moveCursor(to: row, top: top)
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
      for (column, frame) in frames.enumerated() where frame.width > 0 {
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

  /// How wide each column is drawn in a row of `width` cells, nil for a
  /// hidden optional column; one space between shown columns:
  /// 1. every column gets its `width`, a rest column (`width` 0) its `minWidth`;
  /// 2. each optional column, left to right, is shown when it fits at its `width`
  ///    beside those shown so far;
  /// 3. the cells left over go to growing columns (`maxWidth`), one at a time in
  ///    turn, until each reaches its `maxWidth`;
  /// 4. a rest column takes whatever is still left.
  /// A row no wider than the columns' widths is laid out exactly as without
  /// steps 2 and 3, so a table designed for 80 columns looks the same there.
  public func columnWidths(in width: Int) -> [Int?] {
    func needed(_ column: Column) -> Int { column.width > 0 ? column.width : column.minWidth }
    var shown = columns.map { !$0.isOptional }
    var used = columns.indices.filter { shown[$0] }.reduce(0) { $0 + needed(columns[$1]) }
    var count = shown.filter { $0 }.count
    for (index, column) in columns.enumerated() where column.isOptional {
      // With this column: its cells, and one more gap when it is not alone.
      guard used + needed(column) + count <= width else { continue }
      shown[index] = true
      used += needed(column)
      count += 1
    }
    var widths = columns.map { max(0, $0.width) }
    let gaps = max(0, count - 1)
    var spare = width - used - gaps
    var growing = columns.indices.filter {
      shown[$0] && columns[$0].width > 0 && (columns[$0].maxWidth ?? 0) > columns[$0].width
    }
    while spare > 0 && !growing.isEmpty {
      for index in growing where spare > 0 {
        widths[index] += 1
        spare -= 1
      }
      growing.removeAll { widths[$0] >= columns[$0].maxWidth ?? 0 }
    }
    let fixed = columns.indices.filter { shown[$0] }.reduce(0) { $0 + widths[$1] } + gaps
    for index in columns.indices where shown[index] && columns[index].width <= 0 {
      widths[index] = max(0, width - fixed)
    }
    return columns.indices.map { shown[$0] ? widths[$0] : nil }
  }

  /// Sets each of `indices`' `maxWidth` to the widest text it holds (its
  /// title included), so it grows when the row has room and its text is cut.
  /// It reads every row once: for tables of up to some thousands of rows.
  public mutating func fitToContent(columns indices: [Int]) {
    for index in indices where columns.indices.contains(index) {
      var widest =
        columns[index].title.split(separator: "\n").map { CharacterWidth.of(String($0)) }
        .max() ?? 0
      for row in 0..<rowCount { widest = max(widest, CharacterWidth.of(cell(row, index))) }
      columns[index].maxWidth = widest
    }
  }

  /// Where each column is drawn (see `columnWidths(in:)`); a hidden column
  /// has width 0 where the next one starts.
  private func columnFrames(x: Int, width: Int) -> [(x: Int, width: Int)] {
    var frames: [(x: Int, width: Int)] = []
    var left = x
    for shown in columnWidths(in: width) {
      frames.append((left, shown ?? 0))
      if let w = shown { left += w + 1 }
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
    for (index, column) in columns.enumerated() where frames[index].width > 0 {
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
