import Foundation
import StockroomDomain
import TerminalUI

/// My orders: the orders the acting employee submitted or that are for them (the support
/// desk sees every order). Enter opens one; n starts a new order; a opens the approval queue.
public struct MyOrdersScreen: Screen {
  public private(set) var session: OrderSession
  private(set) var orders: [Order] = []
  var table: Table

  public init(session: OrderSession, context: AppContext) {
    self.session = session
    table = OrderTable.make([], book: OrderBook(), timeZone: context.timeZone)
    refreshed(context: context)
  }

  public var title: String { "Wireless orders" }

  public var help: String {
    """
    Your wireless orders, newest first, with their state: pending approval, information \
    requested, in fulfilment, completed, rejected or cancelled. The support desk sees every \
    order.

    n starts a new order (new device and line, warranty replacement, accessory, port, \
    transfer of liability, stipend, activation, upgrade, features, plan, number, SIM, \
    restore, assignment, suspend, disconnect). a opens the orders waiting for your approval, \
    and p there the approval policy (who approves what, level by level). \
    Enter opens an order with its timeline. s acts as the next employee when the user map \
    allows it (the demo's support desk may act as anyone).
    """
  }

  public var keyBindings: [KeyBinding] {
    var keys: [KeyBinding] = [
      .move, KeyBinding("Enter", "open"), KeyBinding("n", "new order"),
      KeyBinding("a", "approvals"),
    ]
    if session.mayActAsAnyone { keys.append(KeyBinding("s", "act as next")) }
    return keys + [.back]
  }

  public var status: StatusLine? {
    StatusLine(orders.isEmpty ? "No orders yet: n starts one." : "\(orders.count) orders")
  }

  public mutating func refreshed(context: AppContext) {
    let book = context.state.orders
    let mine =
      book.employee(session.actor)?.supportDesk == true
      ? book.orders : book.orders(of: session.actor)
    orders = mine.reversed()
    let (cursor, top) = (table.cursor, table.viewport.top)
    table = OrderTable.make(orders, book: book, timeZone: context.timeZone)
    table.layout(in: OrderTable.rect(in: context.bodyRect))
    table.moveCursor(to: cursor, top: top)
  }

  public mutating func update(_ key: Key, context: AppContext) -> Effect {
    table.layout(in: OrderTable.rect(in: context.bodyRect))
    switch key {
    case .character("n"):
      return .push(NewOrderFlow.screen(session: session, context: context))
    case .character("a"):
      return .push(ApprovalQueueScreen(session: session, context: context))
    case .character("s") where session.mayActAsAnyone:
      let people = actable(context)
      if let index = people.firstIndex(of: session.actor), !people.isEmpty {
        session.actor = people[(index + 1) % people.count]
      } else if let first = people.first {
        session.actor = first
      }
      refreshed(context: context)
      return .none
    default:
      let result = table.update(key)
      if result == .activated || key == .enter, orders.indices.contains(table.cursor) {
        return .push(
          OrderDetailScreen(number: orders[table.cursor].number, session: session))
      }
      return .none
    }
  }

  /// The employees the user may act as, in the order s steps through them: every employee
  /// when the user map lets them act as anyone, else none.
  func actable(_ context: AppContext) -> [String] {
    session.mayActAsAnyone ? context.state.orders.employees.map(\.id) : []
  }

  /// "Acting as Priya Raman (EMP-0003) · support desk".
  func actingAs(_ book: OrderBook) -> String {
    var who = "Acting as " + book.person(session.actor)
    if book.employee(session.actor)?.supportDesk == true { who += " · support desk" }
    return who
  }

  public func view(into buffer: inout Buffer, in rect: Rect, context: AppContext) {
    Box.draw(into: &buffer, rect, title: "My orders")
    let book = context.state.orders
    buffer.put(
      TextSafety.neutralised(actingAs(book)), x: rect.x + 2, y: rect.y + 1, style: .hint,
      clip: rect.inset(by: 1))
    table.render(into: &buffer, in: OrderTable.rect(in: rect), focused: true)
  }
}

