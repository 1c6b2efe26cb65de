/// A report's result as every output draws it (issue 18): named columns, rows of values and
/// the totals beneath. The command prints it as plain text, CSV or JSON Lines and the Reports
/// screen as a table, so each report computes its rows once.
public struct ReportTable: Hashable, Sendable {
  /// One column: its JSON field and CSV header (`key`) and its heading on screen (`title`).
  public struct Column: Hashable, Sendable {
    public var key: String
    public var title: String
    /// Numbers are right-aligned and summed into the totals.
    public var isNumber: Bool

    public init(_ key: String, _ title: String, number: Bool = false) {
      self.key = key
      self.title = title
      isNumber = number
    }
  }

  /// One cell: text, a whole number, or nothing (`null` in JSON, empty in CSV).
  public enum Value: Hashable, Sendable {
    case text(String)
    case number(Int)
    case none

    /// The cell as plain text and CSV show it.
    public var text: String {
      switch self {
      case .text(let text): return text
      case .number(let number): return String(number)
      case .none: return ""
      }
    }
  }

  public var columns: [Column]
  public var rows: [[Value]]

  public init(columns: [Column], rows: [[Value]] = []) {
    self.columns = columns
    self.rows = rows
  }

  /// The sum of each number column over the rows (nil for text columns).
  public var totals: [Int?] {
    columns.indices.map { index in
      guard columns[index].isNumber else { return nil }
      return rows.reduce(0) { sum, row in
        if case .number(let number) = row[index] { return sum + number }
        return sum
      }
    }
  }

  /// The rows ordered by one column (numbers by value, text by its words), stable.
  public func sorted(by column: Int, descending: Bool = false) -> ReportTable {
    guard columns.indices.contains(column) else { return self }
    let ordered = rows.enumerated().sorted { left, right in
      let a = left.element[column]
      let b = right.element[column]
      if a == b { return left.offset < right.offset }
      let before: Bool
      switch (a, b) {
      case (.number(let x), .number(let y)): before = x < y
      default: before = a.text.readsBefore(b.text)
      }
      return descending ? !before : before
    }
    return ReportTable(columns: columns, rows: ordered.map(\.element))
  }
}

extension String {
  /// Orders words as people read them, without Foundation: case-insensitive, then exact.
  fileprivate func readsBefore(_ other: String) -> Bool {
    let a = lowercased()
    let b = other.lowercased()
    return a == b ? self < other : a < b
  }
}
