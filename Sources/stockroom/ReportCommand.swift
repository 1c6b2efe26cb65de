import ArgumentParser
import StockroomDomain
import StockroomStore

/// `stockroom report`: the three reports of Home › Reports (issue 18) without a screen, as
/// plain text with totals, CSV or JSON Lines.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Report transactions, stock movements or faulty and lost tokens.",
    discussion: HelpExamples.discussion(
      """
      REPORT is transactions, movements or faulty. Dates are YYYY-MM-DD, inclusive, in UTC; \
      without --from and --to the whole history is reported. Movements take only the period \
      and --product. A report over the whole ledger shows its progress on standard error when \
      that is a terminal; Ctrl-C cancels it.
      """,
      examples: "stockroom report faulty --from 2026-11-01 --to 2026-11-30",
      "stockroom report transactions --account ACC-0002 --csv"))

  @OptionGroup var global: GlobalOptions
  @Argument(help: "transactions, movements or faulty.") var report: String
  @Option(help: "The first day, YYYY-MM-DD (UTC).") var from: String?
  @Option(help: "The last day, YYYY-MM-DD (UTC), inclusive.") var to: String?
  @Option(help: "Account code (ACC-0001) or exact name.") var account: String?
  @Option(help: "The OS user who committed.") var user: String?
  @Option(help: "A transaction action (deallocate-hardware, allocate, …).") var action: String?
  @Option(help: "A product (capacity, sms, st-1, mobilepass) or a hardware model.")
  var product: String?
  @Option(
    name: .customLong("return-reason"), help: "Why tokens came back: \(ReturnReason.choices).")
  var returnReason: String?
  @Option(help: "Text the Reference contains (any case).") var reference: String?
  @Flag(help: "Print CSV (RFC 4180) with a header row.") var csv = false
  @Flag(help: "Print JSON Lines.") var json = false

  func run() throws {
    if json && csv { UsageCheck.fail("--json and --csv cannot be combined") }
    let kind = UsageCheck.word(report, option: "report", ReportKind.allCases)
    let text = ReportFilterText(
      from: from, to: to, account: account, user: user, action: action, product: product,
      returnReason: returnReason, reference: reference)
    // Values that need no store are checked before one is opened.
    if product == nil, case .usage(let message)? = Self.problem(text, kind, InventoryState()) {
      UsageCheck.fail(message)
    }
    let store = StoreCommands.open(global, readOnly: true)
    let filter: ReportFilter
    do throws(ReportFilterText.Problem) {
      filter = try text.filter(for: kind, in: store.state)
    } catch {
      switch error {
      case .usage(let message): UsageCheck.fail(message)
      case .unknown(let message):
        CommandFailure(status: .refused, message: message).exit()
      }
    }
    let progress = RebuildProgress.pass("report \(kind.rawValue)")
    let table: ReportTable
    do throws(ReportFailure) {
      table = try kind.run(
        filter, now: ProcessIdentity.format(ProcessIdentity.now()), in: store,
        progress: progress.map { show in
          { done, total in
            show(Int(done), Int(total))
            return true
          }
        })
    } catch {
      switch error {
      case .ledger(let failure): StoreCommands.fail(failure)
      case .damaged(let problem): StoreCommands.fail(.refused(problem))
      case .cancelled: CommandFailure(status: .refused, message: "report cancelled").exit()
      }
    }
    let output = json ? table.jsonLines : csv ? table.csv : table.plain()
    var out = OutputBuffer()
    if !output.isEmpty { out.line(String(output.dropLast())) }
    out.flush()
  }

  private static func problem(
    _ text: ReportFilterText, _ kind: ReportKind, _ state: InventoryState
  ) -> ReportFilterText.Problem? {
    do throws(ReportFilterText.Problem) {
      _ = try text.filter(for: kind, in: state)
      return nil
    } catch {
      return error
    }
  }
}
