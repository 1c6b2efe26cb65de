import Foundation
import StockroomDomain
import TerminalUI

/// The Transaction Log of one account: every transaction, newest first.
/// Enter opens a Transaction ID and the tokens it moved.
public struct TransactionLogScreen: Screen {
  public let accountCode: String
  public let accountName: String
  private(set) var rows: [Transaction] = []
  var table: Table

  public init(accountCode: String, accountName: String, context: AppContext) {
    self.accountCode = accountCode
    self.accountName = accountName
    table = TransactionLogScreen.makeTable([])
    refreshed(context: context)
  }

  static func makeTable(_ rows: [Transaction], timeZone: TimeZone = .current) -> Table {
    var table = Table(
      columns: [
        .init("ID", width: 8), .init("Time", width: 16), .init("Action", width: 13),
        .init("What", width: 22), .init("Reference", width: 0, minWidth: 13),
      ], rowCount: rows.count
    ) { row, column in
      guard rows.indices.contains(row) else { return "" }
      let transaction = rows[row]
      let text: String
      switch column {
      case 0: text = transaction.transactionId
      case 1: text = TimeText.local(transaction.time, in: timeZone)
      case 2: text = transaction.action.title
      case 3: text = transaction.summary
      default: text = transaction.reference
      }
      return TextSafety.neutralised(text)
    }
    table.fitToContent(columns: [3])
    return table
  }

  /// Where the table goes in the body: the one layout drawing, keys and the
  /// mouse use (the rows shown, PgUp/PgDn, which row a click lands on).
  static func tableRect(in rect: Rect) -> Rect {
    let inside = rect.inset(by: 1)
    return Rect(x: inside.x + 1, y: inside.y, width: inside.width - 2, height: inside.height)
  }

  public var title: String { "Transaction Log" }

  public var help: String {
    """
    Every transaction of \(TextSafety.neutralised(accountName)), newest first: allocations, \
    deallocations, re-initializations. Enter opens the Transaction ID and lists the tokens \
    it moved with their state now. `stockroom log --account \(accountCode)` prints the same \
    report (with --json or --csv).
    """
  }

  public var keyBindings: [KeyBinding] { [.move, .page, KeyBinding("Enter", "open"), .back] }

  public var status: StatusLine? {
    rows.isEmpty
      ? StatusLine("No transactions yet.")
      : StatusLine("\(rows.count) transactions of \(accountCode)")
  }

  public mutating func refreshed(context: AppContext) {
    let found = (try? context.store?.transactions(account: accountCode)) ?? nil
    rows = (found ?? []).reversed()
    let (cursor, top) = (table.cursor, table.viewport.top)
    table = TransactionLogScreen.makeTable(rows, timeZone: context.timeZone)
    table.layout(in: Self.tableRect(in: context.bodyRect))
    table.moveCursor(to: cursor, top: top)
  }

  public mutating func update(_ key: Key, context: AppContext) -> Effect {
    table.layout(in: Self.tableRect(in: context.bodyRect))
    let result = table.update(key)
    if result == .activated || key == .enter, rows.indices.contains(table.cursor) {
      return .push(
        TransactionScreen(transaction: rows[table.cursor], context: context))
    }
    return .none
  }

  public func view(into buffer: inout Buffer, in rect: Rect, context: AppContext) {
    Box.draw(into: &buffer, rect, title: "Transaction Log · \(TextSafety.neutralised(accountName))")
    table.render(into: &buffer, in: TransactionLogScreen.tableRect(in: rect), focused: true)
  }
}
