import ApprovalPolicyFile
import ArgumentParser
import Foundation
import StockroomDomain
import StockroomStore

/// `stockroom approvals`: the approval policy in force, and `approvals set` to change it.
struct ApprovalsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "approvals",
    abstract: "The approval policy: who approves which orders, level by level.",
    discussion: HelpExamples.discussion(
      examples: "stockroom approvals",
      "stockroom approvals set --file approvals.toml --as EMP-0004 --yes"),
    subcommands: [ApprovalsShowCommand.self, ApprovalsSetCommand.self],
    defaultSubcommand: ApprovalsShowCommand.self)
}

/// `stockroom approvals [--json]`: the policy in force.
struct ApprovalsShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show", abstract: "Print the approval policy in force.",
    discussion: HelpExamples.discussion(
      examples: "stockroom approvals show", "stockroom approvals show --json"))
  @OptionGroup var global: GlobalOptions
  @Flag(help: "Print one JSON object.") var json = false

  func run() throws {
    let book = StoreCommands.open(global, readOnly: true).state.orders
    if json {
      print(OrderJSON.policy(book.approvalPolicy))
    } else {
      for line in book.policyLines() { print(TextRules.neutralised(line)) }
    }
  }
}

/// `stockroom approvals set --file FILE`: the support desk changes the policy; orders
/// already submitted keep the chain they were submitted under.
struct ApprovalsSetCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "set",
    abstract: "Change the approval policy from a TOML file (the support desk only).",
    discussion: HelpExamples.discussion(
      examples: "stockroom approvals set --file approvals.toml --as EMP-0004 --yes"))
  @OptionGroup var global: GlobalOptions
  @Option(help: "The policy file (TOML; README \"Approval policy\").") var file: String
  @OptionGroup var acting: ActingOptions

  func run() throws {
    let text: String
    do {
      text = try String(contentsOfFile: file, encoding: .utf8)
    } catch {
      CommandFailure(status: .storeUnavailable, message: "\(file): cannot be read").exit()
    }
    let book = StoreCommands.open(global, readOnly: true).state.orders
    let policy: ApprovalPolicy
    switch ApprovalPolicyFile.read(text, book: book) {
    case .failure(let problem):
      CommandFailure(status: .refused, message: "\(file): \(problem.message)").exit()
    case .success(let found): policy = found
    }
    OrderRun(global: global, acting: acting).perform(
      { actor, _ in .policy(policy, actor: actor) },
      summary: { book, _ in
        ["Approval policy (replaces the one in force)"] + book.policyLines(policy)
      },
      done: { _, transaction in "Approval policy set (\(transaction.transactionId))" },
      json: { book, _ in OrderJSON.policy(book.approvalPolicy) })
  }
}
