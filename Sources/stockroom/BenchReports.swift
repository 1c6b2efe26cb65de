import Foundation
import StockroomDomain
import StockroomStore

/// `stockroom bench --only reports` (issue 18): on the demo data with `tokens` tokens, the
/// transactions report of one account (read through the index) and the movements report of
/// the last month (the ledger applied up to the period, then the month counted), each as the
/// report alone after the store is open and as a whole `stockroom report` process. Goal: each
/// within 1 s.
struct BenchReports {
  let rounds: Int

  func run(_ url: URL, tokens: Int) throws(StoreError) {
    var options = FileStore.Options()
    options.readOnly = true
    let store = try FileStore.open(at: url, options: options)
    let now = ProcessIdentity.format(ProcessIdentity.now())
    let monthAgo = ProcessIdentity.format(ProcessIdentity.now().addingTimeInterval(-30 * 86_400))
    let from = String(monthAgo.prefix(10))
    let to = String(now.prefix(10))
    let cases: [(String, ReportKind, ReportFilter, [String])] = [
      (
        "transactions report of ACC-0002", .transactions, ReportFilter(account: "ACC-0002"),
        ["transactions", "--account", "ACC-0002"]
      ),
      (
        "transactions report of ACC-0001 (the 1,000,000-token account)", .transactions,
        ReportFilter(account: "ACC-0001"), ["transactions", "--account", "ACC-0001"]
      ),
      (
        "movements report, \(from) to \(to)", .movements,
        ReportFilter(from: ReportDay(from), to: ReportDay(to)),
        ["movements", "--from", from, "--to", to]
      ),
    ]
    for (name, kind, filter, arguments) in cases {
      var alone: [Double] = []
      var rows = 0
      for _ in 0..<rounds {
        let begin = BenchClock.wall()
        do {
          rows = try kind.run(filter, now: now, in: store).rows.count
        } catch {
          print("\(name): \(error)")
          return
        }
        alone.append(BenchClock.wall() - begin)
      }
      BenchReport.line("\(name), \(tokens) tokens, \(rows) rows: the report alone", alone)
      let whole = (0..<rounds).map { _ in
        BenchChild.run(["report"] + arguments + ["--data-dir", url.path]).milliseconds
      }
      let median = whole.sorted()[whole.count / 2]
      BenchReport.line(
        "stockroom report \(arguments.joined(separator: " ")), \(tokens) tokens", whole)
      print("  goal within 1 s: \(median <= 1_000 ? "met" : "NOT met")")
    }
  }
}
