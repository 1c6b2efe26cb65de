import StockroomDomain
import TerminalUI

/// The service provider's own inventory: capacity and software tokens by
/// product with their owned and leased counts, and hardware tokens by state
/// (available, faulty, lost) per container and model. A row with faulty
/// tokens lists them for re-initialization; `a` allocates, `r` receives stock.
public struct InventoryScreen: Screen {
  private(set) var summary = InventoryState().inventorySummary()
  private var containerNames: [String: String] = [:]
  var table: Table
  private(set) var notice: StatusLine?

  public init(context: AppContext) {
    table = InventoryScreen.makeTable([], names: [:])
    refreshed(context: context)
  }

  public var title: String { "Inventory" }

  public var help: String {
    """
    The service provider's own stock. Software tokens and capacity are counted by product, \
    owned (bought: may be sold or rented) and leased (may only be rented). Hardware tokens \
    are counted by model and container, by state: available (can be allocated), faulty \
    (never offered for allocation until re-initialized) and lost.

    ↑ ↓ choose a hardware row; Enter on a row with faulty tokens lists them, and Enter on a \
    serial offers Re-initialize (testing showed it works: it becomes available again). a \
    allocates stock to an account (choose the account first); r receives new stock.
    """
  }

  public var keyBindings: [KeyBinding] {
    [
      .move, KeyBinding("Enter", "faulty tokens"), KeyBinding("a", "allocate"),
      KeyBinding("r", "receive"), .back,
    ]
  }

  public var status: StatusLine? {
    if let notice { return notice }
    guard summary.hardware.indices.contains(table.cursor) else {
      return StatusLine("No hardware tokens in the provider's stock.")
    }
    let row = summary.hardware[table.cursor]
    return StatusLine(
      row.faulty > 0
        ? "Enter lists the \(row.faulty) faulty \(TextSafety.neutralised(row.model)) tokens "
          + "to re-initialize."
        : "No faulty \(TextSafety.neutralised(row.model)) tokens in this container.")
  }

  static func makeTable(_ rows: [InventorySummary.HardwareRow], names: [String: String])
    -> Table
  {
    var table = Table(
      columns: [
        .init("Model", width: 14), .init("Container", width: 24),
        .init("Available", width: 10, alignment: .right),
        .init("Faulty", width: 8, alignment: .right), .init("Lost", width: 8, alignment: .right),
      ], rowCount: rows.count
    ) { row, column in
      guard rows.indices.contains(row) else { return "" }
      let item = rows[row]
      switch column {
      case 0: return TextSafety.neutralised(item.model)
      case 1: return TextSafety.neutralised(names[item.container] ?? item.container)
      case 2: return String(item.available)
      case 3: return String(item.faulty)
      default: return String(item.lost)
      }
    }
    table.fitToContent(columns: [0, 1])
    return table
  }

  /// Where the hardware table goes in the body: the one layout drawing, keys
  /// and the mouse use.
  static func tableRect(in rect: Rect) -> Rect {
    let inside = rect.inset(by: 1)
    return Rect(
      x: inside.x + 1, y: inside.y + 7, width: inside.width - 2, height: inside.height - 8)
  }

  public mutating func refreshed(context: AppContext) {
    let state = context.state
    summary = state.inventorySummary()
    containerNames = Dictionary(
      state.containers.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
    let (cursor, top) = (table.cursor, table.viewport.top)
    table = InventoryScreen.makeTable(summary.hardware, names: containerNames)
    table.layout(in: Self.tableRect(in: context.bodyRect))
    table.moveCursor(to: cursor, top: top)
  }

  public mutating func update(_ key: Key, context: AppContext) -> Effect {
    table.layout(in: Self.tableRect(in: context.bodyRect))
    notice = nil
    switch key {
    case .character("a"):
      return .push(AccountsScreen(context: context, purpose: .allocate))
    case .character("r"):
      return .push(ReceiveFlow.screen(context: context))
    case .enter:
      return openFaulty(context: context)
    default:
      if table.update(key) == .activated { return openFaulty(context: context) }
    }
    return .none
  }

  private mutating func openFaulty(context: AppContext) -> Effect {
    guard summary.hardware.indices.contains(table.cursor) else { return .none }
    let row = summary.hardware[table.cursor]
    guard row.faulty > 0 else {
      notice = StatusLine(
        "No faulty \(TextSafety.neutralised(row.model)) tokens here to re-initialize.",
        kind: .error)
      return .none
    }
    return .push(FaultyTokensScreen(model: row.model, container: row.container, context: context))
  }

  static let footnote =
    "Leased stock is only rented · faulty tokens are never offered for allocation"

  public func view(into buffer: inout Buffer, in rect: Rect, context: AppContext) {
    Box.draw(
      into: &buffer, rect,
      title: "Inventory · \(TextSafety.neutralised(context.state.providerName))"
    )
    let inside = rect.inset(by: 1)
    let x = inside.x + 1
    buffer.put("Software and capacity", x: x, y: inside.y, style: .title)
    for (index, heading) in ["Owned", "Leased", "Total"].enumerated() {
      buffer.put(
        TextLayout.padLeft(heading, to: 10), x: x + 24 + index * 10, y: inside.y, style: .title)
    }
    for (index, row) in summary.software.enumerated() {
      let y = inside.y + 1 + index
      buffer.put(row.product.title, x: x + 2, y: y)
      for (column, value) in [row.owned, row.leased, row.total].enumerated() {
        buffer.put(TextLayout.padLeft(String(value), to: 10), x: x + 24 + column * 10, y: y)
      }
    }
    buffer.put("Hardware tokens in stock", x: x, y: inside.y + 6, style: .title)
    table.render(into: &buffer, in: InventoryScreen.tableRect(in: rect), focused: true)
    if summary.hardware.isEmpty {
      buffer.put("No hardware tokens.", x: x, y: inside.y + 9, style: .hint, clip: inside)
    }
    buffer.put(
      Self.footnote,
      x: x, y: inside.maxY - 1, style: .hint, clip: inside)
  }
}
