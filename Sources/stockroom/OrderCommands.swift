import ArgumentParser
import StockroomDomain
import StockroomStore

/// The wireless orders issue's commands, registered by the root command.
enum OrderCommands {
  static let all: [ParsableCommand.Type] = [
    OrderRootCommand.self, OrdersCommand.self, EmployeesCommand.self, LinesCommand.self,
    DevicesCommand.self, OutboxCommand.self, ApprovalsCommand.self,
  ]
}

/// `stockroom order`: submit an order and take it through approval and fulfilment.
struct OrderRootCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "order",
    abstract: "Wireless orders: new, approve, reject, cancel, request-info, respond, fulfil, "
      + "complete, show (changes commit with --yes).",
    discussion: HelpExamples.discussion(
      examples:
        "stockroom order new --type upgrade --line 312-555-0107 --model \"Pixel 9\" --as EMP-0007 --yes",
      "stockroom order approve ORD-000002 --as EMP-0001 --yes"),
    subcommands: [
      OrderNewCommand.self, OrderApproveCommand.self, OrderRejectCommand.self,
      OrderCancelCommand.self, OrderRequestInfoCommand.self, OrderRespondCommand.self,
      OrderFulfilCommand.self, OrderCompleteCommand.self, OrderShowCommand.self,
    ])
}

/// `stockroom order new --type T …`: every order type with the options it needs.
struct OrderNewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "new", abstract: "Submit a new wireless order; prints its number.",
    discussion: HelpExamples.discussion(
      "Types and what each needs (the employee defaults to the line's, else to you):\n"
        + OrderType.allCases.map(usage).joined() + """
          Warranty: \(OrderRules.warrantyWarning)
          Restore: a disconnected line cannot be restored more than 30 days after the disconnect \
          date when its vendor does not allow it.
          --interactive opens the new-order wizard filled with the options given, at the first \
          step still to answer (the type list without --type); it needs a terminal.
          """,
      examples:
        "stockroom order new --type upgrade --line 312-555-0107 --model \"Pixel 9\" --as EMP-0007 --yes",
      "stockroom order new --type accessory --as EMP-0007 --interactive"))

  /// The help's line for `type`: its name and the options it reads.
  static func usage(_ type: OrderType) -> String {
    let name = type.rawValue
    return "  " + name + String(repeating: " ", count: max(2, 20 - name.count)) + type.spec.usage
      + "\n"
  }

  @OptionGroup var global: GlobalOptions
  @Option(help: "The order type (see below); with --interactive it may be left to the wizard.")
  var type: String?
  @Option(help: "The employee the order is for (EMP-0001).") var employee: String?
  @Option(help: "The line's service number.") var line: String?
  @Option(help: "Vendor code or name (new service, port).") var vendor: String?
  @Option(help: "Voice plan code.") var voicePlan: String?
  @Option(help: "Data plan code.") var dataPlan: String?
  @Option(help: "Device model to order.") var model: String?
  @Option(help: "In-stock device IMEI or serial.") var device: String?
  @Option(parsing: .upToNextOption, help: "Features to add.") var add: [String] = []
  @Option(parsing: .upToNextOption, help: "Features to remove.") var remove: [String] = []
  @Option(help: "Accessory code (CASE-01…).") var accessory: String?
  @Option(help: "How many accessories (1 to 20).") var quantity: Int?
  @Option(help: "Warranty issue: defect, physical, liquid or battery.") var issue: String?
  @Option(help: "Transfer of liability to personal or corporate.") var to: String?
  @Option(help: "Condition of the device going back to stock.") var oldCondition: String?
  @OptionGroup var acting: ActingOptions
  @Flag(help: "Open the wizard filled with these answers, at the first step still to answer.")
  var interactive = false

  /// The order type given, checked (exit 2 when it is not one).
  var kind: OrderType? { type.map { UsageCheck.word($0, option: "--type", OrderType.allCases) } }

  func request(_ kind: OrderType, actor: String) -> OrderRequest {
    OrderRequest(
      type: kind, employee: employee ?? actor, line: line, vendor: vendor,
      voicePlan: voicePlan, dataPlan: dataPlan, model: model, device: device, addFeatures: add,
      removeFeatures: remove, accessory: accessory, quantity: quantity,
      issue: issue.map { UsageCheck.word($0, option: "--issue", DeviceIssue.allCases) },
      liability: to.map { UsageCheck.word($0, option: "--to", Liability.allCases) },
      oldCondition: oldCondition)
  }

  func run() throws {
    if interactive { openWizard() }
    guard let kind else { UsageCheck.fail("--type is required (stockroom order new --help)") }
    let run = OrderRun(global: global, acting: acting)
    let comment = run.comment
    run.perform(
      { actor, at in .submit(request(kind, actor: actor), actor: actor, at: at, comment: comment) },
      summary: { book, change in
        guard let order = change.order?.order else { return [] }
        var lines = ["New order \(order.number)"] + OrderRun.lines(book.rows(order))
        if let warning = book.warning(order.request) { lines += ["", "Warning: " + warning] }
        return lines
      },
      done: { _, transaction in transaction.order?.number ?? transaction.transactionId })
  }
}
