import StockroomDomain
import TerminalUI

/// The searchable list of subscriptions: typing searches by subscription number, AR code or
/// name, or installed serial; Enter opens the subscription.
public struct SubscriptionsScreen: Screen {
  var list = SearchableTable(table: SubscriptionsScreen.makeTable([]))
  private(set) var numbers: [String] = []
  private var notice: StatusLine?

  public init(context: AppContext) {
    refreshed(context: context)
  }

  static func makeTable(_ rows: [[String]]) -> Table {
    var table = Table(
      columns: [
        .init("Number", width: 11), .init("Life Cycle State", width: 25), .init("AR", width: 8),
        .init("Name", width: 20), .init("Items", width: 5, alignment: .right),
      ], rowCount: rows.count
    ) { row, column in
      guard rows.indices.contains(row), rows[row].indices.contains(column) else { return "" }
      return rows[row][column]
    }
    table.fitToContent(columns: [3])
    return table
  }

  public var title: String { "Subscriptions" }

  public var help: String {
    """
    Every subscription with its Life Cycle State and its Accounts Receivable (AR). Type to \
    search by subscription number, Accounts Receivable code or name, or the serial of an installed item; ↑ ↓ PgUp PgDn choose; Enter opens the \
    subscription with its installed items and actions.

    Esc clears the search, then goes back.
    """
  }

  public var keyBindings: [KeyBinding] {
    [KeyBinding("type", "search"), .move, KeyBinding("Enter", "open"), .back]
  }

  public var isEditingText: Bool { true }
  public var status: StatusLine? { notice }

  public mutating func refreshed(context: AppContext) {
    let book = context.state.subscriptions
    let found = book.search(list.text)
    numbers = found.map(\.number)
    let rows = found.map { subscription in
      [
        subscription.number, subscription.state.title, subscription.receivable,
        TextSafety.neutralised(book.receivable(subscription.receivable)?.name ?? "-"),
        String(subscription.items.count),
      ]
    }
    list.replaceTable(Self.makeTable(rows), in: context.bodyRect)
  }

  public mutating func update(_ key: Key, context: AppContext) -> Effect {
    list.layout(in: context.bodyRect)
    notice = nil
    switch list.update(key) {
    case .none: return .none
    case .open: return open(context: context)
    case .leave: return .pop
    case .searchChanged:
      let cleared = key == .escape
      refreshed(context: context)
      return cleared ? .stay : .none
    }
  }

  mutating func open(context: AppContext) -> Effect {
    guard numbers.indices.contains(list.cursor) else {
      notice = StatusLine("No subscription matches \"\(list.text)\".", kind: .error)
      return .none
    }
    return .push(SubscriptionScreen(number: numbers[list.cursor], context: context))
  }

  public func view(into buffer: inout Buffer, in rect: Rect, context: AppContext) {
    list.render(
      into: &buffer, in: rect, title: "Subscriptions", count: count(context), empty: Self.empty)
  }

  func count(_ context: AppContext) -> String {
    "\(numbers.count) of \(context.state.subscriptions.subscriptions.count)"
  }

  static let empty = "No subscription matches."

  public func cursor(in rect: Rect) -> Point? {
    list.cursorPosition(in: rect)
  }
}
