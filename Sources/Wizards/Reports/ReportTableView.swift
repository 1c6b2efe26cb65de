import StockroomDomain
import TerminalUI

/// A report's table as the Reports screen draws it: each report keeps the columns that say
/// the most at 80 columns and shows the others where the row has room; numbers right-aligned.
enum ReportTableView {
  /// The columns always shown, by JSON field.
  static func essential(_ kind: ReportKind) -> Set<String> {
    switch kind {
    case .transactions: return ["transactionId", "time", "action", "account", "returnReason"]
    case .movements: return ["product", "start", "in", "out", "end"]
    case .faulty: return ["model", "account", "serial", "state", "ageDays"]
    }
  }

  static func table(_ report: ReportTable, kind: ReportKind, selected: Int?) -> Table {
    let keep = essential(kind)
    let rows = report.rows
    let columns = report.columns.enumerated().map { index, column in
      let widest = rows.prefix(500).map { $0[index].text.count }.max() ?? 0
      return Table.Column(
        column.title, width: min(28, max(column.title.count, widest)),
        alignment: column.isNumber ? .right : .left, optional: !keep.contains(column.key))
    }
    var table = Table(
      columns: columns, rowCount: rows.count, selectableColumns: Set(columns.indices)
    ) { row, column in
      guard rows.indices.contains(row), rows[row].indices.contains(column) else { return "" }
      return TextSafety.neutralised(rows[row][column].text)
    }
    table.setSelectableColumns(Set(columns.indices))
    if let selected {
      for _ in 0..<selected { _ = table.update(.right) }
    }
    return table
  }

  /// "Total · 12 rows · In 340 · Out 20": the row count and each number column's sum.
  static func totals(_ report: ReportTable) -> String {
    let sums = zip(report.columns, report.totals).compactMap { column, total in
      total.map { "\(column.title) \($0)" }
    }
    return (["Total", "\(report.rows.count) rows"] + sums).joined(separator: " · ")
  }
}
