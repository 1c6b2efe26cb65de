import ArgumentParser
import StockroomDomain
import StockroomStore
import Wizards

/// `stockroom reverse TXID --why TEXT`: a new transaction undoing an earlier one's effect.
struct ReverseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reverse",
    abstract: "Reverse a transaction by a new one (commit with --yes).",
    discussion: HelpExamples.discussion(
      "Exit 3 when something later depends on the original, naming it.",
      examples: "stockroom reverse T000150 --why \"wrong account\" --yes",
      "stockroom reverse T000150 --why \"wrong account\" --interactive"))

  @OptionGroup var global: GlobalOptions
  @Argument(help: "The Transaction ID to reverse (T000123).") var transactionId: String
  @Option(help: "Why it is reversed (required, up to 128 printable characters).") var why: String?
  @Flag(help: "Commit. Without it the summary is printed and nothing is written.") var yes = false
  @Flag(help: "Print one JSON object.") var json = false
  @Flag(help: "Open the reversal's Confirm in the terminal, the Why filled in.")
  var interactive = false
  @OptionGroup var commitKey: CommitKeyOption

  func run() throws {
    if interactive {
      let (id, text) = (transactionId, why ?? "")
      InteractiveRun.open(global: global) {
        ReversalFlow.interactiveScreens(transactionId: id, why: text, context: $0)
      }
    }
    guard let why else { UsageCheck.fail("--why is required") }
    if let problem = TextRules.whyProblem(why) { UsageCheck.fail("--why: \(problem)") }
    let context = UsageCheck.context(reference: nil, comment: nil)
    let store = StoreCommands.open(global, readOnly: !yes)
    let found = StoreCommands.lookUp(store) { () throws(StoreError) in
      try ReversalRequest.gather(transactionId, why: why, from: store)
    }
    guard let request = found else { StoreCommands.unknown("transaction", transactionId) }
    var options = TransactionOptions()
    options.yes = yes
    options.json = json
    options.commitKey = commitKey
    CommandRun<ReversalSummary>(global: global, options: options, context: context).perform(
      .reverse(request), on: store)
  }
}
