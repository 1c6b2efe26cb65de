import ArgumentParser
import StockroomDomain

/// `stockroom reinitialize`: faulty tokens re-initialized and available again.
struct ReinitializeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reinitialize",
    abstract: "Re-initialize faulty hardware tokens (commit with --yes).",
    discussion: HelpExamples.discussion(
      examples: "stockroom reinitialize --serial RB1-1100828 --yes"))

  @OptionGroup var global: GlobalOptions
  @Option(parsing: .upToNextOption, help: "Faulty serials (several allowed).")
  var serial: [String] = []
  @Option(help: "A file of serials: one a line, or a CSV column.") var serialsFrom: String?
  @Option(help: "The CSV column: header name or number from 1 (default: the serial column).")
  var column: String?
  @Option(help: "Optional reference (up to 64 characters).") var reference: String?
  @Option(help: "Optional comment (up to 128 printable characters).") var comment: String?
  @Flag(help: "Commit. Without it the summary is printed and nothing is written.") var yes = false
  @Flag(help: "Print one JSON object.") var json = false
  @OptionGroup var commitKey: CommitKeyOption

  func run() throws {
    let serials = UsageCheck.serials(serial, from: serialsFrom, column: column)
    let context = UsageCheck.context(reference: reference, comment: comment)
    var options = TransactionOptions()
    options.yes = yes
    options.json = json
    options.commitKey = commitKey
    DeallocationRun(global: global, options: options, context: context).perform(
      .reinitialize(serials: serials))
  }
}
