import ArgumentParser
import StockroomDomain
import StockroomStore

/// JSON objects of the orders area (README: `orders`, `order show`, `employees`, `lines`,
/// `devices`): the fixed fields always present, the rest camelCase.
enum OrderJSON {
  static func strings(_ values: [String]) -> String {
    "[" + values.map { JSONText.string($0) }.joined(separator: ",") + "]"
  }

  /// One order; `mail` (its messages in the outbox) is added when given, as `order show`
  /// and a committed step print it.
  static func order(_ order: Order, book: OrderBook, mail: [MailDelivery]? = nil) -> String {
    let request = order.request
    let done = order.fulfilment
    let events = zip(order.timeline, book.notified(along: order)).map { event, people in
      JSONText.object([
        ("step", JSONText.string(event.step.rawValue)), ("time", JSONText.string(event.time)),
        ("actor", JSONText.string(event.actor)), ("comment", JSONText.string(event.comment)),
        ("state", JSONText.string(event.state.rawValue)),
        ("notified", people.isEmpty ? "null" : strings(people.map(\.email))),
      ])
    }
    return JSONText.object(
      [
        ("number", JSONText.string(order.number)), ("type", JSONText.string(order.type.rawValue)),
        ("state", JSONText.string(order.state.rawValue)),
        ("employee", JSONText.string(order.employee)),
        ("requestedBy", JSONText.string(order.requestedBy)),
        ("approver", JSONText.string(order.approver)), ("created", JSONText.string(order.created)),
        ("updated", JSONText.string(order.updated)), ("line", JSONText.string(request.line)),
        ("device", JSONText.string(request.device)),
        ("request", JSONText.encode(request)),
        ("serviceNumber", JSONText.string(done.serviceNumber)),
        ("serials", strings(done.serials)), ("sim", JSONText.string(done.sim)),
        ("tracking", strings(done.tracking)),
        ("timeline", "[" + events.joined(separator: ",") + "]"),
        ("price", JSONText.string(order.price)), ("approvals", approvals(order)),
      ] + (mail.map { [("mail", deliveries($0))] } ?? []))
  }

  /// One entry per level of the order's chain: `level`, `approver`, `approvedBy`, `time`,
  /// `skipped`.
  static func approvals(_ order: Order) -> String {
    let levels = order.chain.enumerated().map { index, level in
      JSONText.object([
        ("level", String(index + 1)), ("approver", JSONText.string(level.approver.text)),
        ("approvedBy", JSONText.string(level.approvedBy)),
        ("time", JSONText.string(level.time)), ("skipped", String(level.skipped)),
      ])
    }
    return "[" + levels.joined(separator: ",") + "]"
  }

  /// The policy: `chains`, each with `types` (empty: every type) and `levels`, each with
  /// `approver` and `minimum` (or null).
  static func policy(_ policy: ApprovalPolicy) -> String {
    let chains = policy.chains.map { chain in
      let levels = chain.levels.map { level in
        JSONText.object([
          ("approver", JSONText.string(level.approver.text)),
          ("minimum", JSONText.string(level.minimum)),
        ])
      }
      return JSONText.object([
        ("types", strings(chain.types.map(\.rawValue))),
        ("levels", "[" + levels.joined(separator: ",") + "]"),
      ])
    }
    return JSONText.object([("chains", "[" + chains.joined(separator: ",") + "]")])
  }

  /// Order mail as a JSON array of `delivery` objects.
  static func deliveries(_ mail: [MailDelivery]) -> String {
    "[" + mail.map { delivery($0) }.joined(separator: ",") + "]"
  }

  /// One message: `milestone`, `transaction`, `to`, `state`, `attempts`, `error` (with
  /// `order` first when asked, as `outbox --json` prints it).
  static func delivery(_ delivery: MailDelivery, withOrder: Bool = false) -> String {
    JSONText.object(
      (withOrder ? [("order", JSONText.string(delivery.order))] : []) + [
        ("milestone", JSONText.string(delivery.milestone)),
        ("transaction", JSONText.string(delivery.transactionId)),
        ("to", strings(delivery.to)), ("state", JSONText.string(delivery.state.rawValue)),
        ("attempts", String(delivery.attempts)), ("error", JSONText.string(delivery.error)),
      ])
  }

