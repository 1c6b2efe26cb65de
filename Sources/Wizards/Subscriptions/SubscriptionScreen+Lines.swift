import StockroomDomain
import TerminalUI

extension SubscriptionScreen: LineReadable {
  /// The facts, the installed items a row each (a row opens the item's history), and the
  /// actions allowed now by their word; the others are said with why they are not.
  public func lines(context: AppContext) -> ScreenLines {
    guard let subscription else {
      return ScreenLines(summary: ["Error: subscription \(number) does not exist."])
    }
    let refused = SubscriptionAction.allCases.compactMap { action in
      action.unavailableReason(subscription, book).map { "Not available: \(action.title): \($0)" }
    }
    return ScreenLines(
      summary: ["Subscription \(number)."]
        + facts(subscription).map { "\($0.0): \(RowLine.plain($0.1))" }
        + (items.isEmpty ? [Self.noItems] : ["Installed items:"]) + refused + statusParagraph,
      rows: items.map { item in
        RowLine.named(
          item.serial,
          [
            ("Product", book.productName(item.product)), ("Ownership", item.ownership.title),
            ("Component of", item.bundle ?? ""),
          ])
      },
      rowAction: "open the item's history",
      actions: panelActions + [
        LineAction("history", "The subscription's history", keys: [.character("h")]),
        LineAction("warehouses", "The warehouses", keys: [.character("w")]),
      ])
  }

  /// Each action allowed now: Tab to the panel when the items have focus, then Home and ↓
  /// to its row, and Enter.
  private var panelActions: [LineAction] {
    panel.enumerated().compactMap { index, row in
      guard let action = row.action, row.reason == nil else { return nil }
      let keys: [Key] =
        (onActions ? [] : [.tab]) + [.home] + Array(repeating: .down, count: index) + [.enter]
      return LineAction(action.rawValue, action.title, keys: keys)
    }
  }

  public mutating func openRow(_ index: Int, context: AppContext) -> Effect {
    guard items.indices.contains(index) else { return .none }
    itemCursor = index
    onActions = false
    return open(context: context)
  }
}
