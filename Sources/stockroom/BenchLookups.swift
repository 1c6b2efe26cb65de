import Foundation
import Glibc
import StockroomStore

/// `stockroom bench` figures for lookups by index (issue 14): `show` of one transaction and
/// `log --account ACC-0002` on the default demo data and on a large one, each as a whole
/// process (what a user waits for) and as the lookup alone after the store is open, with the
/// ratio between the two data sets and the process start they share.
struct BenchLookups {
  let rounds: Int

  /// `small` holds the default demo data, `large` the demo with `tokens` tokens.
  func run(small: URL, large: URL, tokens: Int) throws(StoreError) {
    let start = BenchReport.figure(
      "process start (stockroom --version)", (0..<rounds).map { _ in spawn(["--version"]) })
    var figures: [String: Double] = [:]
    for (name, url) in [("demo", small), ("large", large)] {
      var options = FileStore.Options()
      options.readOnly = true
      let opened = try FileStore.open(at: url, options: options)
      guard let shown = try opened.transactions(account: "ACC-0002").last?.transactionId else {
        continue
      }
      let label = name == "demo" ? "demo data" : "\(tokens) tokens"
      let data = ["--data-dir", url.path]
      var opens: [Double] = []
      var checks: [Double] = []
      var lookups: (show: [Double], log: [Double]) = ([], [])
      for _ in 0..<rounds {
        var begin = BenchClock.wall()
        let store = try FileStore.open(at: url, options: options)
        opens.append(BenchClock.wall() - begin)
        begin = BenchClock.wall()
        try store.prepareLookups()
        checks.append(BenchClock.wall() - begin)
        begin = BenchClock.wall()
        _ = try store.transaction(id: shown)
        lookups.show.append(BenchClock.wall() - begin)
        begin = BenchClock.wall()
        _ = try store.transactions(account: "ACC-0002")
        lookups.log.append(BenchClock.wall() - begin)
      }
      figures["open \(name)"] = BenchReport.figure("store open (read-only), \(label)", opens)
      BenchReport.line("index checked against the ledger (its stamp), \(label)", checks)
      figures["show lookup \(name)"] = BenchReport.figure(
        "lookup alone, after the open: \(shown) by ID, \(label)", lookups.show)
      figures["log lookup \(name)"] = BenchReport.figure(
        "lookup alone, after the open: ACC-0002's transactions, \(label)", lookups.log)
      figures["show \(name)"] = BenchReport.figure(
        "stockroom show \(shown), \(label)",
        (0..<rounds).map { _ in spawn(["show", shown] + data) })
      figures["log \(name)"] = BenchReport.figure(
        "stockroom log --account ACC-0002, \(label)",
        (0..<rounds).map { _ in spawn(["log", "--account", "ACC-0002"] + data) })
    }
    for command in ["show", "log"] {
      guard let demo = figures["\(command) demo"], let big = figures["\(command) large"],
        let lookup = figures["\(command) lookup demo"],
        let bigLookup = figures["\(command) lookup large"],
        let open = figures["open demo"], let bigOpen = figures["open large"]
      else { continue }
      let goal = 2 * demo + start
      print(
        String(
          format:
            "%@: %.1f ms at %d tokens, %.1f ms on the demo data: %.2fx (goal: at most 2 x demo "
            + "+ process start = %.1f ms: %@); the lookup alone %.3f -> %.3f ms (%.2fx), the "
            + "store open %.1f -> %.1f ms",
          command, big, tokens, demo, big / demo, goal, big <= goal ? "met" : "NOT met", lookup,
          bigLookup, bigLookup / max(0.001, lookup), open, bigOpen))
    }
  }

  static func median(_ values: [Double]) -> Double? {
    values.isEmpty ? nil : values.sorted()[values.count / 2]
  }

  /// Runs this binary with `arguments` (output discarded); the wall time in milliseconds.
  private func spawn(_ arguments: [String]) -> Double { BenchChild.run(arguments).milliseconds }
}

extension BenchReport {
  /// Prints the figure and returns its median.
  @discardableResult
  static func figure(_ name: String, _ values: [Double]) -> Double {
    line(name, values)
    return BenchLookups.median(values) ?? 0
  }
}
