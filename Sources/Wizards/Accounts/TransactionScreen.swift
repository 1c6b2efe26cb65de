import Foundation
import StockroomDomain
import TerminalUI

/// One Transaction ID: who did what and why, and the tokens it moved with
/// their state now. A faulty token can be re-initialized from here (a
/// transaction of its own), and the transaction reversed (`v`, a reversal of its own).
public struct TransactionScreen: Screen {
  public let transactionId: String
  private(set) var transaction: Transaction?
  private(set) var serials: [String] = []
  private(set) var states: [String] = []
  var table: Table
  private(set) var question: Modal?
  private var notice: StatusLine?

  /// Opens a transaction already in hand (just committed, or a row of a log).
  public init(transaction: Transaction, context: AppContext) {
    transactionId = transaction.transactionId
    self.transaction = transaction
    table = TransactionScreen.makeTable(serials: [], states: [], models: [])
    refreshed(context: context)
  }

  static func makeTable(serials: [String], states: [String], models: [String]) -> Table {
    var table = Table(
      columns: [
        .init("Serial", width: 20), .init("Model", width: 12),
        .init("State now", width: 0, minWidth: 12),
      ], rowCount: serials.count
    ) { row, column in
      guard serials.indices.contains(row) else { return "" }
      switch column {
      case 0: return TextSafety.neutralised(serials[row])
      case 1: return TextSafety.neutralised(models[row])
      default: return states[row]
      }
    }
    table.fitToContent(columns: [0, 1])
    return table
  }

  /// Where the token table goes in the body: the one layout drawing, keys and
  /// the mouse use.
  static func tableRect(in rect: Rect) -> Rect {
    let inside = rect.inset(by: 1)
    return Rect(
      x: inside.x + 1, y: inside.y + 8, width: inside.width - 2, height: inside.height - 8)
  }

  public var title: String { transactionId }

  public var help: String {
    """
    Transaction \(transactionId): what it moved, who committed it and when, its Reference \
    and Comment. For hardware, each serial is listed with its state now. Enter on a faulty \
    token offers Re-initialize: testing showed it works, so it becomes available for \
    allocation again, in a transaction of its own. v Reverse: a new transaction undoes this \
    one's effect, with why; this one stays as it was, marked Reversed by the new one.
    """
  }

  public var keyBindings: [KeyBinding] {
    question != nil
      ? [KeyBinding("←→", "choose"), KeyBinding("Enter", "press"), KeyBinding("Esc", "cancel")]
      : (serials.isEmpty ? [] : [.move, KeyBinding("Enter", "re-initialize faulty")])
        + [KeyBinding("v", "reverse"), .back]
  }

  public var status: StatusLine? { notice }

  /// A transaction never changes: only the tokens' states now are read again.
  public mutating func refreshed(context: AppContext) {
    let state = context.state
    serials = transaction?.items.flatMap { $0.serials ?? [] } ?? []
    states = serials.map { state.recordedToken(serial: $0)?.state.rawValue ?? "unknown" }
    let models = serials.map { serial -> String in
      guard let token = state.recordedToken(serial: serial),
        state.models.indices.contains(Int(token.model))
      else { return "" }
      return state.models[Int(token.model)]
    }
    let (cursor, top) = (table.cursor, table.viewport.top)
    table = TransactionScreen.makeTable(serials: serials, states: states, models: models)
    table.layout(in: Self.tableRect(in: context.bodyRect))
    table.moveCursor(to: cursor, top: top)
  }

  public mutating func update(_ key: Key, context: AppContext) -> Effect {
    table.layout(in: Self.tableRect(in: context.bodyRect))
    if question != nil {
      let serial = serials.indices.contains(table.cursor) ? serials[table.cursor] : nil
      return ReinitializeQuestion.answer(
        &question, key: key, serial: serial, body: context.bodyRect)
    }
    notice = nil
    if key == .character("v") { return reverse(context: context) }
    let result = table.update(key)
    guard result == .activated || key == .enter, serials.indices.contains(table.cursor) else {
      return .none
    }
    let serial = TextSafety.neutralised(serials[table.cursor])
    guard states[table.cursor] == TokenState.faulty.rawValue else {
      notice = StatusLine(
        "\(serial) is \(states[table.cursor]); only faulty tokens are re-initialized.")
      return .none
    }
    question = ReinitializeQuestion.dialog(for: serials[table.cursor], in: context.bodyRect)
    return .none
  }

