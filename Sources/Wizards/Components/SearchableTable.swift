import TerminalUI

/// A search field over a table, as every searchable list screen has it:
/// typing narrows the rows at once, ↑ ↓ PgUp PgDn Home End move, Enter or a
/// click opens the highlighted row, Esc clears the search and then leaves.
struct SearchableTable {
  var search = TextField(width: 30, maxLength: 64)
  private(set) var table: Table

  /// What a key meant for the screen holding the list.
  enum Outcome {
    /// Nothing for the screen to do.
    case none
    /// Open the highlighted row.
    case open
    /// The search text changed (or was cleared): recompute the rows.
    case searchChanged
    /// Esc with an empty search: leave the screen.
    case leave
  }

  init(table: Table) {
    self.table = table
  }

  var text: String { search.text }
  var cursor: Int { table.cursor }

  /// Highlights `row`, as ↑ ↓ would (the line mode picks a row by its number).
  mutating func select(_ row: Int) {
    table.moveCursor(to: row)
  }

  /// The search as the line mode offers it: Ctrl-U empties the field, then the text typed
  /// (or pasted) narrows the rows at once; Enter would open the highlighted row.
  func filterAction(_ label: String) -> LineAction {
    LineAction("filter", label, keys: [.control("u")])
  }

  /// What the search says above the rows: the text searched for, or `empty` when nothing
  /// matches it.
  func searchParagraphs(empty: String) -> [String] {
    (text.isEmpty ? [] : ["Search: \(RowLine.plain(text))"])
      + (table.rowCount == 0 ? [empty] : [])
  }

  /// A new table for new rows, laid out in `body`, keeping the highlighted
  /// row (and the scroll) where it was.
  mutating func replaceTable(_ new: Table, in body: Rect, keepCursor: Bool = true) {
    let (cursor, top) = (table.cursor, table.viewport.top)
    table = new
    layout(in: body)
    if keepCursor { table.moveCursor(to: cursor, top: top) } else { table.moveCursor(to: 0) }
  }

  /// Lays the table out for a screen body of `body`: the screen calls it
  /// whenever it takes a key, so PgUp/PgDn and clicks use the room it has now.
  mutating func layout(in body: Rect) {
    table.layout(in: Self.tableRect(in: body))
  }

  mutating func update(_ key: Key) -> Outcome {
    switch key {
    case .up, .down, .pageUp, .pageDown, .home, .end:
      _ = table.update(key)
    case .mouse(let mouse):
      if table.update(.mouse(mouse)) == .activated { return .open }
    case .enter:
      return .open
    case .escape:
      guard !search.text.isEmpty else { return .leave }
      search.setText("")
      return .searchChanged
    default:
      let before = search.text
      _ = search.update(key)
      if search.text != before {
        table.moveCursor(to: 0)
        return .searchChanged
      }
    }
    return .none
  }

  /// Where the table goes inside a screen's body: the one layout drawing,
  /// keys and the mouse use.
  static func tableRect(in rect: Rect) -> Rect {
    let inside = rect.inset(by: 1)
    return Rect(
      x: inside.x + 1, y: inside.y + 2, width: inside.width - 2, height: inside.height - 2)
  }

  private static func fieldRect(in rect: Rect) -> Rect {
    let inside = rect.inset(by: 1)
    return Rect(x: inside.x + 8, y: inside.y, width: 40, height: 1)
  }

  /// The box, the search field, `count` on the right, the table, and `empty`
  /// when there are no rows.
  func render(
    into buffer: inout Buffer, in rect: Rect, title: String, count: String, empty: String
  ) {
    Box.draw(into: &buffer, rect, title: title)
    let inside = rect.inset(by: 1)
    buffer.put("Search", x: inside.x + 1, y: inside.y, style: .title)
    search.render(into: &buffer, in: Self.fieldRect(in: rect), focused: true)
    buffer.put(count, x: inside.maxX - CharacterWidth.of(count) - 1, y: inside.y, style: .hint)
    table.render(into: &buffer, in: Self.tableRect(in: rect), focused: true)
    if table.rowCount == 0 {
      buffer.put(empty, x: inside.x + 1, y: inside.y + 4, style: .hint, clip: inside)
    }
  }

  func cursorPosition(in rect: Rect) -> Point? {
    search.cursorPosition(in: Self.fieldRect(in: rect))
  }
}
