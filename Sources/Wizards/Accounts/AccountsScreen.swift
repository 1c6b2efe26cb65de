import StockroomDomain
import TerminalUI

/// The searchable list of accounts (customers). Typing filters by code or
/// name at once; Enter opens the account's allocation table.
public struct AccountsScreen: Screen {
  private var search = TextField(width: 30, maxLength: 64)
  private var rows: [AccountRow] = []
  private var table: Table
  private var notice: StatusLine?
  /// What Enter does with the chosen account.
  public private(set) var purpose = Purpose.browse

  /// Why the list is open: to browse allocation tables, or to choose whom to allocate to.
  public enum Purpose: Sendable {
    case browse
    case allocate
  }

  /// What the list shows of one account.
  struct AccountRow: Sendable {
    var index: Int
    var code: String
    var name: String
    var hardware: Int
    var hardwareInUse: Int
  }

  public init(context: AppContext, purpose: Purpose = .browse) {
    table = AccountsScreen.makeTable([])
    self.purpose = purpose
    refreshed(context: context)
  }

  static func makeTable(_ rows: [AccountRow]) -> Table {
    var table = Table(
      columns: [
        .init("Code", width: 10), .init("Name", width: 34),
        .init("Hardware\ntokens", width: 9, alignment: .right),
        .init("In use", width: 8, alignment: .right),
      ], rowCount: rows.count
    ) { row, column in
      guard rows.indices.contains(row) else { return "" }
      let account = rows[row]
      switch column {
      case 0: return account.code
      case 1: return TextSafety.neutralised(account.name)
      case 2: return String(account.hardware)
      default: return String(account.hardwareInUse)
      }
    }
    table.layout(in: AccountsScreen.tableRect(in: App.bodyRect(for: .minimum)))
    return table
  }

  static func tableRect(in rect: Rect) -> Rect {
    let inside = rect.inset(by: 1)
    return Rect(
      x: inside.x + 1, y: inside.y + 2, width: inside.width - 2, height: inside.height - 2)
  }

  public var title: String { purpose == .allocate ? "Allocate to…" : "Accounts" }

  public var help: String {
    """
    Every account (customer) of the service provider. Type to search by code or name; \
    ↑ ↓ PgUp PgDn choose; Enter opens the account's allocation table, where the Available \
    cells open the deallocation wizard.

    Esc clears the search, then goes back.
    """
  }

  public var keyBindings: [KeyBinding] {
    [KeyBinding("type", "search"), .move, KeyBinding("Enter", "open"), .back]
  }

  public var isEditingText: Bool { true }
  public var status: StatusLine? { notice }

  public mutating func refreshed(context: AppContext) {
    let state = context.state
    let needle = search.text.lowercased()
    rows = state.accounts.enumerated().compactMap { index, account in
      guard
        needle.isEmpty || account.code.lowercased().contains(needle)
          || account.name.lowercased().contains(needle)
      else { return nil }
      return AccountRow(
        index: index, code: account.code, name: account.name,
        hardware: account.hardwareAllocated.reduce(0, +),
        hardwareInUse: account.hardwareInUse.reduce(0, +))
    }
    let cursor = table.cursor
    table = AccountsScreen.makeTable(rows)
    table.moveCursor(to: cursor)
  }

  public mutating func update(_ key: Key, context: AppContext) -> Effect {
    notice = nil
    switch key {
    case .up, .down, .pageUp, .pageDown, .home, .end:
      _ = table.update(key)
    case .mouse(let mouse):
      if table.update(.mouse(mouse)) == .activated { return open(context: context) }
    case .enter:
      return open(context: context)
    case .escape:
      guard !search.text.isEmpty else { return .none }
      search.setText("")
      refreshed(context: context)
      return .stay
    default:
      let before = search.text
      _ = search.update(key)
      if search.text != before {
        refreshed(context: context)
        table.moveCursor(to: 0)
      }
    }
    return .none
  }

  private mutating func open(context: AppContext) -> Effect {
    guard rows.indices.contains(table.cursor) else {
      notice = StatusLine("No account matches \"\(search.text)\".", kind: .error)
      return .none
    }
    let account = rows[table.cursor].index
    if purpose == .allocate, let made = AllocationFlow.make(account: account, context: context) {
      return .replace(WizardScreen(flow: made.flow, answers: made.answers))
    }
    return .push(AllocationScreen(account: account, context: context))
  }

  public func view(into buffer: inout Buffer, in rect: Rect, context: AppContext) {
    Box.draw(
      into: &buffer, rect,
      title: purpose == .allocate ? "Choose the account to allocate to" : "Accounts")
    let inside = rect.inset(by: 1)
    buffer.put("Search", x: inside.x + 1, y: inside.y, style: .title)
    search.render(
      into: &buffer, in: Rect(x: inside.x + 8, y: inside.y, width: 40, height: 1), focused: true)
    let count = "\(rows.count) of \(context.state.accounts.count) accounts"
    buffer.put(count, x: inside.maxX - CharacterWidth.of(count) - 1, y: inside.y, style: .hint)
    table.render(into: &buffer, in: AccountsScreen.tableRect(in: rect), focused: true)
    if rows.isEmpty {
      buffer.put(
        "No account matches.", x: inside.x + 1, y: inside.y + 4, style: .hint, clip: inside)
    }
  }

  public func cursor(in rect: Rect) -> Point? {
    let inside = rect.inset(by: 1)
    return search.cursorPosition(in: Rect(x: inside.x + 8, y: inside.y, width: 40, height: 1))
  }
}
