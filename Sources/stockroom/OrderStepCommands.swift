import ArgumentParser
import StockroomDomain
import StockroomStore

/// Runs one workflow step on an order and says where it went.
enum OrderStepRun {
  static func run(
    _ step: OrderStep, order: String, global: GlobalOptions, acting: ActingOptions
  ) {
    let run = OrderRun(global: global, acting: acting)
    let comment = run.comment
    run.perform(
      { actor, at in .step(step, order: order, actor: actor, at: at, comment: comment) },
      summary: summary, done: done)
  }

  static func summary(_ book: OrderBook, _ change: Change) -> [String] {
    guard let number = change.order?.number, let order = book.order(number),
      let event = change.order?.event
    else { return [] }
    var lines = [
      "\(event.step.title): \(order.number) \(order.state.rawValue) → \(event.state.rawValue)"
    ]
    lines += OrderRun.lines(book.rows(order))
    lines.append(
      "By".padding(toLength: 16, withPad: " ", startingAt: 0) + book.person(event.actor))
    if !event.comment.isEmpty {
      lines.append("Comment".padding(toLength: 16, withPad: " ", startingAt: 0) + event.comment)
    }
    if event.state == .completed, let effect = change.order?.effect {
      lines += OrderRun.lines([("Inventory", OrderEffectText.describe(effect))])
    }
    return lines
  }

  static func done(_ book: OrderBook, _ transaction: Transaction) -> String {
    guard let number = transaction.order?.number, let order = book.order(number) else {
      return transaction.transactionId
    }
    return "\(order.number) \(order.state.rawValue) (\(transaction.transactionId))"
  }
}

/// Short words for what a completion changes in the inventory.
enum OrderEffectText {
  static func describe(_ effect: OrderEffect) -> String {
    var parts: [String] = []
    for line in effect.lines { parts.append("line \(line.number) \(line.state.rawValue)") }
    for device in effect.devices {
      parts.append("device \(device.serial) \(device.state.rawValue)")
    }
    for employee in effect.employees {
      parts.append("\(employee.id) stipend \(employee.stipend ? "on" : "off")")
    }
    for issue in effect.issues { parts.append("\(issue.accessory) × \(issue.quantity) issued") }
    return parts.isEmpty ? "no change" : parts.joined(separator: "; ")
  }
}

/// `stockroom order approve ORDER`.
struct OrderApproveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "approve",
    abstract: "Approve an order (its approver only; nobody approves their own order).",
    discussion: HelpExamples.discussion(
      examples: "stockroom order approve ORD-000002 --as EMP-0001 --yes"))
  @OptionGroup var global: GlobalOptions
  @Argument(help: "The order number (ORD-000123).") var order: String
  @OptionGroup var acting: ActingOptions
  func run() throws { OrderStepRun.run(.approve, order: order, global: global, acting: acting) }
}

/// `stockroom order reject ORDER --comment WHY`.
struct OrderRejectCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reject", abstract: "Reject an order (its approver only; --comment says why).",
    discussion: HelpExamples.discussion(
      examples:
        "stockroom order reject ORD-000005 --as EMP-0002 --comment \"Not this quarter\" --yes"))
  @OptionGroup var global: GlobalOptions
  @Argument(help: "The order number (ORD-000123).") var order: String
  @OptionGroup var acting: ActingOptions
  func run() throws { OrderStepRun.run(.reject, order: order, global: global, acting: acting) }
}

/// `stockroom order cancel ORDER`.
struct OrderCancelCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cancel",
    abstract: "Cancel an open order (requester, employee, approver or support desk).",
    discussion: HelpExamples.discussion(
      examples: "stockroom order cancel ORD-000005 --as EMP-0003 --yes"))
  @OptionGroup var global: GlobalOptions
  @Argument(help: "The order number (ORD-000123).") var order: String
  @OptionGroup var acting: ActingOptions
  func run() throws { OrderStepRun.run(.cancel, order: order, global: global, acting: acting) }
}

/// `stockroom order request-info ORDER --comment QUESTION`.
struct OrderRequestInfoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "request-info",
    abstract: "Ask the requester for more information (approver; --comment is the question).",
    discussion: HelpExamples.discussion(
      examples:
        "stockroom order request-info ORD-000002 --as EMP-0001 --comment \"Why the bigger plan?\" --yes"
    ))
  @OptionGroup var global: GlobalOptions
  @Argument(help: "The order number (ORD-000123).") var order: String
  @OptionGroup var acting: ActingOptions
  func run() throws {
    OrderStepRun.run(.requestInfo, order: order, global: global, acting: acting)
  }
}

/// `stockroom order respond ORDER --comment ANSWER`.
struct OrderRespondCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "respond",
    abstract: "Answer the approver's question; the order returns to approval.",
    discussion: HelpExamples.discussion(
      examples:
        "stockroom order respond ORD-000003 --as EMP-0005 --comment \"For the field trip\" --yes"))
  @OptionGroup var global: GlobalOptions
  @Argument(help: "The order number (ORD-000123).") var order: String
  @OptionGroup var acting: ActingOptions
  func run() throws { OrderStepRun.run(.respond, order: order, global: global, acting: acting) }
}

/// `stockroom order complete ORDER`.
struct OrderCompleteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "complete",
    abstract: "Complete an order in fulfilment (support desk); the inventory follows.",
    discussion: HelpExamples.discussion(examples: "stockroom order complete ORD-000004 --yes"))
  @OptionGroup var global: GlobalOptions
  @Argument(help: "The order number (ORD-000123).") var order: String
  @OptionGroup var acting: ActingOptions
  func run() throws { OrderStepRun.run(.complete, order: order, global: global, acting: acting) }
}

/// `stockroom order fulfil ORDER --number … --serial … --sim … --tracking …`.
struct OrderFulfilCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fulfil",
    abstract: "Record what the vendor did: service number, IMEI/serials, SIM, tracking.",
    discussion: HelpExamples.discussion(
      examples:
        "stockroom order fulfil ORD-000004 --number 312-555-0199 --serial 356000000000300 --tracking 1Z999AA10123456784 --yes"
    ))
  @OptionGroup var global: GlobalOptions
  @Argument(help: "The order number (ORD-000123).") var order: String
  @Option(name: .customLong("number"), help: "The new service number.") var serviceNumber: String?
  @Option(parsing: .upToNextOption, help: "IMEI or serial numbers shipped.")
  var serial: [String] = []
  @Option(help: "The new SIM's ICCID.") var sim: String?
  @Option(parsing: .upToNextOption, help: "Shipping tracking numbers.") var tracking: [String] = []
  @OptionGroup var acting: ActingOptions

  func run() throws {
    let update = Fulfilment(
      serviceNumber: serviceNumber, serials: serial, sim: sim, tracking: tracking)
    if update.isEmpty { UsageCheck.fail("give --number, --serial, --sim or --tracking") }
    let run = OrderRun(global: global, acting: acting)
    let comment = run.comment
    run.perform(
      { actor, at in
        .fulfil(order: order, update: update, actor: actor, at: at, comment: comment)
      }, summary: OrderStepRun.summary, done: OrderStepRun.done)
  }
}
