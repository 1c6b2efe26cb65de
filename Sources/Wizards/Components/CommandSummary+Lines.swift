import StockroomDomain
import TerminalUI

extension CommandSummary {
  private var layoutRows: [SummaryLayout.Row] { rows.map { ($0.label, $0.items, $0.isList) } }

  /// The summary as lines of at most `width` cells, as the Confirm step draws it.
  func lines(width: Int) -> [String] {
    SummaryLayout.lines(heading: heading, bullets: bullets, rows: layoutRows, width: width)
  }

  /// The summary as the line mode reads it: each bullet whole, each row "Label: value".
  var namedLines: [String] {
    SummaryLayout.namedLines(heading: heading, bullets: bullets, rows: layoutRows)
  }
}
