import StockroomDomain
import TerminalUI

/// On-Boarding > Allocation for one account: Maximum, In Use and Available
/// per product column. Each Available cell opens the deallocation wizard for
/// that inventory; the Transaction Log lists the account's transactions.
public struct AllocationScreen: Screen {
  public let account: Int
  private(set) var cells: [AllocationCell] = []
  var selected = 0
  var logFocused = false
  private(set) var logCount = 0
  private(set) var accountCode = ""
  private(set) var accountName = ""
  var notice: StatusLine?

  public init(account: Int, context: AppContext) {
    self.account = account
    refreshed(context: context)
  }

  public var title: String { TextSafety.neutralised(accountName) }
  /// The seed's page: the Allocation table ("The Allocation table is updated").
  public var position: String { "Allocation" }

  public var help: String {
    """
    The allocation table of \(TextSafety.neutralised(accountName)): for each product and \
    type, Maximum is what was allocated to the account, In Use what is assigned to users in \
    its Virtual Server, and Available = Maximum − In Use, the most that can be deallocated.

    ← → choose an Available cell and Enter opens the deallocation wizard for it: SMS \
    software tokens or capacity, MobilePASS, or hardware tokens of one model. A rental SMS \
    deallocation also returns one unit of capacity per token, so its limit is also the \
    available capacity.

    a opens the allocation wizard for this account: stock from the provider's inventory, \
    as a rental, a sale or capacity only.

    ↓ goes to the Transaction Log; Enter there lists the account's transactions, and each \
    Transaction ID opens the tokens it returned.
    """
  }

  public var keyBindings: [KeyBinding] {
    logFocused
      ? [KeyBinding("Enter", "open log"), KeyBinding("↑", "table"), .back]
      : [
        KeyBinding("Enter", "deallocate"), KeyBinding("a", "allocate"),
        KeyBinding("←↑↓→", "move"), .back,
      ]
  }

  public var status: StatusLine? {
    if let notice { return notice }
    if logFocused { return StatusLine("Lists every transaction of this account.") }
    guard cells.indices.contains(selected) else { return nil }
    return StatusLine(AllocationScreen.explain(cells[selected]))
  }

  /// What the selected Available cell means, or why it cannot be deallocated.
  static func explain(_ cell: AllocationCell) -> String {
    let name = cell.title
    if cell.maximum == 0 { return "\(name): nothing is allocated to this account." }
    if cell.available <= 0 {
      return "\(name): nothing to deallocate; all \(cell.maximum) are in use."
    }
    switch cell.column {
    case .hardware:
      return
        "\(name) Available: \(cell.available) hardware tokens allocated to this account and not in use."
    case .software(.capacity):
      return "Capacity Available: \(cell.available) units not held by users."
    case .software(.smsRental):
      if cell.deallocatable < cell.available {
        return
          "SMS Rental Available: \(cell.available); \(cell.deallocatable) can go, with 1 unit of capacity each."
      }
      return "SMS Rental Available: \(cell.available) tokens; 1 unit of capacity goes with each."
    case .software(let column):
      return "\(column.title) Available: \(cell.available) tokens not in use."
    }
  }

  public mutating func refreshed(context: AppContext) {
    let state = context.state
    guard state.accounts.indices.contains(account) else { return }
    accountCode = state.accounts[account].code
    accountName = state.accounts[account].name
    cells = state.allocationTable(account: account)
    selected = min(selected, max(0, cells.count - 1))
    logCount = ((try? context.store?.transactions(account: accountCode)) ?? nil)?.count ?? 0
  }

  public mutating func update(_ key: Key, context: AppContext) -> Effect {
    notice = nil
    switch key {
    case .left where !logFocused:
      selected = max(0, selected - 1)
    case .right where !logFocused:
      selected = min(cells.count - 1, selected + 1)
    case .home where !logFocused:
      selected = 0
    case .end where !logFocused:
      selected = cells.count - 1
    case .down, .tab:
      logFocused = true
    case .up, .backTab:
      logFocused = false
    case .enter:
      return logFocused ? openLog(context: context) : openCell(context: context)
    case .character("a"):
      guard let wizard = AllocationFlow.screen(account: account, context: context) else { break }
      return .push(wizard)
    case .mouse(let mouse) where mouse.action == .press:
      let layout = AllocationScreen.layout(in: context.bodyRect, titles: cells.map(\.title))
      if mouse.position.y == layout.logRow {
        logFocused = true
        return openLog(context: context)
      }
      if mouse.position.y == layout.availableRow,
        let column = layout.column(atX: mouse.position.x), cells.indices.contains(column)
      {
        selected = column
        logFocused = false
        return openCell(context: context)
      }
    default:
      break
    }
    return .none
  }

  private func openLog(context: AppContext) -> Effect {
    .push(
      TransactionLogScreen(accountCode: accountCode, accountName: accountName, context: context))
  }

  mutating func openCell(context: AppContext) -> Effect {
    guard cells.indices.contains(selected) else { return .none }
    let cell = cells[selected]
    guard cell.deallocatable > 0 else {
      notice = StatusLine(AllocationScreen.explain(cell), kind: .error)
      return .none
    }
    guard let flow = DeallocationFlow.make(for: cell.column, account: account, context: context)
    else { return .none }
    return .push(WizardScreen(flow: flow.flow, answers: flow.answers))
  }

