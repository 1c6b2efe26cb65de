import StockroomDomain
import TerminalUI

/// What an allocation or a receipt of stock will change, in words: the Confirm step of the
/// allocation and receiving wizards and the `allocate` and `receive` twins print the same
/// lines. Laid out as a `DeallocationSummary` (bullets, then labelled rows).
public struct StockSummary: CommandSummary, Hashable {
  public var base: DeallocationSummary

  public init(command: Command, context: TransactionContext, state: InventoryState) {
    var bullets: [String] = []
    var serials: [String] = []
    switch command {
    case .allocateSoftware(let account, let column, let quantity, let withCapacity):
      bullets = Self.software(account, column, quantity, withCapacity, state)
    case .allocateHardware(let account, let list, let type):
      serials = list
      bullets = Self.hardware(account, list, type, state)
    case .receiveSoftware(let product, let quantity, let ownership, let container):
      let what =
        product == .capacity
        ? DeallocationSummary.count(quantity, "unit of Capacity", "units of Capacity")
        : DeallocationSummary.count(quantity, "\(product.title) token", "\(product.title) tokens")
      let before = state.stockQuantity(product)
      bullets = [
        "receive \(what) (\(ownership.rawValue)) into provider stock",
        "place them in the container \(DeallocationSummary.containerName(container, state))",
        "\(product.title) in stock: \(before) → \(before + quantity)",
      ]
    case .receiveHardware(let model, let list, let ownership, let container, let needsPIN):
      serials = list
      let name = TextSafety.neutralised(model)
      bullets = [
        "receive "
          + DeallocationSummary.count(
            list.count, "new \(name) hardware token", "new \(name) hardware tokens")
          + " (\(ownership.rawValue))"
          + (needsPIN ? ", needing a token-side PIN" : ""),
        "place \(list.count == 1 ? "it" : "them") in the container "
          + DeallocationSummary.containerName(container, state)
          + ", available for allocation at once",
      ]
    default:
      break
    }
    var rows: [DeallocationSummary.Row] = []
    if !serials.isEmpty {
      rows.append(.init(label: "Serials", items: serials.map(TextSafety.neutralised), isList: true))
    }
    if case .allocateSoftware = command {
      rows.append(.init(label: "Billing", items: [Self.billing(context.billing)]))
    } else if case .allocateHardware = command {
      rows.append(.init(label: "Billing", items: [Self.billing(context.billing)]))
    }
    if let customer = context.billing?.customerReference, !customer.isEmpty {
      rows.append(.init(label: "Customer", items: [TextSafety.neutralised(customer)]))
    }
    rows.append(.init(label: "Reference", items: [DeallocationSummary.optional(context.reference)]))
    rows.append(.init(label: "Comment", items: [DeallocationSummary.optional(context.comment)]))
    rows.append(
      .init(label: "By", items: ["\(TextSafety.neutralised(context.user)) (uid \(context.uid))"]))
    base = DeallocationSummary(bullets: bullets, rows: rows)
  }

  public func lines(width: Int) -> [String] { base.lines(width: width) }

  /// "12.50 per unit, billed on allocation" or "(none)".
  static func billing(_ billing: Billing?) -> String {
    guard let billing else { return "(none)" }
    var text = "\(billing.amount) \(billing.per.title)"
    if !billing.trigger.isEmpty { text += ", billed \(billing.trigger)" }
    return text
  }

  static func software(
    _ account: String, _ column: SoftwareColumn, _ quantity: Int, _ withCapacity: Bool,
    _ state: InventoryState
  ) -> [String] {
    let (index, name) = DeallocationSummary.accountName(account, state)
    func change(_ column: SoftwareColumn) -> String {
      guard let index else { return "" }
      let before = state.accounts[index].holding(column).maximum
      return " (Maximum \(before) → \(before + quantity))"
    }
    let what =
      column == .capacity
      ? DeallocationSummary.count(quantity, "unit of Capacity", "units of Capacity")
      : DeallocationSummary.count(quantity, "\(column.title) token", "\(column.title) tokens")
    var bullets = ["allocate \(what) to \(name)" + change(column)]
    if column == .smsRental || (column == .smsSale && withCapacity) {
      bullets.append(
        "also allocate \(DeallocationSummary.count(quantity, "unit", "units")) of Capacity"
          + change(.capacity))
    }
    if column == .smsSale {
      bullets.append("ownership moves to \(name); only owned stock is sold")
    } else if column != .capacity {
      bullets.append("ownership stays with the provider")
    }
    let command = Command.allocateSoftware(
      account: account, column: column, quantity: quantity, withCapacity: withCapacity)
    if let change = try? validate(command, against: state) {
      let parts = change.items.map { item in
        "\(item.quantity ?? 0) \(item.product.title) \(item.ownership?.rawValue ?? "")"
          + " from \(DeallocationSummary.containerName(item.container, state))"
      }
      bullets.append("take them from provider stock: " + parts.joined(separator: ", "))
    }
    return bullets
  }

  static func hardware(
    _ account: String, _ serials: [String], _ type: AllocationType, _ state: InventoryState
  ) -> [String] {
    let (index, name) = DeallocationSummary.accountName(account, state)
    var bullets: [String] = []
    for (model, count) in DeallocationSummary.modelCounts(serials, state) {
      var text =
        "allocate "
        + DeallocationSummary.count(
          count, "\(model.name) hardware token", "\(model.name) hardware tokens")
        + " to \(name) as a \(type.title)"
      if let index, let modelIndex = model.index {
        let before = state.accounts[index].hardwareAllocated[modelIndex]
        text += " (Maximum \(before) → \(before + count))"
      }
      bullets.append(text)
    }
    bullets.append(
      type == .sale
        ? "ownership moves to \(name); only owned tokens are sold"
        : "ownership stays with the provider")
    return bullets
  }
}
