import Foundation
import StockroomDomain
import TerminalUI

/// Home › Reports (issue 18): the filter form above a scrollable, sortable table of the
/// report chosen, with its totals beneath. Enter runs the report; a report over the whole
/// ledger reads it a chunk at a time between keys, showing how far it has got, and Esc or
/// Ctrl-C cancels it. `e` exports the report shown to the data directory's `exports/`.
public struct ReportsScreen: Screen {
  var form = ReportFilterForm()
  /// The form control with focus; nil: the table.
  var focus: ReportFilterForm.Control? = .report
  /// The report shown, as computed, and as sorted.
  var result: ReportTable?
  var shownKind = ReportKind.transactions
  var sortColumn: Int?
  var descending = false
  var table = Table(columns: [], rowCount: 0) { _, _ in "" }
  var job: ReportJob?
  var question: Modal?
  var notice: StatusLine?

  /// The screen with the transactions report of the whole ledger started.
  public init(context: AppContext) {
    start(context: context)
  }

  public var title: String { "Reports" }

  public var help: String {
    """
    Three reports from the ledger: Transactions (every transaction matching the filters, \
    with its Reference, Container, Comment, return reason and who committed it), Stock \
    movements (per product and hardware model: held at the start, what came in and went \
    out, held at the end; held is what the provider keeps in its own stock, every state \
    but allocated) and Faulty and lost (the tokens faulty or lost now, by model, account and \
    container, with their age since marked).

    Fill in the filters (dates are YYYY-MM-DD, inclusive, in UTC; the reason and the report \
    with ↑ ↓) and press Enter to run the report. A report over the whole ledger shows how \
    far it has got; Esc or Ctrl-C cancels it. On the table, ← → choose a column and s sorts \
    by it (again: the other way). e exports the report shown to the data directory's \
    exports/ folder as CSV or JSON Lines; `stockroom report` prints the same headless.
    """
  }

  public var keyBindings: [KeyBinding] {
    if question != nil {
      return [
        KeyBinding("←→", "choose"), KeyBinding("Enter", "press"), KeyBinding("Esc", "cancel"),
      ]
    }
    if job != nil { return [KeyBinding("Esc", "cancel")] }
    return [
      .nextField, KeyBinding("Enter", "run"), KeyBinding("s", "sort", inLegend: focus == nil),
      KeyBinding("e", "export", inLegend: focus == nil), .back,
    ]
  }

  public var isEditingText: Bool { question == nil && job == nil && focus.map(form.isText) == true }
  public var isWorking: Bool { job != nil }
  public var status: StatusLine? { notice }

  public func takesKey(_ key: Key) -> Bool { question != nil || job != nil }

  // MARK: - Running

  /// Checks the form and starts its report: at once for an account's, else a chunk at a
  /// time from `idle`.
  mutating func start(context: AppContext) {
    let kind = form.kind
    let filter: ReportFilter
    do throws(ReportFilterText.Problem) {
      filter = try form.text.filter(for: kind, in: context.state)
    } catch {
      notice = StatusLine(error.message, kind: .error)
      return
    }
    guard let store = context.store else { return }
    var run = ReportRun(kind, filter: filter, now: Self.now(context))
    notice = nil
    if let account = run.account {
      do throws(ReportFailure) {
        let found: [Transaction]
        do throws(LedgerError) {
          found = try store.transactions(account: account)
        } catch {
          throw .ledger(error)
        }
        for transaction in found {
          guard try run.take(transaction) else { break }
        }
      } catch {
        notice = Self.failure(error)
        return
      }
      show(run.finish(state: context.state), kind: kind, context: context)
      return
    }
    job = ReportJob(run, last: store.lastSequence)
    _ = idle(context: context)
  }

  public mutating func idle(context: AppContext) -> Bool {
    guard var running = job, let store = context.store else { return false }
    do throws(ReportFailure) {
      if try running.step(store, count: 2_000) {
        job = nil
        show(running.run.finish(state: context.state), kind: running.run.kind, context: context)
      } else {
        job = running
      }
    } catch {
      job = nil
      notice = Self.failure(error)
    }
    return true
  }

  mutating func show(_ report: ReportTable, kind: ReportKind, context: AppContext) {
    result = report
    shownKind = kind
    sortColumn = nil
    descending = false
    rebuildTable(context: context)
  }

  mutating func rebuildTable(context: AppContext) {
    guard let result else { return }
    let sorted = sortColumn.map { result.sorted(by: $0, descending: descending) } ?? result
    table = ReportTableView.table(sorted, kind: shownKind, selected: table.selectedColumn)
    table.layout(in: Self.tableRect(in: context.bodyRect))
  }

