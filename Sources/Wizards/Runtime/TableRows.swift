import TerminalUI

/// The rows a table control offers, as its flow gets them for the screen: each row's values
/// named by their columns, the value that names the row (a serial), and the row chosen now.
/// A renderer without a screen (plain lines) reads and numbers them, so it never works out
/// which rows exist itself.
public struct TableRows<Control: Hashable & Sendable>: Hashable, Sendable {
  /// One row: the value that names it (a serial, typed to choose it), and the row read as
  /// one line, each value named by its column ("STB-10007: Product 4K set-top box, ...").
  public struct Row: Hashable, Sendable {
    public var value: String
    public var line: String

    /// `cells` in the order of `columns`, their titles; the first cell is read bare.
    public init(value: String, cells: [String], columns: [String]) {
      self.value = value
      let named = zip(columns, cells).dropFirst().map { (name: $0.0, value: $0.1) }
      line = RowLine.named(cells.first ?? value, Array(named))
    }

    init(value: String, line: String) {
      self.value = value
      self.line = line
    }
  }

  public var rows: [Row]
  /// The row highlighted now (nil: none chosen yet).
  public var chosen: Int?
  /// The control whose text narrows the rows on screen (a search field); nil when none does.
  public var search: Control?
  /// What a row's value is called ("serial"), for the prompt.
  public var valueName: String

  public init(_ rows: [Row], chosen: Int?, valueName: String, search: Control? = nil) {
    self.rows = rows
    self.chosen = chosen
    self.valueName = valueName
    self.search = search
  }

  /// The rows of a `Table` as the screen draws it, the first column's cell each row's value.
  init(_ table: Table, valueName: String) {
    let rows = zip(0..<table.rowCount, table.namedRows).map {
      Row(value: RowLine.plain(table.cell($0, 0)), line: $1)
    }
    self.init(rows, chosen: rows.isEmpty ? nil : table.cursor, valueName: valueName)
  }
}
