import StockroomDomain
import TerminalUI

/// The export prompt of the Reports screen (`e`): CSV or JSON Lines, into the data
/// directory's `exports/` under a name saying which report and when.
enum ReportExportPrompt {
  static let buttons = ["CSV", "JSON Lines", "Cancel"]

  static func dialog(kind: ReportKind, rows: Int) -> Modal {
    Modal(
      title: "Export \(kind.title)",
      message: "Write the \(rows) rows shown to the data directory's exports/ folder, as CSV "
        + "(RFC 4180, a header row) or JSON Lines (one object a row)? The file is readable by "
        + "you only.",
      buttons: buttons, shortcuts: ["c": 0, "j": 1])
  }

  /// The export the button chosen asks for (nil: Cancel). `now`: ISO 8601, UTC.
  static func export(_ report: ReportTable, kind: ReportKind, choice: Int?, now: String)
    -> ReportExport?
  {
    guard let choice, choice < 2 else { return nil }
    let stamp = now.filter { $0.isNumber || $0 == "T" || $0 == "Z" }
    let name = "\(kind.rawValue)-\(stamp)." + (choice == 0 ? "csv" : "jsonl")
    return ReportExport(
      fileName: name, contents: choice == 0 ? report.csv : report.jsonLines,
      rows: report.rows.count)
  }
}