  /// `v`: the reversal's Confirm, or why this transaction cannot be reversed.
  private mutating func reverse(context: AppContext) -> Effect {
    guard let transaction else { return .none }
    if let reason = transaction.action.irreversibility {
      notice = StatusLine("\(transactionId) cannot be reversed: \(reason).", kind: .error)
      return .none
    }
    if let reversal = context.state.reversals.reversal(of: transactionId) {
      notice = StatusLine("\(transactionId) is already reversed by \(reversal).", kind: .error)
      return .none
    }
    guard let screen = ReversalFlow.screen(transactionId: transactionId, context: context) else {
      notice = StatusLine("\(transactionId) cannot be read from the store now.", kind: .error)
      return .none
    }
    return .push(screen)
  }

  public mutating func committed(_ outcome: CommitOutcome, context: AppContext) {
    notice = ReinitializeQuestion.notice(outcome)
    refreshed(context: context)
  }

  public func view(into buffer: inout Buffer, in rect: Rect, context: AppContext) {
    Box.draw(into: &buffer, rect, title: "Transaction \(transactionId)")
    let inside = rect.inset(by: 1)
    guard let transaction else {
      buffer.put("No transaction \(transactionId).", x: inside.x + 1, y: inside.y, style: .error)
      return
    }
    let rows = Self.facts(transaction, context: context)
    for (index, row) in rows.enumerated() {
      buffer.put(row.0, x: inside.x + 1, y: inside.y + index, style: .hint)
      buffer.put(
        TextLayout.truncate(TextSafety.neutralised(row.1), to: inside.width - 14),
        x: inside.x + 12, y: inside.y + index)
    }
    if serials.isEmpty {
      buffer.put(
        Self.noSerials, x: inside.x + 1, y: inside.y + 8, style: .hint, clip: inside)
    } else {
      table.render(into: &buffer, in: TransactionScreen.tableRect(in: rect), focused: true)
    }
    if let question {
      question.render(into: &buffer, in: rect, focused: true)
    }
  }

  static let noSerials =
    "No hardware serials: the quantities above went back to the provider's stock."

  /// What the transaction did, a label and its value a row, as drawn above the tokens.
  static func facts(_ transaction: Transaction, context: AppContext) -> [(String, String)] {
    let who =
      "\(transaction.user) (uid \(transaction.uid))"
      + (transaction.performedBy.map { ", performed by \($0)" } ?? "")
    var rows: [(String, String)] = [
      (
        "Action",
        ([transaction.action.title, transaction.action.rawValue]
          + [context.state.reversals.words(for: transaction)].compactMap { $0 })
          .joined(separator: " · ")
      ),
      (
        "Account",
        transaction.account.map { code in
          let name = context.state.accounts.first { $0.code == code }?.name ?? ""
          return name.isEmpty ? code : "\(name) (\(code))"
        } ?? "—"
      ),
      ("Moved", transaction.summary),
      ("Reference", transaction.reference.isEmpty ? "—" : transaction.reference),
      ("Comment", transaction.comment.isEmpty ? "—" : transaction.comment),
      ("By", who),
      ("Time", TimeText.local(transaction.time, in: context.timeZone)),
    ]
    if let billing = transaction.billing {
      // The row above the token list, free otherwise.
      var text = "\(billing.amount) \(billing.per.title)"
      if !billing.trigger.isEmpty { text += ", " + billing.trigger }
      if !billing.customerReference.isEmpty {
        text += ", customer reference " + billing.customerReference
      }
      rows.append(("Billing", text))
    } else if let why = transaction.reversal?.why {
      rows.append(("Why", why))
    }
    if let reason = transaction.returnReason {
      // The same free row: a deallocation bills nothing.
      rows.append(("Reason", reason.title))
    }
    return rows
  }
}
