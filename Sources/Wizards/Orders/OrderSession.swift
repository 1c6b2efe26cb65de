import Foundation
import StockroomDomain
import TerminalUI

/// Who is at the keyboard in the orders screens: the employee the user map says, and whether
/// the map lets them act as anyone (the demo's support desk).
public struct OrderSession: Sendable, Equatable {
  public var actor: String
  public var mayActAsAnyone: Bool

  public init(actor: String, mayActAsAnyone: Bool) {
    self.actor = actor
    self.mayActAsAnyone = mayActAsAnyone
  }

  /// Now as the ledger records it.
  static func iso(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: date)
  }
}

/// The way into the orders screens from Home: reads the user map kept with the ledger
/// and opens My orders.
public enum OrderScreens {
  public static func open(_ context: AppContext) -> Effect {
    let map = userMap(context)
    guard let entry = map.entry(user: context.userName, uid: context.userId) else {
      return .push(
        OrderMessageScreen(
          text: "OS user \(TextSafety.neutralised(context.userName)) (uid \(context.userId)) is "
            + "not in \(UserMap.fileName) in the data directory, so Stockroom does not know "
            + "which employee you are. Ask the support desk to add you."))
    }
    let session = OrderSession(
      actor: entry.employee.uppercased(), mayActAsAnyone: entry.mayActAs.contains("anyone"))
    return .push(MyOrdersScreen(session: session, context: context))
  }

  /// The user map kept with the ledger (empty without one).
  static func userMap(_ context: AppContext) -> UserMap {
    (try? context.store?.userMap()) ?? UserMap()
  }

  /// The OS user at the keyboard as an employee, acting as `other` where the map allows it.
  static func session(_ context: AppContext, actingAs other: String?) -> Result<
    OrderSession, WizardRestoreError
  > {
    let map = userMap(context)
    switch map.acting(user: context.userName, uid: context.userId, as: other) {
    case .failure(let refusal):
      return .failure(WizardRestoreError(refusal.message))
    case .success(let employee):
      let anyone = map.entry(user: context.userName, uid: context.userId)?.mayActAs
        .contains("anyone")
      return .success(OrderSession(actor: employee.uppercased(), mayActAsAnyone: anyone == true))
    }
  }
}

/// A screen that only explains something (the user is not in the map).
struct OrderMessageScreen: Screen {
  var text: String
  var title: String { "Wireless orders" }
  var help: String { text }
  var keyBindings: [KeyBinding] { [.back] }
  mutating func update(_ key: Key, context: AppContext) -> Effect { key == .enter ? .pop : .none }
  func view(into buffer: inout Buffer, in rect: Rect, context: AppContext) {
    Box.draw(into: &buffer, rect, title: "Wireless orders")
    buffer.putWrapped(text, in: rect.inset(by: 2))
  }
}

/// Draws label and value rows, wrapping long values; returns the rows used.
enum OrderRowsView {
  @discardableResult
  static func draw(
    _ rows: [(String, String)], into buffer: inout Buffer, in rect: Rect, labelWidth: Int = 16
  ) -> Int {
    var y = rect.y
    for (label, value) in rows where y < rect.maxY {
      buffer.put(label, x: rect.x, y: y, style: .hint, clip: rect)
      let area = Rect(
        x: rect.x + labelWidth, y: y, width: rect.width - labelWidth, height: rect.maxY - y)
      y += max(1, buffer.putWrapped(TextSafety.neutralised(value), in: area))
    }
    return y - rect.y
  }
}
