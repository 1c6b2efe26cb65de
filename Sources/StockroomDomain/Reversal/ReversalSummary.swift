/// What a reversal will change, in words: the Confirm step and `stockroom reverse` print the
/// same lines.
public struct ReversalSummary: CommandSummary, Hashable {
  public var bullets: [String]
  public var rows: [SummaryRow]

  public init(command: Command, context: TransactionContext, state: InventoryState) {
    guard case .reverse(let request) = command else {
      bullets = []
      rows = SummaryRow.context(context)
      return
    }
    let original = request.original
    let account = original.account.map { " " + TextRules.neutralised($0) } ?? ""
    bullets =
      ["Reverse \(original.transactionId) (\(original.action.rawValue)\(account))"]
      + original.items.map { Self.back($0, original.action, account) }
    rows =
      SummaryRow.serials(original.serials) + [
        SummaryRow(label: "Why", items: [SummaryWords.optional(request.why)])
      ] + SummaryRow.context(context)
  }

  /// One item's way back, in words.
  static func back(_ item: TransactionItem, _ action: ActionCode, _ account: String) -> String {
    let what =
      item.product == .hardware
      ? "\(item.serials?.count ?? 0) \(TextRules.neutralised(item.model ?? "")) serial(s)"
      : "\(item.quantity ?? 0) \(item.product.title)"
    switch action {
    case .deallocateHardware: return "Put \(what) back on\(account) as allocated"
    case .deallocateSoftware, .deallocateMobilePass: return "Give \(what) back to\(account)"
    case .allocate: return "Take \(what) back from\(account) to the provider"
    case .receive: return "Take \(what) out of the provider's stock"
    case .reinitialize: return "Mark \(what) faulty again"
    default: return "Undo \(what)"
    }
  }
}
