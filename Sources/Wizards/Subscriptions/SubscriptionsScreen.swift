import StockroomDomain
import TerminalUI

/// The searchable list of subscriptions: typing searches by subscription number, AR code or
/// name, or installed serial; Enter opens the subscription.
public struct SubscriptionsScreen: Screen {
  private var search = TextField(width: 30, maxLength: 64)
  private var numbers: [String] = []
  private var table: Table
  private var notice: StatusLine?

  public init(context: AppContext) {
    table = Self.makeTable([])
    refreshed(context: context)
  }

  static func makeTable(_ rows: [[String]]) -> Table {
    var table = Table(
      columns: [
        .init("Number", width: 11), .init("State", width: 25), .init("AR", width: 8),
        .init("Name", width: 20), .init("Items", width: 5, alignment: .right),
      ], rowCount: rows.count
    ) { row, column in
      guard rows.indices.contains(row), rows[row].indices.contains(column) else { return "" }
      return rows[row][column]
    }
    table.layout(in: AccountsScreen.tableRect(in: App.bodyRect(for: .minimum)))
    return table
  }

  public var title: String { "Subscriptions" }

  public var help: String {
    """
    Every subscription. Type to search by subscription number, Accounts Receivable code or \
    name, or the serial of an installed item; ↑ ↓ PgUp PgDn choose; Enter opens the \
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
    let found = book.search(search.text)
    numbers = found.map(\.number)
    let rows = found.map { subscription in
      [
        subscription.number, subscription.state.title, subscription.receivable,
        TextSafety.neutralised(book.receivable(subscription.receivable)?.name ?? "-"),
        String(subscription.items.count),
      ]
    }
    let cursor = table.cursor
    table = Self.makeTable(rows)
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
      guard !search.text.isEmpty else { return .pop }
      search.setText("")
      refreshed(context: context)
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
    guard numbers.indices.contains(table.cursor) else {
      notice = StatusLine("No subscription matches \"\(search.text)\".", kind: .error)
      return .none
    }
    return .push(SubscriptionScreen(number: numbers[table.cursor], context: context))
  }

  public func view(into buffer: inout Buffer, in rect: Rect, context: AppContext) {
    Box.draw(into: &buffer, rect, title: "Subscriptions")
    let inside = rect.inset(by: 1)
    buffer.put("Search", x: inside.x + 1, y: inside.y, style: .title)
    search.render(
      into: &buffer, in: Rect(x: inside.x + 8, y: inside.y, width: 32, height: 1), focused: true)
    let count = "\(numbers.count) of \(context.state.subscriptions.subscriptions.count)"
    buffer.put(count, x: inside.maxX - CharacterWidth.of(count) - 1, y: inside.y, style: .hint)
    table.render(into: &buffer, in: AccountsScreen.tableRect(in: rect), focused: true)
    if numbers.isEmpty {
      buffer.put(
        "No subscription matches.", x: inside.x + 1, y: inside.y + 4, style: .hint, clip: inside)
    }
  }

  public func cursor(in rect: Rect) -> Point? {
    let inside = rect.inset(by: 1)
    return search.cursorPosition(in: Rect(x: inside.x + 8, y: inside.y, width: 32, height: 1))
  }
}
