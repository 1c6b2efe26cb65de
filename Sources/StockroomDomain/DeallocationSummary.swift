/// What a deallocation (or re-initialization) will change, in words: the Confirm screen and
/// the headless twins draw the same lines, so what the user consents to is the same everywhere.
public struct DeallocationSummary: CommandSummary, Hashable {
  public var bullets: [String]
  public var rows: [SummaryRow]

  /// The summary of a validated deallocation or re-initialization command on `state`.
  /// Commands of other kinds give no bullets.
  public init(command: Command, context: TransactionContext, state: InventoryState) {
    var serials: [String] = []
    switch command {
    case .deallocateSoftware(let account, let column, let quantity, let container):
      bullets = Self.software(account, column, quantity, container, state)
    case .deallocateMobilePass(let account, let quantity, let container):
      bullets = Self.software(account, .mobilePass, quantity, container, state)
    case .deallocateHardware(let account, let list, let disposition, let container):
      serials = list
      bullets = Self.hardware(account, list, disposition, container, state)
    case .returnHardware(let account, let returns):
      serials = returns.flatMap(\.serials)
      bullets = returns.flatMap {
        Self.hardware(account, $0.serials, $0.disposition, $0.container, state)
      }
    case .reinitialize(let list):
      serials = list
      bullets = Self.reinitialize(list, state)
    default:
      bullets = []
    }
    rows = SummaryRow.serials(serials) + SummaryRow.context(context)
  }

  static func software(
    _ account: String, _ column: SoftwareColumn, _ quantity: Int, _ container: String?,
    _ state: InventoryState
  ) -> [String] {
    let (index, name) = SummaryWords.accountName(account, state)
    func change(_ column: SoftwareColumn) -> String {
      guard let index else { return "" }
      let before = state.accounts[index].holding(column).available
      return " (Available \(before) → \(before - quantity))"
    }
    let what =
      column == .capacity
      ? SummaryWords.count(quantity, "unit of Capacity", "units of Capacity")
      : SummaryWords.count(quantity, "\(column.title) token", "\(column.title) tokens")
    var bullets = ["take \(what) from \(name)" + change(column)]
    if column == .smsRental {
      bullets.append(
        "also deallocate \(SummaryWords.count(quantity, "unit", "units")) of Capacity"
          + change(.capacity))
    }
    bullets.append("return them to Inventory, available at once")
    bullets.append("place them in the container \(SummaryWords.containerName(container, state))")
    return bullets
  }

  static func hardware(
    _ account: String, _ serials: [String], _ disposition: Disposition, _ container: String?,
    _ state: InventoryState
  ) -> [String] {
    let (index, name) = SummaryWords.accountName(account, state)
    var bullets: [String] = []
    for (model, count) in SummaryWords.modelCounts(serials, state) {
      var text =
        "take "
        + SummaryWords.count(
          count, "\(model.name) hardware token", "\(model.name) hardware tokens")
        + " from \(name)"
      if let index, let modelIndex = model.index {
        let before = state.deallocatableCount(account: index, model: modelIndex)
        text += " (Available \(before) → \(before - count))"
      }
      bullets.append(text)
    }
    let them = serials.count == 1 ? "it" : "them"
    let box = SummaryWords.containerName(container, state)
    switch disposition {
    case .return:
      bullets.append("return \(them) to Inventory, available at once")
      bullets.append("place \(them) in the container \(box)")
    case .initialize:
      bullets.append("re-initialize \(them), then return \(them) to Inventory, available at once")
      bullets.append("place \(them) in the container \(box)")
    case .faulty:
      bullets.append(
        "return \(them) in the Faulty state, never offered for allocation until re-initialized")
      bullets.append("place \(them) in the container \(box)")
    case .lost:
      bullets.append("record \(them) as lost")
      bullets.append("file \(them) under the container \(box)")
    }
    return bullets
  }

  static func reinitialize(_ serials: [String], _ state: InventoryState) -> [String] {
    var bullets: [String] = []
    for (model, count) in SummaryWords.modelCounts(serials, state) {
      bullets.append(
        "re-initialize "
          + SummaryWords.count(count, "faulty \(model.name) token", "faulty \(model.name) tokens"))
    }
    let them = serials.count == 1 ? "it" : "them"
    bullets.append("return \(them) to Inventory, available at once")
    return bullets
  }
}
