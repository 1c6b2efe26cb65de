import ArgumentParser
import StockroomDomain
import StockroomStore
import Wizards

/// The subscriptions area's commands (issue 7), registered by the root command.
enum SubscriptionCommands {
  static let all: [ParsableCommand.Type] = [
    SubscriptionsListCommand.self, SubscriptionShowCommand.self, SwapCommand.self,
    RemoveItemCommand.self, AddItemCommand.self, WarehouseCommand.self,
  ]

  /// A subscription's fields for `--json`: number, state, AR, services and installed items.
  static func json(_ subscription: Subscription, book: SubscriptionBook, full: Bool) -> String {
    let owner = book.receivable(subscription.receivable)
    let items = subscription.itemsInOrder.map { item in
      JSONText.object([
        ("serial", JSONText.string(item.serial)), ("product", JSONText.string(item.product)),
        ("ownership", JSONText.string(item.ownership.rawValue)),
        ("bundle", JSONText.string(item.bundle)),
        ("distributors", strings(item.distributors)),
      ])
    }
    var fields: [(String, String)] = [
      ("number", JSONText.string(subscription.number)),
      ("state", JSONText.string(subscription.state.rawValue)),
      ("receivable", JSONText.string(subscription.receivable)),
      ("receivableName", JSONText.string(owner?.name)),
      ("receivableState", JSONText.string(owner?.state.rawValue)),
      ("services", strings(subscription.services.map(\.code))),
      ("items", "[" + items.joined(separator: ",") + "]"),
    ]
    if full {
      fields.append(("distributors", strings(subscription.distributors)))
      let actions = SubscriptionAction.allCases.map { action in
        let reason = action.unavailableReason(subscription, book)
        return JSONText.object([
          ("action", JSONText.string(action.title)),
          ("behaviourCode", JSONText.string(action.behaviourCode)),
          (
            "classificationCode",
            JSONText.string(action.classificationCode(in: subscription.state))
          ),
          ("available", String(reason == nil)), ("reason", JSONText.string(reason)),
        ])
      }
      fields.append(("actions", "[" + actions.joined(separator: ",") + "]"))
    }
    return JSONText.object(fields)
  }

  static func strings(_ values: [String]) -> String {
    "[" + values.map { JSONText.string($0) }.joined(separator: ",") + "]"
  }
}

/// `stockroom subscriptions`: every subscription, or those a search finds.
struct SubscriptionsListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "subscriptions",
    abstract:
      "List subscriptions (search by number, Accounts Receivable code or name, or installed serial).",
    discussion: HelpExamples.discussion(
      examples: "stockroom subscriptions --search Lovelace", "stockroom subscriptions --json"))

  @OptionGroup var global: GlobalOptions
  @Option(
    help: "Subscription number, Accounts Receivable (AR) code or name, or serial (part of it).")
  var search: String?
  @Flag(help: "Print JSON Lines.") var json = false

  func run() throws {
    let store = StoreCommands.open(global, readOnly: true)
    let book = store.state.subscriptions
    var out = OutputBuffer()
    if !json {
      out.line("NUMBER      STATE                     AR       NAME                ITEMS")
    }
    for subscription in book.search(search ?? "") {
      if json {
        out.line(SubscriptionCommands.json(subscription, book: book, full: false))
        continue
      }
      let name = book.receivable(subscription.receivable)?.name ?? "-"
      out.line(
        [
          pad(subscription.number, 11), pad(subscription.state.title, 25),
          pad(subscription.receivable, 8), pad(TextRules.neutralised(name), 19),
          String(subscription.items.count),
        ].joined(separator: " "))
    }
    out.flush()
  }
}

/// Pads text to a column width (never cutting it).
func pad(_ text: String, _ width: Int) -> String {
  text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0)
}