/// The orders table shared by My orders and the approval queue. A wide
/// terminal also shows each order's approver and when it was submitted.
enum OrderTable {
  static func make(_ orders: [Order], book: OrderBook, timeZone: TimeZone) -> Table {
    var table = Table(
      columns: [
        .init("Order", width: 10), .init("Type", width: 22), .init("State", width: 21),
        .init("For", width: 0, minWidth: 20), .init("Approver", width: 20, optional: true),
        .init("Submitted", width: 16, optional: true),
      ], rowCount: orders.count
    ) { row, column in
      guard orders.indices.contains(row) else { return "" }
      let order = orders[row]
      switch column {
      case 0: return order.number
      case 1: return order.type.title
      case 2: return book.stateTitle(order)
      case 3: return TextSafety.neutralised(book.name(order.employee))
      case 4: return TextSafety.neutralised(book.approverTitle(order))
      default: return TimeText.local(order.created, in: timeZone)
      }
    }
    table.fitToContent(columns: [1, 2, 4])
    return table
  }

  /// Where the table goes in the body: the one layout drawing, keys and the
  /// mouse use.
  static func rect(in rect: Rect) -> Rect {
    let inside = rect.inset(by: 1)
    return Rect(
      x: inside.x + 1, y: inside.y + 2, width: inside.width - 2, height: inside.height - 2)
  }
}

/// The approval queue: orders waiting for the acting employee's decision.
public struct ApprovalQueueScreen: Screen {
  public let session: OrderSession
  private(set) var orders: [Order] = []
  var table: Table

  public init(session: OrderSession, context: AppContext) {
    self.session = session
    table = OrderTable.make([], book: OrderBook(), timeZone: context.timeZone)
    refreshed(context: context)
  }

  public var title: String { "Approvals" }

  public var help: String {
    """
    Orders waiting for your approval at the level they stand at (State shows the level, 2/3). \
    Enter opens one: approve it (a), reject it (r, with a reason), ask the requester for \
    more information (i), or cancel it (c). Nobody approves their own order, nor the same \
    order at two levels: when an approver orders for someone who reports to them, the order \
    goes to the approver's own approver. p shows the approval policy.
    """
  }

  public var keyBindings: [KeyBinding] {
    [.move, KeyBinding("Enter", "open"), KeyBinding("p", "policy"), .back]
  }

  public var status: StatusLine? {
    StatusLine(orders.isEmpty ? "Nothing waits for your approval." : "\(orders.count) waiting")
  }

  public mutating func refreshed(context: AppContext) {
    let book = context.state.orders
    orders = book.queue(approver: session.actor)
    let (cursor, top) = (table.cursor, table.viewport.top)
    table = OrderTable.make(orders, book: book, timeZone: context.timeZone)
    table.layout(in: OrderTable.rect(in: context.bodyRect))
    table.moveCursor(to: cursor, top: top)
  }

  public mutating func update(_ key: Key, context: AppContext) -> Effect {
    table.layout(in: OrderTable.rect(in: context.bodyRect))
    if key == .character("p") { return .push(ApprovalPolicyScreen()) }
    let result = table.update(key)
    if result == .activated || key == .enter, orders.indices.contains(table.cursor) {
      return .push(OrderDetailScreen(number: orders[table.cursor].number, session: session))
    }
    return .none
  }

  public func view(into buffer: inout Buffer, in rect: Rect, context: AppContext) {
    Box.draw(into: &buffer, rect, title: "Waiting for your approval")
    let who = "Approver: " + context.state.orders.person(session.actor)
    buffer.put(
      TextSafety.neutralised(who), x: rect.x + 2, y: rect.y + 1, style: .hint,
      clip: rect.inset(by: 1))
    table.render(into: &buffer, in: OrderTable.rect(in: rect), focused: true)
  }
}
