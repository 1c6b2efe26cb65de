import StockroomDomain
import TerminalUI

/// A warehouse's stock per product and its Stock In and Stock Out transactions; ← → switch
/// warehouses.
public struct WarehouseScreen: Screen {
  private var index: Int
  private(set) var codes: [String] = []
  /// The warehouse's transactions, newest first: Transaction ID, local time, what it moved.
  private(set) var history: [(id: String, time: String, what: String)] = []
  private var scroll = 0

  public init(code: String? = nil, context: AppContext) {
    let book = context.state.subscriptions
    let all = book.warehouses.map(\.code)
    codes = all
    index = code.flatMap { wanted in all.firstIndex { $0 == wanted } } ?? 0
    refreshed(context: context)
  }

  var code: String { codes.indices.contains(index) ? codes[index] : "" }

  public var title: String { "Warehouse \(code)" }
  public var position: String { codes.isEmpty ? "" : "\(index + 1) of \(codes.count)" }

  public var help: String {
    """
    Stock per product in one warehouse (bundles count as one item, their components apart), \
    and its Stock In and Stock Out warehouse transactions, newest first. ← → switch \
    warehouses; ↑ ↓ scroll the transactions. Esc goes back.
    """
  }

  public var keyBindings: [KeyBinding] {
    [KeyBinding("← →", "warehouse"), KeyBinding("↑↓", "scroll"), .back]
  }

  public mutating func refreshed(context: AppContext) {
    codes = context.state.subscriptions.warehouses.map(\.code)
    let subject = SubscriptionHistory.Subject.warehouse(code)
    history = SubscriptionHistory.transactions(subject, store: context.store).reversed().map {
      (
        $0.transactionId, TimeText.local($0.time, in: context.timeZone),
        TextSafety.neutralised(SubscriptionHistory.line($0, for: subject))
      )
    }
    scroll = 0
  }

  public mutating func update(_ key: Key, context: AppContext) -> Effect {
    switch key {
    case .left, .right:
      guard !codes.isEmpty else { return .none }
      index = (index + (key == .left ? codes.count - 1 : 1)) % codes.count
      refreshed(context: context)
    case .up: scroll = max(0, scroll - 1)
    case .down: scroll = min(max(0, history.count - 1), scroll + 1)
    default: break
    }
    return .none
  }

  /// What the warehouse is for.
  func role(_ book: SubscriptionBook) -> String {
    book.activeDefinition?.returnWarehouse == code
      ? "Removed rented items come back here (Active Inventory Management Definition)"
      : "Source of new items"
  }

  /// Each product and how many of it the warehouse holds.
  func stock(_ book: SubscriptionBook) -> [(product: ItemProduct, count: Int)] {
    book.products.map { product in
      (
        product,
        book.stock.values.filter { $0.warehouse == code && $0.product == product.code }.count
      )
    }
  }

  public func view(into buffer: inout Buffer, in rect: Rect, context: AppContext) {
    let book = context.state.subscriptions
    let name = book.warehouse(code)?.name ?? ""
    Box.draw(into: &buffer, rect, title: "\(code) \(name)")
    let inside = rect.inset(by: 1)
    let x = inside.x + 1
    var y = inside.y
    buffer.put(role(book), x: x, y: y, style: .hint, clip: inside)
    y += 1
    buffer.put(
      TextLayout.pad("Product", to: 12) + TextLayout.pad("Name", to: 22) + "In stock",
      x: x, y: y, style: .title, clip: inside)
    y += 1
    for (product, count) in stock(book) {
      buffer.put(
        TextLayout.pad(product.code, to: 12) + TextLayout.pad(product.name, to: 22)
          + TextLayout.padLeft(String(count), to: 8), x: x, y: y, clip: inside)
      y += 1
    }
    y += 1
    buffer.put("Warehouse transactions", x: x, y: y, style: .title, clip: inside)
    y += 1
    for entry in history.dropFirst(scroll) where y < inside.maxY {
      let line = "\(entry.id)  \(entry.time)  \(entry.what)"
      buffer.put(TextLayout.truncate(line, to: inside.width - 2), x: x, y: y, clip: inside)
      y += 1
    }
  }
}