/// `stockroom subscription SUB`: one subscription, its items and its actions.
struct SubscriptionShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "subscription",
    abstract: "Show one subscription: AR, state, services, installed items, actions.",
    discussion: HelpExamples.discussion(
      examples: "stockroom subscription SUB-000001", "stockroom subscription SUB-000001 --json"))

  @OptionGroup var global: GlobalOptions
  @Argument(help: "The subscription number (SUB-000123).") var number: String
  @Flag(help: "Print one JSON object.") var json = false

  func run() throws {
    let store = StoreCommands.open(global, readOnly: true)
    let book = store.state.subscriptions
    guard let subscription = book.subscription(number) else {
      StoreCommands.unknown("subscription", number)
    }
    if json {
      print(SubscriptionCommands.json(subscription, book: book, full: true))
      return
    }
    let owner = book.receivable(subscription.receivable)
    print("Subscription               \(subscription.number)")
    print("Life Cycle State           \(subscription.state.title)")
    print(
      "Accounts Receivable        \(subscription.receivable) "
        + TextRules.neutralised(owner?.name ?? "-") + " (\(owner?.state.title ?? "unknown"))")
    print("Services                   " + subscription.services.map(\.code).joined(separator: ", "))
    print("Provisioning Distributors  " + subscription.distributors.joined(separator: ", "))
    print("Installed items")
    for item in subscription.itemsInOrder {
      let indent = item.bundle == nil ? "  " : "    "
      print(
        indent + pad(TextRules.neutralised(item.serial), 12) + pad(item.product, 11)
          + item.ownership.rawValue)
    }
    print("Actions")
    for action in SubscriptionAction.allCases {
      let reason = action.unavailableReason(subscription, book)
      print("  " + pad(action.title, 22) + (reason.map { "not available: " + $0 } ?? "available"))
    }
  }
}

/// `stockroom warehouse [NAME]`: every stocked serial, or one warehouse's stock and
/// transactions.
struct WarehouseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "warehouse",
    abstract: "Without a name: every stocked serial and its warehouse; with one: its stock.",
    discussion: HelpExamples.discussion(
      examples: "stockroom warehouse", "stockroom warehouse WH-CENTRAL --json"))

  @OptionGroup var global: GlobalOptions
  @Argument(help: "Warehouse code or exact name.") var name: String?
  @Flag(help: "Print JSON Lines.") var json = false

  func run() throws {
    let store = StoreCommands.open(global, readOnly: true)
    let book = store.state.subscriptions
    var code: String?
    if let name {
      guard let found = book.warehouse(name) else { StoreCommands.unknown("warehouse", name) }
      code = found.code
    }
    let items = book.stock.values.filter { code == nil || $0.warehouse == code }
      .sorted { ($0.warehouse, $0.serial) < ($1.warehouse, $1.serial) }
    var out = OutputBuffer()
    if json {
      for item in items {
        out.line(
          JSONText.object([
            ("serial", JSONText.string(item.serial)), ("product", JSONText.string(item.product)),
            ("warehouse", JSONText.string(item.warehouse)),
            ("bundle", JSONText.string(item.bundle)),
          ]))
      }
      out.flush()
      return
    }
    if let code {
      out.line("Stock of \(SubscriptionPreview.warehouse(code, book)) per product")
      for product in book.products {
        let count = items.filter { $0.product == product.code }.count
        out.line("  " + pad(product.code, 12) + pad(product.name, 20) + String(count))
      }
      out.line("Transactions")
      for transaction in SubscriptionHistory.transactions(.warehouse(code), store: store) {
        out.line(
          "  \(transaction.transactionId)  \(transaction.time)  "
            + SubscriptionHistory.line(transaction, for: .warehouse(code)))
      }
      out.flush()
      return
    }
    out.line("SERIAL        PRODUCT      WAREHOUSE    BUNDLE")
    for item in items {
      out.line(
        pad(TextRules.neutralised(item.serial), 13) + " " + pad(item.product, 12) + " "
          + pad(item.warehouse, 12) + " " + (item.bundle ?? "-"))
    }
    out.flush()
  }
}
