import ArgumentParser
import StockroomDomain

/// `stockroom receive`: new stock into the provider's inventory, the receiving wizard
/// without a screen.
struct ReceiveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "receive",
    abstract: "Receive new hardware serials or software quantities (commit with --yes).",
    discussion: HelpExamples.discussion(
      """
      Hardware: --model with --serial or --serials-from (a list with any repeated or already \
      known serial is refused whole, naming them). Software and capacity: --product with \
      --quantity. --ownership says whether the stock is owned or leased. --interactive opens \
      the receiving wizard filled with the options given.
      """,
      examples:
        "stockroom receive --model RB-1 --serials-from delivery.csv --ownership owned --container MAIN --reference PO-4410 --yes",
      "stockroom receive --product sms --quantity 1000 --ownership leased --interactive"))

  @OptionGroup var global: GlobalOptions
  @Option(help: "Hardware model, e.g. RB-1.") var model: String?
  @Option(parsing: .upToNextOption, help: "New serials (several allowed).")
  var serial: [String] = []
  @Option(help: "A file of serials: one a line, or a CSV column.") var serialsFrom: String?
  @Option(help: "The CSV column: header name or number from 1 (default: the serial column).")
  var column: String?
  @Flag(help: "The tokens need a token-side PIN (RB-1).") var needsPin = false
  @Option(help: "capacity, sms, st-1 or mobilepass.") var product: String?
  @Option(help: "How many: a whole number of at least 1.") var quantity: String?
  @Option(help: "owned or leased.") var ownership: String?
  @OptionGroup var options: TransactionOptions
  @Flag(help: "Open the wizard filled with these answers.") var interactive = false

  func run() throws {
    if interactive { openWizard() }
    guard let ownership else { UsageCheck.fail("--ownership is required (owned or leased)") }
    let owned = UsageCheck.word(ownership, option: "--ownership", Ownership.allCases)
    let context = UsageCheck.context(reference: options.reference, comment: options.comment)
    let run = CommandRun<StockSummary>(global: global, options: options, context: context)
    if let product {
      if model != nil || !serial.isEmpty || serialsFrom != nil || needsPin {
        UsageCheck.fail("give --product with --quantity, or --model with serials, not both")
      }
      let chosen = UsageCheck.word(product, option: "--product", Product.software)
      run.perform(
        .receiveSoftware(
          product: chosen, quantity: UsageCheck.quantity(quantity), ownership: owned,
          container: options.container))
      return
    }
    guard let model else { UsageCheck.fail("give --model with serials, or --product") }
    if quantity != nil { UsageCheck.fail("--quantity needs --product") }
    let serials = UsageCheck.serials(serial, from: serialsFrom, column: column)
    run.perform(
      .receiveHardware(
        model: model, serials: serials, ownership: owned, container: options.container,
        needsPIN: needsPin))
  }
}
