/// What a command will change, in words, as the Confirm step draws it and the headless twin
/// prints it: one type per family of commands, so what the user consents to is the same
/// everywhere. `CommandRun` (the twins' consent contract) works with any of them; the words
/// are laid out by `SummaryLayout` (TerminalUI).
public protocol CommandSummary: Sendable {
  /// The summary of `command` on `state`, committed with `context`.
  init(command: Command, context: TransactionContext, state: InventoryState)
  /// What happens, one sentence each, already neutralised.
  var bullets: [String] { get }
  /// Serials, billing, Reference, Comment, By; values already neutralised.
  var rows: [SummaryRow] { get }
}

extension CommandSummary {
  /// The heading above the bullets.
  public var heading: String { "This will:" }
}

/// A labelled row under a summary's bullets: one text, or a list of items (serials) laid
/// out whole.
public struct SummaryRow: Hashable, Sendable {
  public var label: String
  public var items: [String]
  /// True when `items` are separate values (serials) laid out two spaces apart.
  public var isList: Bool

  public init(label: String, items: [String], isList: Bool = false) {
    self.label = label
    self.items = items
    self.isList = isList
  }
}

extension SummaryRow {
  /// The Reference, Comment and By rows every summary ends with.
  static func context(_ context: TransactionContext) -> [SummaryRow] {
    [
      SummaryRow(label: "Reference", items: [SummaryWords.optional(context.reference)]),
      SummaryRow(label: "Comment", items: [SummaryWords.optional(context.comment)]),
    ]
      + (context.returnReason.map { [SummaryRow(label: "Reason", items: [$0.title])] }
        ?? [])
      + [
        SummaryRow(
          label: "By", items: ["\(TextRules.neutralised(context.user)) (uid \(context.uid))"])
      ]
  }

  /// The Serials row, none for an empty list.
  static func serials(_ serials: [String]) -> [SummaryRow] {
    serials.isEmpty
      ? [] : [SummaryRow(label: "Serials", items: serials.map(TextRules.neutralised), isList: true)]
  }
}

/// The words summaries share: names of accounts and containers, counts, optional text.
enum SummaryWords {
  static func optional(_ text: String) -> String {
    text.isEmpty ? "(none)" : TextRules.neutralised(text)
  }

  static func accountName(_ account: String, _ state: InventoryState) -> (Int?, String) {
    guard let index = state.accountIndex(account) else {
      return (nil, TextRules.neutralised(account))
    }
    return (index, TextRules.neutralised(state.accounts[index].name))
  }

  static func containerName(_ container: String?, _ state: InventoryState) -> String {
    let index = container.map { state.containerIndex($0) } ?? state.defaultContainer
    guard let index else { return TextRules.neutralised(container ?? "the default container") }
    return TextRules.neutralised(state.containers[index].name)
  }

  static func count(_ quantity: Int, _ one: String, _ many: String) -> String {
    "\(quantity) " + (quantity == 1 ? one : many)
  }

  /// Serials counted per model in first-seen order; unknown serials count as "unknown".
  static func modelCounts(_ serials: [String], _ state: InventoryState)
    -> [(model: (index: Int?, name: String), count: Int)]
  {
    var order: [Int] = []
    var counts: [Int: Int] = [:]
    for serial in serials {
      let model = state.token(serial: serial).map { Int($0.model) } ?? -1
      if counts[model] == nil { order.append(model) }
      counts[model, default: 0] += 1
    }
    return order.map { model in
      let name = model >= 0 ? TextRules.neutralised(state.models[model]) : "unknown"
      return ((model >= 0 ? model : nil, name), counts[model] ?? 0)
    }
  }
}
