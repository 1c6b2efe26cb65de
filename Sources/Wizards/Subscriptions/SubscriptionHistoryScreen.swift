import StockroomDomain
import TerminalUI

/// The history of a subscription, an installed item or a warehouse: every transaction about
/// it from the ledger, newest first, with who performed it and what it did.
public struct SubscriptionHistoryScreen: Screen {
  public let subject: SubscriptionHistory.Subject
  private(set) var rows: [[String]] = []
  private(set) var table: Table

  public init(subject: SubscriptionHistory.Subject, context: AppContext) {
    self.subject = subject
    table = Self.makeTable([])
    refreshed(context: context)
  }

  static func makeTable(_ rows: [[String]]) -> Table {
    var table = Table(
      columns: [
        .init("Transaction", width: 11), .init("Time", width: 16), .init("Action", width: 19),
        .init("By", width: 9), .init("What", width: 0, minWidth: 19),
      ], rowCount: rows.count
    ) { row, column in
      guard rows.indices.contains(row), rows[row].indices.contains(column) else { return "" }
      return rows[row][column]
    }
    table.fitToContent(columns: [2, 3])
    return table
  }

  /// Where the table goes in the body: the one layout drawing, keys and the
  /// mouse use.
  static func tableRect(in rect: Rect) -> Rect {
    let inside = rect.inset(by: 1)
    return Rect(x: inside.x, y: inside.y + 1, width: inside.width, height: inside.height - 1)
  }

  public var title: String {
    switch subject {
    case .subscription(let number): return "History of \(number)"
    case .item(let serial): return "History of \(TextSafety.neutralised(serial))"
    case .warehouse(let code): return "Transactions of \(code)"
    }
  }

  public var help: String {
    """
    Every transaction about this subscription, installed item or warehouse, newest first: \
    its Transaction ID, local time, action, who performed it and what it did. ↑ ↓ PgUp PgDn \
    scroll. Esc goes back.
    """
  }

  public var keyBindings: [KeyBinding] { [.move, .back] }

  public mutating func refreshed(context: AppContext) {
    let found = SubscriptionHistory.transactions(subject, store: context.store)
    rows = found.reversed().map { transaction in
      [
        transaction.transactionId, TimeText.local(transaction.time, in: context.timeZone),
        transaction.action.title,
        TextSafety.neutralised(transaction.performedBy ?? transaction.user),
        TextSafety.neutralised(SubscriptionHistory.line(transaction, for: subject)),
      ]
    }
    let (cursor, top) = (table.cursor, table.viewport.top)
    table = Self.makeTable(rows)
    table.layout(in: Self.tableRect(in: context.bodyRect))
    table.moveCursor(to: cursor, top: top)
  }

  public mutating func update(_ key: Key, context: AppContext) -> Effect {
    table.layout(in: Self.tableRect(in: context.bodyRect))
    switch key {
    case .up, .down, .pageUp, .pageDown, .home, .end, .mouse: _ = table.update(key)
    default: break
    }
    return .none
  }

  public func view(into buffer: inout Buffer, in rect: Rect, context: AppContext) {
    Box.draw(into: &buffer, rect, title: title)
    let inside = rect.inset(by: 1)
    buffer.put(
      "\(rows.count) transactions, newest first", x: inside.x + 1, y: inside.y, style: .hint,
      clip: inside)
    table.render(into: &buffer, in: Self.tableRect(in: rect), focused: true)
  }
}