  static func line(_ line: Line) -> String {
    JSONText.object([
      ("number", JSONText.string(line.number)), ("state", JSONText.string(line.state.rawValue)),
      ("employee", JSONText.string(line.employee)), ("vendor", JSONText.string(line.vendor)),
      ("voicePlan", JSONText.string(line.voicePlan)),
      ("dataPlan", JSONText.string(line.dataPlan)), ("features", strings(line.features)),
      ("device", JSONText.string(line.device)), ("sim", JSONText.string(line.sim)),
      ("liability", JSONText.string(line.liability.rawValue)),
      ("disconnectedOn", JSONText.string(line.disconnectedOn)),
    ])
  }

  static func employee(_ employee: Employee, issued: [AccessoryIssue] = []) -> String {
    JSONText.object([
      ("id", JSONText.string(employee.id)), ("name", JSONText.string(employee.name)),
      ("approver", JSONText.string(employee.approver)),
      ("email", JSONText.string(employee.email)),
      ("department", JSONText.string(employee.department)),
      ("supportDesk", String(employee.supportDesk)), ("stipend", String(employee.stipend)),
      (
        "accessories",
        strings(
          issued.filter { $0.employee == employee.id }.map { "\($0.accessory) x\($0.quantity)" })
      ),
    ])
  }

  static func device(_ device: Device) -> String {
    JSONText.object([
      ("serial", JSONText.string(device.serial)), ("model", JSONText.string(device.model)),
      ("state", JSONText.string(device.state.rawValue)),
      ("purchased", JSONText.string(device.purchased)),
      ("employee", JSONText.string(device.employee)), ("line", JSONText.string(device.line)),
      ("condition", JSONText.string(device.condition)),
    ])
  }
}

/// Rows as fixed-width columns.
enum Columns {
  static func line(_ cells: [(String, Int)]) -> String {
    cells.map {
      let text = TextRules.neutralised($0.0)
      return text.padding(toLength: max($0.1, text.count), withPad: " ", startingAt: 0)
    }.joined(separator: " ").trimmingTrailingSpaces()
  }
}

extension String {
  func trimmingTrailingSpaces() -> String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}

/// `stockroom orders [--state S] [--json]`.
struct OrdersCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "orders", abstract: "List wireless orders (JSON Lines with --json).",
    discussion: HelpExamples.discussion(
      examples: "stockroom orders --state pending-approval", "stockroom orders --json"))
  @OptionGroup var global: GlobalOptions
  @Option(
    help: "pending-approval, information-requested, in-fulfilment, completed, rejected, cancelled.")
  var state: String?
  @Flag(help: "Print JSON Lines.") var json = false

  func run() throws {
    let wanted = state.map { UsageCheck.word($0, option: "--state", OrderState.allCases) }
    let book = StoreCommands.open(global, readOnly: true).state.orders
    var out = OutputBuffer()
    if !json {
      out.line(
        Columns.line([
          ("ORDER", 10), ("TYPE", 18), ("STATE", 21), ("FOR", 9), ("APPROVER", 9), ("LINE", 0),
        ]))
    }
    for order in book.orders where wanted == nil || order.state == wanted {
      if json {
        out.line(OrderJSON.order(order, book: book))
      } else {
        out.line(
          Columns.line([
            (order.number, 10), (order.type.rawValue, 18), (order.state.rawValue, 21),
            (order.employee, 9), (order.approver, 9), (order.request.line ?? "-", 0),
          ]))
      }
    }
    out.flush()
  }
}

/// `stockroom order show ORDER [--json]`.
struct OrderShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show", abstract: "Show one order with its timeline.",
    discussion: HelpExamples.discussion(
      examples: "stockroom order show ORD-000002", "stockroom order show ORD-000002 --json"))
  @OptionGroup var global: GlobalOptions
  @Argument(help: "The order number (ORD-000123).") var order: String
  @Flag(help: "Print one JSON object.") var json = false

  func run() throws {
    let store = StoreCommands.open(global, readOnly: true)
    let book = store.state.orders
    guard let found = book.order(order) else { StoreCommands.unknown("order", order) }
    let mail = store.outbox.deliveries(order: found.number)
    if json {
      print(OrderJSON.order(found, book: book, mail: mail))
      return
    }
    for line in OrderRun.lines(book.rows(found)) { print(TextRules.neutralised(line)) }
    print("Timeline")
    for (event, people) in zip(found.timeline, book.notified(along: found)) {
      var text = "  \(event.time)  \(event.step.title) by \(book.person(event.actor))"
      if !event.comment.isEmpty { text += ": " + event.comment }
      print(TextRules.neutralised(text))
      if !people.isEmpty {
        print(
          TextRules.neutralised("      e-mail to " + people.map(\.email).joined(separator: ", ")))
      }
    }
    if !mail.isEmpty { print("Mail") }
    for delivery in mail {
      var text = "  \(delivery.milestoneTitle) to \(delivery.to.joined(separator: ", ")): "
      text += delivery.state.rawValue + (delivery.error.map { " (\($0))" } ?? "")
      print(TextRules.neutralised(text))
    }
  }
}

