import ArgumentParser
import StockroomDomain

/// `stockroom deallocate hardware`: serials back from an account with a disposition.
struct DeallocateHardwareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "hardware", abstract: "Deallocate hardware tokens by serial.",
    discussion: HelpExamples.discussion(
      """
      Deallocate hardware only once it is physically back. A list with any unknown, repeated, \
      not allocated or in-use serial is refused whole, naming them.
      """,
      examples:
        "stockroom deallocate hardware --account ACC-0002 --serial RB1-1100828 --disposition return --reference RMA-2026-04417 --yes",
      "stockroom deallocate hardware --account ACC-0002 --serials-from returned.csv --column Serial --disposition faulty --interactive"
    ))

  @OptionGroup var global: GlobalOptions
  @Option(help: "Account code (ACC-0001) or exact name.") var account: String?
  @Option(parsing: .upToNextOption, help: "Serials as printed on the devices (several allowed).")
  var serial: [String] = []
  @Option(help: "A file of serials: one a line, or a CSV column.") var serialsFrom: String?
  @Option(help: "The CSV column: header name or number from 1 (default: the serial column).")
  var column: String?
  @Option(help: "return, initialize, faulty or lost.") var disposition: String?
  @OptionGroup var options: TransactionOptions
  @OptionGroup var reason: ReturnReasonOption
  @Flag(help: "Open the wizard filled with these answers.") var interactive = false

  func run() throws {
    if interactive { openWizard() }
    guard let account else { UsageCheck.fail("--account is required") }
    let serials = UsageCheck.serials(serial, from: serialsFrom, column: column)
    guard let disposition else {
      UsageCheck.fail("--disposition is required (return, initialize, faulty or lost)")
    }
    let chosen = UsageCheck.word(disposition, option: "--disposition", Disposition.allCases)
    let context = UsageCheck.context(
      reference: options.reference, comment: options.comment, returnReason: reason.value)
    DeallocationRun(global: global, options: options, context: context).perform(
      .deallocateHardware(
        account: account, serials: serials, disposition: chosen, container: options.container))
  }
}