  /// "Transaction Log (3 transactions)": the line under the table.
  var logTitle: String { "Transaction Log (" + TextRules.counted(logCount, "transaction") + ")" }

  /// What the Available cells do, under the table.
  static let hint =
    "Each Available cell opens the deallocation wizard. Software tokens and capacity go "
    + "back to the provider's stock at once; deallocate hardware tokens only once they "
    + "are physically back."

  /// The width of the row labels (Maximum, In Use, Available).
  static let labelWidth = 12
  /// The narrowest product column: what 80 columns give, and what the
  /// compact table after a commit uses.
  static let columnWidth = 8
  /// The widest product column: past it, extra room stays on the right.
  static let widestColumn = 14

  /// Where the allocation table goes in a body: the one layout drawing and
  /// mouse clicks use. Product columns widen with the room there is (8 cells
  /// at 80 columns); when every title fits on one line, headings take one.
  struct Layout: Hashable {
    /// The inside of the box.
    var inside: Rect
    /// The width of each product column.
    var columnWidth: Int
    /// True when every column title fits on the heading's last line.
    var oneLineHeadings: Bool

    /// Where the row labels start.
    var x: Int { inside.x + 1 }
    /// The heading's last line (the first is the line above).
    var headerRow: Int { inside.y + 2 }
    var maximumRow: Int { headerRow + 2 }
    var inUseRow: Int { headerRow + 3 }
    var availableRow: Int { headerRow + 4 }
    var logRow: Int { headerRow + 6 }

    /// Where the numbers of column `index` start (its heading and the
    /// Available brackets start one cell to the left).
    func cellX(_ index: Int) -> Int {
      x + AllocationScreen.labelWidth + index * columnWidth
    }

    /// The product column drawn at `x`, if any (the caller checks it exists).
    func column(atX x: Int) -> Int? {
      let start = cellX(0) - 1
      guard x >= start else { return nil }
      return (x - start) / columnWidth
    }
  }

  /// The layout for a body of `rect` and the columns titled `titles`.
  static func layout(in rect: Rect, titles: [String]) -> Layout {
    let inside = rect.inset(by: 1)
    let room = (inside.width - 2 - labelWidth) / max(1, titles.count)
    let width = min(max(room, columnWidth), widestColumn)
    let oneLine = titles.allSatisfy { CharacterWidth.of($0) < width }
    return Layout(inside: inside, columnWidth: width, oneLineHeadings: oneLine)
  }

  /// A column title on two lines: "SMS Rental" → "SMS" / "Rental".
  static func headerLines(_ title: String) -> (String, String) {
    if title == "MobilePASS" { return ("Mobile-", "PASS") }
    guard let space = title.firstIndex(of: " ") else { return ("", title) }
    return (String(title[..<space]), String(title[title.index(after: space)...]))
  }

  public func view(into buffer: inout Buffer, in rect: Rect, context: AppContext) {
    Box.draw(into: &buffer, rect, title: "Allocation")
    let layout = AllocationScreen.layout(in: rect, titles: cells.map(\.title))
    let inside = layout.inside
    let x = layout.x
    let name = TextSafety.neutralised(accountName)
    buffer.put(name, x: x, y: inside.y, style: .title, clip: inside)
    buffer.put(
      "  \(accountCode) · Virtual Server", x: x + CharacterWidth.of(name), y: inside.y,
      style: .hint, clip: inside)
    let header = layout.headerRow
    let width = layout.columnWidth
    for (index, cell) in cells.enumerated() {
      let cx = layout.cellX(index)
      let (top, bottom) =
        layout.oneLineHeadings ? ("", cell.title) : AllocationScreen.headerLines(cell.title)
      buffer.put(TextLayout.padLeft(top, to: width), x: cx - 1, y: header - 1, style: .title)
      buffer.put(TextLayout.padLeft(bottom, to: width), x: cx - 1, y: header, style: .title)
      buffer.put(
        TextLayout.padLeft(String(cell.maximum), to: width - 1), x: cx, y: layout.maximumRow)
      buffer.put(TextLayout.padLeft(String(cell.inUse), to: width - 1), x: cx, y: layout.inUseRow)
      let value = TextLayout.padLeft(String(cell.available), to: width - 3)
      let isSelected = index == selected && !logFocused
      let text = isSelected ? "[" + value + "]" : " " + value + " "
      buffer.put(
        text, x: cx - 1, y: layout.availableRow,
        style: isSelected ? .highlight : (cell.deallocatable > 0 ? .title : .hint))
    }
    buffer.put("Maximum", x: x + 1, y: layout.maximumRow)
    buffer.put("In Use", x: x + 1, y: layout.inUseRow)
    buffer.put("Available", x: x + 1, y: layout.availableRow, style: .title)
    let log = logTitle
    buffer.put(
      logFocused ? "▶ " + log : "  " + log, x: x, y: layout.logRow,
      style: logFocused ? .highlight : .plain)
    buffer.putWrapped(
      Self.hint,
      in: Rect(x: x, y: layout.logRow + 2, width: inside.width - 2, height: 3),
      style: .hint)
  }
}