/// `stockroom employees [--json]`.
struct EmployeesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "employees", abstract: "List employees and their approvers.",
    discussion: HelpExamples.discussion(
      examples: "stockroom employees", "stockroom employees --json"))
  @OptionGroup var global: GlobalOptions
  @Flag(help: "Print JSON Lines.") var json = false

  func run() throws {
    let book = StoreCommands.open(global, readOnly: true).state.orders
    var out = OutputBuffer()
    if !json {
      out.line(Columns.line([("ID", 8), ("NAME", 16), ("APPROVER", 8), ("DEPARTMENT", 0)]))
    }
    for employee in book.employees {
      if json {
        out.line(OrderJSON.employee(employee, issued: book.issues))
      } else {
        var department = employee.department
        if employee.stipend { department += " (stipend)" }
        out.line(
          Columns.line([
            (employee.id, 8), (employee.name, 16), (employee.approver ?? "-", 8),
            (department, 0),
          ]))
      }
    }
    out.flush()
  }
}

/// `stockroom lines [--json]`.
struct LinesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lines", abstract: "List lines of service.",
    discussion: HelpExamples.discussion(
      examples: "stockroom lines --state active", "stockroom lines --json"))
  @OptionGroup var global: GlobalOptions
  @Option(help: "active, suspended or disconnected.") var state: String?
  @Flag(help: "Print JSON Lines.") var json = false

  func run() throws {
    let wanted = state.map { UsageCheck.word($0, option: "--state", LineState.allCases) }
    let book = StoreCommands.open(global, readOnly: true).state.orders
    var out = OutputBuffer()
    if !json {
      out.line(
        Columns.line([
          ("NUMBER", 12), ("STATE", 12), ("EMPLOYEE", 8), ("VENDOR", 6), ("PLANS", 14),
          ("DEVICE", 0),
        ]))
    }
    for line in book.lines where wanted == nil || line.state == wanted {
      if json {
        out.line(OrderJSON.line(line))
      } else {
        let plans = [line.voicePlan, line.dataPlan].compactMap { $0 }.joined(separator: "+")
        out.line(
          Columns.line([
            (line.number, 12), (line.state.rawValue, 12), (line.employee ?? "-", 8),
            (line.vendor, 6), (plans, 14), (line.device ?? "-", 0),
          ]))
      }
    }
    out.flush()
  }
}

/// `stockroom devices [--json]`.
struct DevicesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "devices", abstract: "List devices (IMEI or serial), in stock or assigned.",
    discussion: HelpExamples.discussion(
      examples: "stockroom devices --state in-stock", "stockroom devices --json"))
  @OptionGroup var global: GlobalOptions
  @Option(help: "in-stock or assigned.") var state: String?
  @Flag(help: "Print JSON Lines.") var json = false

  func run() throws {
    let wanted = state.map { UsageCheck.word($0, option: "--state", DeviceState.allCases) }
    let book = StoreCommands.open(global, readOnly: true).state.orders
    var out = OutputBuffer()
    if !json {
      out.line(
        Columns.line([
          ("SERIAL", 16), ("MODEL", 14), ("STATE", 9), ("BOUGHT", 10), ("EMPLOYEE", 8),
          ("LINE", 12), ("CONDITION", 0),
        ]))
    }
    for device in book.devices where wanted == nil || device.state == wanted {
      if json {
        out.line(OrderJSON.device(device))
      } else {
        out.line(
          Columns.line([
            (device.serial, 16), (device.model, 14), (device.state.rawValue, 9),
            (device.purchased, 10), (device.employee ?? "-", 8), (device.line ?? "-", 12),
            (device.condition, 0),
          ]))
      }
    }
    out.flush()
  }
}
