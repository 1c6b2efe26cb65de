import StockroomDomain
import TerminalUI

/// One subscription: its AR, state, services and installed items (bundles with their
/// components), and the action panel with the actions allowed in its state. "View all
/// actions" shows the others, each with the reason it is not available.
public struct SubscriptionScreen: Screen {
  public let number: String
  private(set) var subscription: Subscription?
  private(set) var book = SubscriptionBook()
  private(set) var items: [InstalledItem] = []
  var itemCursor = 0
  private(set) var actionCursor = 0
  /// Focus: false the installed items, true the action panel.
  var onActions = true
  private(set) var showAll = false
  private var notice: StatusLine?

  public init(number: String, context: AppContext) {
    self.number = number
    refreshed(context: context)
  }

  public var title: String { number }

  public var help: String {
    """
    A subscription with its Accounts Receivable, Life Cycle State, services, Provisioning \
    Distributors and installed items; components are indented under their Fixed Product \
    Bundle. The action panel lists the actions allowed now; "View all actions" also shows \
    the others, each with the reason it is not available.

    Tab moves between the installed items and the action panel. Enter opens the action (the \
    subscription action modal) or, on an installed item, its history. h opens the \
    subscription history, w the warehouses.
    """
  }

  public var keyBindings: [KeyBinding] {
    [
      .move, KeyBinding("Tab", "items/actions"), KeyBinding("Enter", "open"),
      KeyBinding("h", "history"), KeyBinding("w", "warehouses"), .back,
    ]
  }

  public var status: StatusLine? { notice }

  /// The action panel's rows: available actions, then "View all actions" or the others.
  var panel: [(action: SubscriptionAction?, reason: String?)] {
    guard let subscription else { return [] }
    let all = SubscriptionAction.allCases.map { ($0, $0.unavailableReason(subscription, book)) }
    var rows: [(action: SubscriptionAction?, reason: String?)] = all.filter { $0.1 == nil }.map {
      (action: $0.0, reason: nil)
    }
    rows.append((action: nil, reason: nil))
    if showAll {
      rows += all.filter { $0.1 != nil }.map { (action: $0.0, reason: $0.1) }
    }
    return rows
  }

  public mutating func refreshed(context: AppContext) {
    book = context.state.subscriptions
    subscription = book.subscription(number)
    items = subscription?.itemsInOrder ?? []
    itemCursor = min(itemCursor, max(0, items.count - 1))
    actionCursor = min(actionCursor, max(0, panel.count - 1))
  }

  public mutating func update(_ key: Key, context: AppContext) -> Effect {
    notice = nil
    switch key {
    case .tab, .backTab, .control("p"):
      onActions.toggle()
    case .up, .down, .home, .end, .pageUp, .pageDown:
      if onActions {
        _ = SubscriptionActionFlow.move(&actionCursor, count: panel.count, key: key)
      } else {
        _ = SubscriptionActionFlow.move(&itemCursor, count: items.count, key: key)
      }
    case .character("h"):
      return .push(SubscriptionHistoryScreen(subject: .subscription(number), context: context))
    case .character("w"):
      return .push(WarehouseScreen(context: context))
    case .enter:
      return open(context: context)
    default:
      break
    }
    return .none
  }

  mutating func open(context: AppContext) -> Effect {
    guard let subscription else { return .none }
    if !onActions {
      guard items.indices.contains(itemCursor) else { return .none }
      return .push(
        SubscriptionHistoryScreen(subject: .item(items[itemCursor].serial), context: context))
    }
    let rows = panel
    guard rows.indices.contains(actionCursor) else { return .none }
    let row = rows[actionCursor]
    guard let action = row.action else {
      showAll.toggle()
      return .none
    }
    if let reason = row.reason {
      notice = StatusLine("\(action.title): \(reason)", kind: .error)
      return .none
    }
    return .push(SubscriptionActionFlow.make(action, subscription: subscription, context: context))
  }

  public func view(into buffer: inout Buffer, in rect: Rect, context: AppContext) {
    Box.draw(into: &buffer, rect, title: "Subscription \(number)")
    let inside = rect.inset(by: 1)
    guard let subscription else {
      buffer.put("This subscription does not exist.", x: inside.x + 1, y: inside.y, style: .error)
      return
    }
    let x = inside.x + 1
    let facts = self.facts(subscription)
    let labels = (facts.map(\.0.count).max() ?? 0) + 2
    for (index, fact) in facts.enumerated() {
      buffer.put(fact.0, x: x, y: inside.y + index, style: .title, clip: inside)
      buffer.put(
        TextLayout.truncate(fact.1, to: inside.width - labels - 1), x: x + labels,
        y: inside.y + index, clip: inside)
    }
    let top = inside.y + 5
    let left = Rect(x: x, y: top, width: 50, height: inside.maxY - top)
    let right = Rect(x: x + 51, y: top, width: inside.maxX - x - 52, height: inside.maxY - top)
    buffer.put("Installed items", x: left.x, y: left.y, style: .title, clip: left)
    let rows = items.map { item in
      let serial = (item.bundle == nil ? "" : "  ") + TextSafety.neutralised(item.serial)
      return TextLayout.pad(serial, to: 13) + TextLayout.pad(book.productName(item.product), to: 19)
        + item.ownership.title
    }
    SubscriptionActionView.list(
      rows, cursor: itemCursor, focused: !onActions, into: &buffer,
      in: Rect(x: left.x, y: left.y + 1, width: left.width, height: left.height - 1))
    if rows.isEmpty {
      buffer.put(Self.noItems, x: left.x + 2, y: left.y + 1, style: .hint, clip: left)
    }
    viewPanel(into: &buffer, in: right)
  }

  static let noItems = "No installed items."

  /// The subscription's facts above its items, a label and its value each.
  func facts(_ subscription: Subscription) -> [(String, String)] {
    let owner = book.receivable(subscription.receivable)
    return [
      (
        "Accounts Receivable",
        "\(subscription.receivable) " + TextSafety.neutralised(owner?.name ?? "")
          + " (\(owner?.state.title ?? "unknown"))"
      ),
      ("Life Cycle State", subscription.state.title),
      (
        "Services",
        subscription.services.map { "\($0.name) (\($0.distributor ?? "-"))" }
          .joined(separator: ", ")
      ),
      ("Provisioning Distributors", subscription.distributors.joined(separator: ", ")),
    ]
  }

  private func viewPanel(into buffer: inout Buffer, in rect: Rect) {
    buffer.put("Actions", x: rect.x, y: rect.y, style: .title, clip: rect)
    var y = rect.y + 1
    let rows = panel
    for (index, row) in rows.enumerated() where y < rect.maxY {
      let selected = onActions && index == actionCursor
      let label: String
      if let action = row.action {
        label = (row.reason == nil ? "" : "✗ ") + action.title
      } else {
        label = showAll ? "Hide other actions" : "View all actions"
      }
      let line = Rect(x: rect.x, y: y, width: rect.width, height: 1)
      let style: Style = row.reason == nil && row.action != nil ? .plain : .hint
      buffer.put(TextLayout.pad(label, to: rect.width), x: rect.x, y: y, style: style, clip: line)
      if selected { buffer.restyle(line) { $0.reverse = true } }
      y += 1
      // Actions refused for the same reason share it, said once after the last of them.
      let next = rows.indices.contains(index + 1) ? rows[index + 1].reason : nil
      if let reason = row.reason, reason != next {
        y += buffer.putWrapped(
          reason, in: Rect(x: rect.x + 2, y: y, width: rect.width - 2, height: rect.maxY - y),
          style: .hint)
      }
    }
  }
}
