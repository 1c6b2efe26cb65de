import ArgumentParser
import StockroomDomain

/// The allocation issue's headless twins, registered by the root command.
enum AllocationCommands {
  static let all: [ParsableCommand.Type] = [
    AllocateCommand.self, ReceiveCommand.self, InventoryCommand.self,
  ]
}

/// `stockroom allocate`: the allocation wizard without a screen.
struct AllocateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "allocate",
    abstract: "Allocate capacity, software or hardware tokens to an account (commit with --yes).",
    discussion: HelpExamples.discussion(
      """
      Software and capacity by --product and --quantity (Capacity Only is --product capacity); \
      hardware by --serial or --serials-from. A rental SMS allocation brings one unit of \
      Capacity per token; --with-capacity adds it to a sale. A Sale takes owned stock only. \
      A list with any unknown, repeated, faulty, lost, allocated or (for a sale) leased \
      serial is refused whole, naming them.
      """,
      examples:
        "stockroom allocate --account ACC-0002 --product sms --type rental --quantity 50 --reference PO-7781 --yes",
      "stockroom allocate --account ACC-0002 --serials-from tokens.csv --column Serial --interactive"
    ))

  @OptionGroup var global: GlobalOptions
  @Option(help: "Account code (ACC-0001) or exact name.") var account: String?
  @Option(help: "capacity, sms, st-1 or mobilepass.") var product: String?
  @Option(help: "How many: a whole number of at least 1.") var quantity: String?
  @Option(parsing: .upToNextOption, help: "Hardware serials (several allowed).")
  var serial: [String] = []
  @Option(help: "A file of serials: one a line, or a CSV column.") var serialsFrom: String?
  @Option(help: "The CSV column: header name or number from 1 (default: the serial column).")
  var column: String?
  @Option(help: "rental (default) or sale: SMS and hardware only.") var type: String?
  @Flag(help: "A sale of SMS tokens also allocates the same quantity of capacity.")
  var withCapacity = false
  @Option(help: "Billing amount, a decimal such as 12.50.") var amount: String?
  @Option(help: "unit or transaction: what the amount is charged per.") var per: String?
  @Option(help: "What starts billing: \(Billing.triggers.joined(separator: ", ")).")
  var billingTrigger: String?
  @Option(help: "The customer's own reference, e.g. a purchase order (up to 64 characters).")
  var customerReference: String?
  @OptionGroup var options: TransactionOptions
  @Flag(help: "Open the wizard filled with these answers.") var interactive = false

  /// The product `--product` names, the same word headless and `--interactive`.
  static func product(_ word: String) -> Product {
    UsageCheck.word(word, option: "--product", Product.software)
  }

  /// The allocation type `--type` names, the same word headless and `--interactive`.
  static func type(_ word: String) -> AllocationType {
    UsageCheck.word(word, option: "--type", AllocationType.allCases)
  }

  /// What `--per` names, the same word headless and `--interactive`.
  static func per(_ word: String) -> Billing.Basis {
    UsageCheck.word(word, option: "--per", Billing.Basis.allCases)
  }

  func run() throws {
    if interactive { openWizard() }
    guard let account else { UsageCheck.fail("--account is required") }
    var context = UsageCheck.context(reference: options.reference, comment: options.comment)
    context.billing = billing()
    let allocation = type.map(Self.type)
    let run = CommandRun<StockSummary>(global: global, options: options, context: context)
    if let product {
      if !serial.isEmpty || serialsFrom != nil {
        UsageCheck.fail("give --product with --quantity, or serials, not both")
      }
      if options.container != nil { UsageCheck.fail("--container is for hardware serials") }
      let chosen = Self.product(product)
      let count = UsageCheck.quantity(quantity)
      run.perform(
        .allocateSoftware(
          account: account, column: column(chosen, allocation), quantity: count,
          withCapacity: withCapacity))
      return
    }
    if quantity != nil { UsageCheck.fail("--quantity needs --product") }
    if withCapacity { UsageCheck.fail("--with-capacity is for a sale of SMS tokens") }
    let serials = UsageCheck.serials(serial, from: serialsFrom, column: self.column)
    run.perform(
      .allocateHardware(
        account: account, serials: serials, type: allocation ?? .rental,
        container: options.container))
  }

  /// The allocation-table column of a software product and type (usage errors otherwise).
  private func column(_ product: Product, _ type: AllocationType?) -> SoftwareColumn {
    if product == .sms {
      let column = SoftwareColumn(product: .sms, type: type ?? .rental) ?? .smsRental
      if withCapacity && column != .smsSale {
        UsageCheck.fail("--with-capacity is for a sale: a rental brings capacity anyway")
      }
      return column
    }
    if type != nil { UsageCheck.fail("--type is only for sms and hardware") }
    if withCapacity { UsageCheck.fail("--with-capacity is for a sale of SMS tokens") }
    return SoftwareColumn(product: product, type: nil) ?? .capacity
  }

  /// The billing references, checked; nil when none were given.
  private func billing() -> Billing? {
    guard let amount else {
      if per != nil || billingTrigger != nil || customerReference != nil {
        UsageCheck.fail("--per, --billing-trigger and --customer-reference need --amount")
      }
      return nil
    }
    guard let per else { UsageCheck.fail("--amount needs --per (unit or transaction)") }
    let basis = Self.per(per)
    let given = Billing(
      amount: amount, per: basis, trigger: billingTrigger ?? Billing.triggers[0],
      customerReference: customerReference ?? "")
    do throws(DomainError) {
      return try given.validated()
    } catch {
      UsageCheck.fail(error.message)
    }
  }
}
