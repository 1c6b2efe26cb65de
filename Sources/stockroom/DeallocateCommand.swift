import ArgumentParser
import StockroomDomain

/// The deallocation issue's headless twins, registered by the root command.
enum DeallocationCommands {
  static let all: [ParsableCommand.Type] = [
    DeallocateCommand.self, ReinitializeCommand.self, ContainersCommand.self,
  ]
}

/// `stockroom deallocate`: the deallocation wizard's three flows without a screen.
struct DeallocateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "deallocate",
    abstract: "Give software or hardware tokens back from an account (commit with --yes).",
    discussion: HelpExamples.discussion(
      examples:
        "stockroom deallocate software --account ACC-0002 --product sms --type rental --quantity 10 --reference RMA-2026-04417 --yes",
      "stockroom deallocate hardware --account ACC-0002 --serial RB1-1100828 --disposition return --yes"
    ),
    subcommands: [
      DeallocateSoftwareCommand.self, DeallocateMobilePassCommand.self,
      DeallocateHardwareCommand.self,
    ])
}

/// `stockroom deallocate software`: Capacity, SMS (rental or sale) or ST-1 back to stock.
struct DeallocateSoftwareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "software", abstract: "Deallocate Capacity, SMS or ST-1 software tokens.",
    discussion: HelpExamples.discussion(
      "A rental SMS deallocation also deallocates one unit of Capacity per token.",
      examples:
        "stockroom deallocate software --account ACC-0002 --product sms --type rental --quantity 10 --reference RMA-2026-04417 --yes",
      "stockroom deallocate software --account ACC-0002 --product capacity --quantity 5 --interactive"
    ))

  @OptionGroup var global: GlobalOptions
  @Option(help: "Account code (ACC-0001) or exact name.") var account: String?
  @Option(help: "sms, capacity or st-1.") var product: String?
  @Option(help: "rental or sale (SMS only, and required for SMS).") var type: String?
  @Option(help: "How many: a whole number from 1 to Available.") var quantity: String?
  @OptionGroup var options: TransactionOptions
  @OptionGroup var reason: ReturnReasonOption
  @Flag(help: "Open the wizard filled with these answers.") var interactive = false

  /// The product `--product` names, the same word headless and `--interactive`.
  static func product(_ word: String) -> Product {
    UsageCheck.word(word, option: "--product", [Product.sms, .capacity, .st1])
  }

  /// The allocation type `--type` names.
  static func type(_ word: String) -> AllocationType {
    UsageCheck.word(word, option: "--type", AllocationType.allCases)
  }

  func run() throws {
    if interactive { openWizard() }
    guard let account else { UsageCheck.fail("--account is required") }
    guard let product else { UsageCheck.fail("--product is required (sms, capacity or st-1)") }
    let chosen = Self.product(product)
    var allocation: AllocationType?
    if chosen == .sms {
      guard let type else { UsageCheck.fail("--type is required for sms (rental or sale)") }
      allocation = Self.type(type)
    } else if type != nil {
      UsageCheck.fail("--type is only for sms")
    }
    guard let column = SoftwareColumn(product: chosen, type: allocation) else {
      UsageCheck.fail("--product \(product): not deallocated here")
    }
    let count = UsageCheck.quantity(quantity)
    let context = UsageCheck.context(
      reference: options.reference, comment: options.comment, returnReason: reason.value)
    DeallocationRun(global: global, options: options, context: context).perform(
      .deallocateSoftware(
        account: account, column: column, quantity: count, container: options.container))
  }
}

/// `stockroom deallocate mobilepass`: MobilePASS tokens back to stock.
struct DeallocateMobilePassCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mobilepass", abstract: "Deallocate MobilePASS software tokens.",
    discussion: HelpExamples.discussion(
      examples:
        "stockroom deallocate mobilepass --account ACC-0002 --quantity 3 --reference RMA-2026-04418 --yes"
    ))

  @OptionGroup var global: GlobalOptions
  @Option(help: "Account code (ACC-0001) or exact name.") var account: String?
  @Option(help: "How many: a whole number from 1 to Available.") var quantity: String?
  @OptionGroup var options: TransactionOptions
  @OptionGroup var reason: ReturnReasonOption
  @Flag(help: "Open the wizard filled with these answers.") var interactive = false

  func run() throws {
    if interactive { openWizard() }
    guard let account else { UsageCheck.fail("--account is required") }
    let count = UsageCheck.quantity(quantity)
    let context = UsageCheck.context(
      reference: options.reference, comment: options.comment, returnReason: reason.value)
    DeallocationRun(global: global, options: options, context: context).perform(
      .deallocateMobilePass(account: account, quantity: count, container: options.container))
  }
}
