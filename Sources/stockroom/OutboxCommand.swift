import ArgumentParser
import Foundation
import StockroomDomain
import StockroomStore

/// `stockroom outbox`: the order mail still to go out, and `outbox deliver` to send it now.
struct OutboxCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "outbox",
    abstract: "Order mail waiting in the outbox (list), or send it now (deliver).",
    discussion: HelpExamples.discussion(
      examples: "stockroom outbox", "STOCKROOM_SENDMAIL=/usr/sbin/sendmail stockroom outbox deliver"
    ),
    subcommands: [OutboxListCommand.self, OutboxDeliverCommand.self],
    defaultSubcommand: OutboxListCommand.self)

  /// The outbox of the data directory, or exit 4 when there is no data there.
  static func outbox(_ global: GlobalOptions) -> Outbox {
    let directory = global.resolvedDataDirectory()
    guard FileStore.hasData(at: directory) else {
      CommandFailure(
        status: .storeUnavailable, message: "\(TextRules.neutralised(directory.path)): no data"
      )
      .exit()
    }
    return Outbox(directory: directory.path, environment: ProcessInfo.processInfo.environment)
  }
}

/// `stockroom outbox [--all] [--json]`.
struct OutboxListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List the messages pending or failed (with --all, delivered ones too).",
    discussion: HelpExamples.discussion(
      examples: "stockroom outbox list --all", "stockroom outbox list --json"))
  @OptionGroup var global: GlobalOptions
  @Flag(help: "Delivered messages too.") var all = false
  @Flag(help: "Print JSON Lines.") var json = false

  func run() throws {
    let states: Set<MailDelivery.State> =
      all ? Set(MailDelivery.State.allCases) : [.pending, .failed]
    let mail = OutboxCommand.outbox(global).deliveries(states: states)
    var out = OutputBuffer()
    if !json {
      out.line(
        Columns.line([
          ("STATE", 9), ("ORDER", 10), ("MILESTONE", 21), ("TO", 30), ("ERROR", 0),
        ]))
    }
    for delivery in mail {
      if json {
        out.line(OrderJSON.delivery(delivery, withOrder: true))
      } else {
        out.line(
          Columns.line([
            (delivery.state.rawValue, 9), (delivery.order, 10), (delivery.milestone, 21),
            (delivery.to.joined(separator: ","), 30), (delivery.error ?? "", 0),
          ]))
      }
    }
    out.flush()
  }
}

/// `stockroom outbox deliver`: one delivery pass now, as a commit makes after itself.
struct OutboxDeliverCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "deliver",
    abstract: "Hand every waiting message to STOCKROOM_SENDMAIL now (exit 1 if any is left).",
    discussion: HelpExamples.discussion(
      examples: "STOCKROOM_SENDMAIL=/usr/sbin/sendmail stockroom outbox deliver"))
  @OptionGroup var global: GlobalOptions

  func run() throws {
    let outbox = OutboxCommand.outbox(global)
    let report = outbox.deliver()
    StoreCommands.warn(report.problems)
    let counts =
      "delivered \(report.delivered.count), failed \(report.failed.count), "
      + "waiting \(report.waiting.count)"
    if outbox.sendmail == nil && !report.waiting.isEmpty {
      CommandFailure(status: .refused, message: "STOCKROOM_SENDMAIL is not set: " + counts).exit()
    }
    print(counts.prefix(1).uppercased() + counts.dropFirst())
    if !report.failed.isEmpty || !report.waiting.isEmpty { Foundation.exit(1) }
  }
}
