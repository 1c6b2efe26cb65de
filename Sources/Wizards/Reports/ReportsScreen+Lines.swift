import StockroomDomain
import TerminalUI

extension ReportsScreen: LineReadable {
  /// The filters as they stand, the report shown (a row each, every column named) and its
  /// totals. Each report, reason and text filter is a word: the keys Tab to its control and
  /// choose it, or empty a text field for the text typed next (Enter then runs the report).
  public func lines(context: AppContext) -> ScreenLines {
    if let question { return question.lines }
    if let job {
      return ScreenLines(
        summary: ["Reading the ledger for \(job.run.kind.title): \(job.percent)%."],
        actions: [LineAction("stop", "Cancel the report", keys: [.escape])])
    }
    return ScreenLines(
      summary: [filters] + shown + statusParagraph, rows: result == nil ? [] : table.namedRows,
      actions: choices + texts + [LineAction("run", "Run the report", keys: run)] + tableActions)
  }

  public mutating func openRow(_ index: Int, context: AppContext) -> Effect { .none }

  /// "Filters: Report Transactions, Reason Any, From 2026-11-01".
  private var filters: String {
    RowLine.named(
      "Filters",
      ReportFilterForm.layout(in: Rect(x: 0, y: 0, width: 0, height: 0)).map { place in
        let value: String
        switch place.control {
        case .report: value = form.kind.title
        case .reason: value = form.reason.choice.value ?? ""
        default: value = form.texts[place.control]?.text ?? ""
        }
        return (place.label, value)
      })
  }

  /// What the table shows: which report, how sorted, its totals.
  private var shown: [String] {
    guard let result else { return [] }
    let sorted = sortColumn.map {
      ", sorted by \(result.columns[$0].title), " + (descending ? "descending" : "ascending")
    }
    return ["\(shownKind.title): \(result.rows.count) rows\(sorted ?? "")."]
      + (result.rows.isEmpty ? [Self.nothing] : [])
      + [ReportTableView.totals(result).replacingOccurrences(of: " · ", with: ", ") + "."]
  }

  /// Tab from the control with focus to `control` (nil: the table).
  private func focusKeys(_ control: ReportFilterForm.Control?) -> [Key] {
    let order: [ReportFilterForm.Control?] = ReportFilterForm.Control.allCases + [nil]
    return LineKeys.steps(
      from: order.firstIndex(of: focus) ?? 0, to: order.firstIndex(of: control) ?? 0,
      count: order.count)
  }

  /// A word for each report and each reason: its control, Home, → to the choice.
  private var choices: [LineAction] {
    let reports = ReportKind.allCases.enumerated().map { index, kind in
      LineAction(
        kind.rawValue, "Report: \(kind.title)",
        keys: focusKeys(.report) + [.home] + Array(repeating: .right, count: index))
    }
    let reasons = form.reason.choice.options.enumerated().map { index, title in
      LineAction(
        index == 0 ? "any" : ReturnReason.allCases[index - 1].rawValue, "Reason: \(title)",
        keys: focusKeys(.reason) + [.home] + Array(repeating: .right, count: index))
    }
    return reports + reasons
  }

  /// A word for each text filter: its control, then Ctrl-U empties it.
  private var texts: [LineAction] {
    ReportFilterForm.layout(in: Rect(x: 0, y: 0, width: 0, height: 0)).compactMap { place in
      guard form.isText(place.control) else { return nil }
      let hint = [.from, .to].contains(place.control) ? " (YYYY-MM-DD, UTC)" : ""
      return LineAction(
        place.label.lowercased(), "Type the \(place.label) filter\(hint)",
        keys: focusKeys(place.control) + [.control("u")])
    }
  }

  /// Enter on the form runs the report (on the table it would not).
  private var run: [Key] { (focus == nil ? focusKeys(.report) : []) + [.enter] }

  /// With rows shown: choose the next column, sort by it, export.
  private var tableActions: [LineAction] {
    guard let result, !result.rows.isEmpty else { return [] }
    let columns = result.columns
    let now = table.selectedColumn ?? 0
    let next = now + 1 < columns.count ? now + 1 : 0
    let step: [Key] =
      next > now ? [.right] : Array(repeating: .left, count: now)
    return [
      LineAction(
        "column",
        "Choose the next column to sort by: \(columns[next].title) (now \(columns[now].title))",
        keys: focusKeys(nil) + step),
      LineAction(
        "sort", "Sort by \(columns[now].title) (again: the other way)",
        keys: focusKeys(nil) + [.character("s")]),
      LineAction(
        "export", "Export the report to CSV or JSON Lines", keys: focusKeys(nil) + [.character("e")]
      ),
    ]
  }
}
