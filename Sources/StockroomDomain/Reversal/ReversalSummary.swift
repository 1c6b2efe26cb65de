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
      + (request.inverseSubscriptionCommand().map { [Self.inverse($0)] } ?? [])
    rows =
      SummaryRow.serials(original.serials) + [
        SummaryRow(label: "Why", items: [SummaryWords.optional(request.why)])
      ] + SummaryRow.context(context)
  }

  /// A subscription action's inverse, in words.
  static func inverse(_ command: SubscriptionCommand) -> String {
    let (verb, serial, subscription): (String, String, String)
    switch command {
    case .swap(let swap):
      (verb, serial, subscription) = (
        "Swap \(swap.serial) back for", swap.newSerial, swap.subscription
      )
    case .remove(let remove):
      (verb, serial, subscription) = ("Remove", remove.serial, remove.subscription)
    case .add(let add): (verb, serial, subscription) = ("Add back", add.serial, add.subscription)
    default: return "Undo the subscription action"
    }
    return TextRules.neutralised(
      "\(verb) \(serial) \(verb == "Remove" ? "from" : "on") \(subscription), "
        + "with the warehouse transactions")
  }

  /// One item's way back, in words.
  static func back(_ item: TransactionItem, _ action: ActionCode, _ account: String) -> String {
    let what =
      item.product == .hardware
      ? TextRules.counted(
        item.serials?.count ?? 0, TextRules.neutralised(item.model ?? "") + " serial")
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