  static func now(_ context: AppContext) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: context.now)
  }

  static func failure(_ error: ReportFailure) -> StatusLine {
    switch error {
    case .cancelled: return StatusLine("Cancelled.")
    case .ledger(let problem): return StatusLine("The store: \(problem)", kind: .error)
    case .damaged(let problem): return StatusLine("The ledger: \(problem)", kind: .error)
    }
  }

  // MARK: - Keys

  public mutating func update(_ key: Key, context: AppContext) -> Effect {
    if job != nil {
      if key == .escape || key == .control("c") {
        job = nil
        notice = StatusLine("Cancelled: the report was not finished.")
      }
      return .stay
    }
    if question != nil { return answerExport(key, context: context) }
    table.layout(in: Self.tableRect(in: context.bodyRect))
    switch key {
    case .tab, .backTab:
      moveFocus(forward: key == .tab)
      return .stay
    case .enter where focus != nil:
      start(context: context)
      return .stay
    default: break
    }
    guard let control = focus else { return updateTable(key, context: context) }
    return form.update(control, key: key) == .ignored ? .none : .stay
  }

  private mutating func updateTable(_ key: Key, context: AppContext) -> Effect {
    switch key {
    case .character("s"):
      guard let column = table.selectedColumn else { return .stay }
      descending = sortColumn == column ? !descending : false
      sortColumn = column
      rebuildTable(context: context)
      return .stay
    case .character("e"):
      guard let result else { return .stay }
      question = ReportExportPrompt.dialog(kind: shownKind, rows: result.rows.count)
      question?.layout(in: context.bodyRect)
      return .stay
    default:
      return table.update(key) == .ignored ? .none : .stay
    }
  }

  private mutating func answerExport(_ key: Key, context: AppContext) -> Effect {
    guard var dialog = question else { return .stay }
    let result = dialog.update(key)
    question = dialog
    guard result == .activated else { return .stay }
    question = nil
    guard let report = self.result,
      let export = ReportExportPrompt.export(
        report, kind: shownKind, choice: dialog.chosen, now: Self.now(context))
    else { return .stay }
    notice = StatusLine("Writing \(export.rows) rows to exports/\(export.fileName)…")
    return .export(export)
  }

  public mutating func exported(_ outcome: ReportExport.Outcome, context: AppContext) {
    switch outcome {
    case .written(let path):
      notice = StatusLine("Exported to \(TextSafety.neutralised(path))", kind: .success)
    case .failed(let reason):
      notice = StatusLine("Not exported: \(TextSafety.neutralised(reason))", kind: .error)
    }
  }

  private mutating func moveFocus(forward: Bool) {
    let order: [ReportFilterForm.Control?] = ReportFilterForm.Control.allCases + [nil]
    let index = order.firstIndex(of: focus) ?? 0
    focus = order[(index + (forward ? 1 : order.count - 1)) % order.count]
  }

  // MARK: - Drawing

  /// The form's four rows, a line saying what is shown, the table, and the totals line.
  static func formRect(in rect: Rect) -> Rect {
    let inside = rect.inset(by: 1)
    return Rect(x: inside.x, y: inside.y, width: inside.width, height: 4)
  }

  static func tableRect(in rect: Rect) -> Rect {
    let inside = rect.inset(by: 1)
    return Rect(
      x: inside.x + 1, y: inside.y + 5, width: inside.width - 2, height: inside.height - 6)
  }

  public func cursor(in rect: Rect) -> Point? {
    guard question == nil, job == nil, let focus else { return nil }
    return form.cursor(focus, in: Self.formRect(in: rect))
  }

  static let nothing =
    "Nothing matches these filters. Change them and press Enter to run the report again."

  public func view(into buffer: inout Buffer, in rect: Rect, context: AppContext) {
    Box.draw(into: &buffer, rect, title: "Reports")
    let inside = rect.inset(by: 1)
    form.render(focus: job == nil ? focus : nil, in: Self.formRect(in: rect), into: &buffer)
    let line = inside.y + 4
    if let job {
      buffer.put(
        "Reading the ledger for \(job.run.kind.title): \(job.percent)% · Esc cancels",
        x: inside.x + 1, y: line, style: .warning, clip: inside)
    } else if let result {
      let sorted = sortColumn.map {
        " · sorted by \(result.columns[$0].title) " + (descending ? "▼" : "▲")
      }
      buffer.put(
        "\(shownKind.title) · \(result.rows.count) rows" + (sorted ?? ""), x: inside.x + 1,
        y: line, style: .hint, clip: inside)
    }
    let tableRect = Self.tableRect(in: rect)
    guard job == nil, let result else { return }
    if result.rows.isEmpty {
      buffer.putWrapped(
        Self.nothing,
        in: Rect(x: tableRect.x, y: tableRect.y + 1, width: tableRect.width, height: 2),
        style: .hint)
    } else {
      table.render(into: &buffer, in: tableRect, focused: focus == nil)
    }
    buffer.put(
      TextLayout.truncate(ReportTableView.totals(result), to: inside.width - 2),
      x: inside.x + 1, y: inside.maxY - 1, style: .title, clip: inside)
    if let question { question.render(into: &buffer, in: rect, focused: true) }
  }
}
