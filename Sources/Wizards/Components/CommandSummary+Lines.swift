import StockroomDomain
import TerminalUI

extension CommandSummary {
  /// The summary as lines of at most `width` cells, as the Confirm step draws it.
  func lines(width: Int) -> [String] {
    SummaryLayout.lines(
      heading: heading, bullets: bullets, rows: rows.map { ($0.label, $0.items, $0.isList) },
      width: width)
  }
}
