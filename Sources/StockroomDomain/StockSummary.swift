/// What an allocation or a receipt of stock will change, in words: the Confirm step of the
/// allocation and receiving wizards and the `allocate` and `receive` twins print the same
/// lines.
public struct StockSummary: CommandSummary, Hashable {
  public var bullets: [String]
  public var rows: [SummaryRow]

  public init(command: Command, context: TransactionContext, state: InventoryState) {
    var serials: [String] = []
    var billed = false
    switch command {
    case .allocateSoftware(let account, let column, let quantity, let withCapacity):
      billed = true
      bullets = Self.software(account, column, quantity, withCapacity, state)
    case .allocateHardware(let account, let list, let type, _):
      billed = true
      serials = list
      bullets = Self.hardware(account, list, type, state)
    case .receiveSoftware(let product, let quantity, let ownership, let container):
      let what =
        product == .capacity
        ? SummaryWords.count(quantity, "unit of Capacity", "units of Capacity")
        : SummaryWords.count(quantity, "\(product.title) token", "\(product.title) tokens")
      let before = state.stockQuantity(product)
      bullets = [
        "receive \(what) (\(ownership.rawValue)) into provider stock",
        "place them in the container \(SummaryWords.containerName(container, state))",
        "\(product.title) in stock: \(before) → \(before + quantity)",
      ]
    case .receiveHardware(let model, let list, let ownership, let container, let needsPIN):
      serials = list
      let name = TextRules.neutralised(model)
      bullets = [
        "receive "
          + SummaryWords.count(
            list.count, "new \(name) hardware token", "new \(name) hardware tokens")
          + " (\(ownership.rawValue))"
          + (needsPIN ? ", needing a token-side PIN" : ""),
        "place \(list.count == 1 ? "it" : "them") in the container "
          + SummaryWords.containerName(container, state)
          + ", available for allocation at once",
      ]
    default:
      bullets = []
    }
    var rows = SummaryRow.serials(serials)
    if billed {
      rows.append(SummaryRow(label: "Billing", items: [Self.billing(context.billing)]))
    }
    if let customer = context.billing?.customerReference, !customer.isEmpty {
      rows.append(SummaryRow(label: "Customer", items: [TextRules.neutralised(customer)]))
    }
    self.rows = rows + SummaryRow.context(context)
  }

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
    let (index, name) = SummaryWords.accountName(account, state)
    func change(_ column: SoftwareColumn) -> String {
      guard let index else { return "" }
      let before = state.accounts[index].holding(column).maximum
      return " (Maximum \(before) → \(before + quantity))"
    }
    let what =
      column == .capacity
      ? SummaryWords.count(quantity, "unit of Capacity", "units of Capacity")
      : SummaryWords.count(quantity, "\(column.title) token", "\(column.title) tokens")
    var bullets = ["allocate \(what) to \(name)" + change(column)]
    if column.bringsCapacity(withCapacity: withCapacity) {
      bullets.append(
        "also allocate \(SummaryWords.count(quantity, "unit", "units")) of Capacity"
          + change(.capacity))
    }
    if column == .smsSale {
      bullets.append("ownership moves to \(name); only owned stock is sold")
    } else if column != .capacity {
      bullets.append("ownership stays with the provider")
    }
    if let items = try? Validation.allocateSoftware(
      account, column, quantity, withCapacity, state
    ).items {
      let parts = items.map { item in
        "\(item.quantity ?? 0) \(item.product.title) \(item.ownership?.rawValue ?? "")"
          + " from \(SummaryWords.containerName(item.container, state))"
      }
      bullets.append("take them from provider stock: " + parts.joined(separator: ", "))
    }
    return bullets
  }

  static func hardware(
    _ account: String, _ serials: [String], _ type: AllocationType, _ state: InventoryState
  ) -> [String] {
    let (index, name) = SummaryWords.accountName(account, state)
    var bullets: [String] = []
    for (model, count) in SummaryWords.modelCounts(serials, state) {
      var text =
        "allocate "
        + SummaryWords.count(
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
