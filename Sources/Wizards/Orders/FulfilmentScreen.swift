import Foundation
import StockroomDomain
import TerminalUI

/// The fulfilment update form: what the vendor did (new service number, IMEI or serial,
/// SIM, tracking number) for an order in fulfilment.
public struct FulfilmentScreen: Screen {
  public let number: String
  public let session: OrderSession
  private(set) var fields: [TextField] = (0..<5).map { index in
    TextField(width: 40, maxLength: index == 4 ? TextRules.commentLimit : 64)
  }
  private(set) var focus = 0
  private(set) var outcome: CommitOutcome?
  private let key = UUID().uuidString
  static let labels = ["Service number", "IMEI / serial", "SIM ICCID", "Tracking", "Comment"]

  public init(number: String, session: OrderSession) {
    self.number = number
    self.session = session
  }

  public var title: String { "Fulfilment update" }
  public var help: String {
    "Record what the vendor did: the new service number (new line, activation, number "
      + "change), the IMEI or serial of a shipped device, the new SIM's ICCID, and the "
      + "shipping tracking number (the employee is emailed). Leave what does not apply empty. "
      + "Tab moves between fields; Enter on the last field commits."
  }
  public var keyBindings: [KeyBinding] {
    [.nextField, .previousField, KeyBinding("Enter", "next / commit"), .back]
  }
  public var isEditingText: Bool { outcome == nil }
  public var hasAnswers: Bool { outcome == nil && fields.contains { !$0.text.isEmpty } }

  public var status: StatusLine? {
    switch outcome {
    case .committed(let transaction)?:
      return StatusLine("Committed as \(transaction.transactionId). Esc goes back.", kind: .success)
    case .refused(let why)?, .conflict(let why)?: return StatusLine(why, kind: .error)
    case nil: return fields[focus].error.map { StatusLine($0, kind: .error) }
    }
  }

  var update: Fulfilment {
    let text = fields.map { $0.text.trimmingCharacters(in: .whitespaces) }
    return Fulfilment(
      serviceNumber: text[0].isEmpty ? nil : text[0], serials: text[1].isEmpty ? [] : [text[1]],
      sim: text[2].isEmpty ? nil : text[2], tracking: text[3].isEmpty ? [] : [text[3]])
  }

  public mutating func update(_ key: Key, context: AppContext) -> Effect {
    if case .committed = outcome { return key == .enter ? .pop : .none }
    switch key {
    case .tab, .down: focus = (focus + 1) % fields.count
    case .backTab, .up: focus = (focus + fields.count - 1) % fields.count
    case .enter:
      if focus < fields.count - 1 {
        focus += 1
        return .none
      }
      let command = Command.order(
        .fulfil(
          order: number, update: update, actor: session.actor,
          at: OrderSession.iso(context.now), comment: fields[4].text))
      return .commit(
        PendingCommit(
          command: command, comment: fields[4].text, performedBy: session.actor, key: self.key))
    default:
      _ = fields[focus].update(key)
      outcome = nil
    }
    return .none
  }

  public mutating func committed(_ outcome: CommitOutcome, context: AppContext) {
    self.outcome = outcome
  }

  static func fieldRect(_ rect: Rect, _ index: Int) -> Rect {
    Rect(x: rect.x + 20, y: rect.y + 9 + index * 2, width: 42, height: 1)
  }

  public func cursor(in rect: Rect) -> Point? {
    outcome == nil ? fields[focus].cursorPosition(in: Self.fieldRect(rect, focus)) : nil
  }

  public func view(into buffer: inout Buffer, in rect: Rect, context: AppContext) {
    Box.draw(into: &buffer, rect, title: "Fulfilment update · \(number)")
    let inside = rect.inset(by: 1)
    guard let rows = facts(context) else { return }
    let area = Rect(x: inside.x + 1, y: inside.y, width: inside.width - 2, height: 7)
    OrderRowsView.draw(rows, into: &buffer, in: area)
    for (index, label) in Self.labels.enumerated() {
      let field = Self.fieldRect(rect, index)
      buffer.put(label, x: inside.x + 1, y: field.y, style: focus == index ? .highlight : .hint)
      fields[index].render(into: &buffer, in: field, focused: outcome == nil && focus == index)
    }
  }

  /// The order, what fulfilment recorded so far, and what it still needs; nil without it.
  func facts(_ context: AppContext) -> [(String, String)]? {
    let book = context.state.orders
    guard let order = book.order(number) else { return nil }
    var rows: [(String, String)] = [
      ("Type", order.type.title), ("For", book.person(order.employee)),
      ("State", order.state.title),
    ]
    let done = order.fulfilment
    let recorded = [
      done.serviceNumber, done.serials.isEmpty ? nil : done.serials.joined(separator: ", "),
      done.sim, done.tracking.isEmpty ? nil : done.tracking.joined(separator: ", "),
    ].compactMap { $0 }
    rows.append(("Recorded", recorded.isEmpty ? "nothing yet" : recorded.joined(separator: "; ")))
    let missing = book.missing(order)
    rows.append(("Before complete", missing.isEmpty ? "ready" : missing.joined(separator: ", ")))
    return rows
  }
}
