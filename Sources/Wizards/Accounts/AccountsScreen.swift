import StockroomDomain
import TerminalUI

/// The searchable list of accounts (customers). Typing filters by code or
/// name at once; Enter opens the account's allocation table.
public struct AccountsScreen: Screen {
  var list = SearchableTable(table: AccountsScreen.makeTable([]))
  private(set) var rows: [AccountRow] = []
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
    table.fitToContent(columns: [1])
    return table
  }

  /// The seed's way in to the accounts: "Click On-Boarding > Allocation".
  public static let onBoarding = "On-Boarding › Allocation"

  public var title: String { purpose == .allocate ? "Allocate to…" : Self.onBoarding }

  public var help: String {
    """
    On-Boarding › Allocation: every account (customer) of the service provider. Type to \
    search by code or name; ↑ ↓ PgUp PgDn choose; Enter opens the account's Allocation \
    table, where the Available cells open the deallocation wizard.

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
    let needle = list.text.lowercased()
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
    list.replaceTable(AccountsScreen.makeTable(rows), in: context.bodyRect)
  }

  public mutating func update(_ key: Key, context: AppContext) -> Effect {
    list.layout(in: context.bodyRect)
    notice = nil
    switch list.update(key) {
    case .none: return .none
    case .open: return open(context: context)
    case .leave: return .none
    case .searchChanged:
      let cleared = key == .escape
      refreshed(context: context)
      return cleared ? .stay : .none
    }
  }

  mutating func open(context: AppContext) -> Effect {
    guard rows.indices.contains(list.cursor) else {
      notice = StatusLine("No account matches \"\(list.text)\".", kind: .error)
      return .none
    }
    let account = rows[list.cursor].index
    if purpose == .allocate, let wizard = AllocationFlow.screen(account: account, context: context)
    {
      return .replace(wizard)
    }
    return .push(AllocationScreen(account: account, context: context))
  }

  public func view(into buffer: inout Buffer, in rect: Rect, context: AppContext) {
    list.render(
      into: &buffer, in: rect, title: heading, count: count(context), empty: Self.empty)
  }

  var heading: String {
    purpose == .allocate ? "Choose the account to allocate to" : "Accounts"
  }

  func count(_ context: AppContext) -> String {
    "\(rows.count) of \(context.state.accounts.count) accounts"
  }

  static let empty = "No account matches."

  public func cursor(in rect: Rect) -> Point? {
    list.cursorPosition(in: rect)
  }
}
