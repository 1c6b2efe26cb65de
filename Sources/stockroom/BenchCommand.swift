import ArgumentParser
import Foundation
import StockroomDomain
import StockroomPostgres
import StockroomStore
import TerminalUI
import Wizards

/// `stockroom bench`: the speed figures of issue 5, each with its median and
/// spread. It makes demo data sets of each size in a temporary folder, then
/// times opening the store, the hardware pick list appearing after Search,
/// each key in it (handled and drawn, CPU), a filter to its end, and commits
/// of 1, 100 and 10,000 serials, and `show` and `log --account` on the demo data and at
/// 1,000,000 tokens (`BenchLookups`). Bytes per key need a terminal:
/// `scripts/bench-peers.sh` adds them (through a pseudo-terminal).
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench", abstract: "Measure the pick list, keys, store and commits.",
    discussion: HelpExamples.discussion(
      examples: "stockroom bench --only store --store-tokens 100000"))

  @Option(help: "Token counts of the demo data sets, comma-separated.")
  var sizes = "10000,100000,1000000"
  @Option(help: "Rounds per figure (the median is printed).") var rounds = 9
  @Option(help: "Row counts for the pick list alone, comma-separated.")
  var widgetSizes = "10000,100000,1000000"
  @Option(
    help:
      "Only these parts, comma-separated: store (open and pick list), commits, widget, lookups, scan, reports."
  )
  var only = "store,commits,widget,lookups,scan,reports"
  @Option(help: "Tokens of the large data set for the lookups (show, log) and the scan.")
  var lookupTokens = 1_000_000
  @Flag(help: "Only the growth with the data: open, commit, verify, demo, pick list at each size.")
  var scale = false
  @Option(help: "Token counts for --scale, comma-separated, smallest first.")
  var scaleTokens = "1000000,10000000"
  @Option(help: "Runs per figure for --scale (the median is printed).") var scaleRounds = 5
  @Option(help: "Keep the --scale demo stores here and reuse them in later runs.")
  var scaleDir: String?
  /// `--store URL` (the option, not `STOCKROOM_STORE`): only the database store beside the
  /// file store, in a database that holds no store yet (`BenchDatabase`).
  @OptionGroup var global: GlobalOptions
  @Option(help: "Tokens of the demo data for --store.") var storeTokens = 1_000_000
  @Option(help: "Commits per latency figure for --store (a fifth for 10,000 serials).")
  var commitRounds = 101
  @Option(help: "Seconds each --store clients run commits.") var clientSeconds = 5.0
  @Option(help: "Runs per commits-per-second figure for --store.") var clientRuns = 3

  func validate() throws {
    let sizes = scaleTokens.split(separator: ",").map { Int($0) }
    if sizes.isEmpty || sizes.contains(where: { ($0 ?? -1) < 0 || ($0 ?? 0) > 10_000_000 }) {
      throw ValidationError("--scale-tokens takes token counts from 0 to 10000000, comma-separated")
    }
    let known: Set = ["store", "commits", "widget", "lookups", "scan", "reports"]
    let unknown = parts.subtracting(known)
    if !unknown.isEmpty {
      throw ValidationError("unknown --only part: \(unknown.sorted().joined(separator: ", "))")
    }
  }

  private var parts: Set<String> {
    Set(only.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
  }

  func run() throws {
    if global.store != nil, case .postgres(let url) = global.resolvedStore() {
      let bench = BenchDatabase(
        url: url, tokens: storeTokens, rounds: max(1, rounds), commitRounds: max(1, commitRounds),
        clientSeconds: max(0.5, clientSeconds), clientRuns: max(1, clientRuns))
      do {
        try bench.run()
      } catch {
        StoreCommands.fail(error)
      }
      return
    }
    if scale {
      let sizes = scaleTokens.split(separator: ",").compactMap { Int($0) }
      let directory = scaleDir.map { URL(fileURLWithPath: $0) }
      do {
        try BenchScale(sizes: sizes, rounds: max(1, scaleRounds), directory: directory).run()
      } catch {
        StoreCommands.fail(error)
      }
      return
    }
    print("stockroom bench: \(rounds) rounds, medians with min–max")
    do {
      try measure()
    } catch {
      StoreCommands.fail(error)
    }
    print("peak memory: \(BenchClock.peakRSSMiB()) MiB")
  }

  private func measure() throws(StoreError) {
    let counts = sizes.split(separator: ",").compactMap { Int($0) }
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("stockroom-bench-\(getpid())")
    defer { try? FileManager.default.removeItem(at: root) }
    var largest: FileStore?
    for count in counts where parts.contains("store") || parts.contains("commits") {
      let url = root.appendingPathComponent("\(count)")
      _ = try FileStore.createDemo(at: url, tokens: count)
      var opens: [Double] = []
      var opened: FileStore?
      for _ in 0..<max(1, min(rounds, 5)) {
        opened = nil
        let start = BenchClock.wall()
        opened = try FileStore.open(at: url)
        opens.append(BenchClock.wall() - start)
      }
      guard let store = opened else { continue }
      BenchReport.line("store open, \(count) tokens", opens)
      if parts.contains("store") { benchPickList(store: store, url: url, tokens: count) }
      largest = store
    }
    if let largest, parts.contains("commits") { try benchCommits(largest) }
    if parts.contains("widget") {
      for count in widgetSizes.split(separator: ",").compactMap({ Int($0) }) {
        benchWidget(rows: count)
      }
    }
    if parts.contains("lookups") {
      let small = root.appendingPathComponent("lookups-demo")
      _ = try FileStore.createDemo(at: small)
      let large = root.appendingPathComponent("lookups-\(lookupTokens)")
      _ = try FileStore.createDemo(at: large, tokens: lookupTokens)
      try BenchLookups(rounds: rounds).run(small: small, large: large, tokens: lookupTokens)
    }
    if parts.contains("scan") {
      let large = root.appendingPathComponent("lookups-\(lookupTokens)")
      if !FileManager.default.fileExists(atPath: large.path) {
        _ = try FileStore.createDemo(at: large, tokens: lookupTokens)
      }
      try BenchScan(tokens: lookupTokens).run(large)
    }
    if parts.contains("reports") {
      let large = root.appendingPathComponent("lookups-\(lookupTokens)")
      if !FileManager.default.fileExists(atPath: large.path) {
        _ = try FileStore.createDemo(at: large, tokens: lookupTokens)
      }
      try BenchReports(rounds: rounds).run(large, tokens: lookupTokens)
    }
  }

  /// The pick list alone at exactly `rows` serials: how long it takes to
  /// appear, then each key handled and drawn (with the diff the terminal
  /// layer makes), as in the wizard but without a store.
  private func benchWidget(rows: Int) {
    let items = (0..<rows).map { BenchListCommand.serial($0) }
    let area = Rect(x: 2, y: 5, width: 76, height: 14)
    var opens: [Double] = []
    var list = PickList(items: [], leftTitle: "", rightTitle: "")
    for _ in 0..<rounds {
      let start = BenchClock.wall()
      list = PickList(items: items, leftTitle: "Allocated", rightTitle: "Deallocate", sorted: true)
      list.layout(in: area)
      var buffer = Buffer(size: .minimum)
      list.render(into: &buffer, in: area, focused: true)
      opens.append(BenchClock.wall() - start)
    }
    let label = "pick list widget, \(rows) rows"
    BenchReport.line("\(label): open and first draw", opens)
    var frame = Buffer(size: .minimum)
    list.render(into: &frame, in: area, focused: true)
    func key(_ key: Key) -> Double {
      let start = BenchClock.cpu()
      _ = list.update(key)
      var next = Buffer(size: .minimum)
      list.render(into: &next, in: area, focused: true)
      _ = next.verticalShift(since: frame)
      _ = next.changes(since: frame)
      frame = next
      return BenchClock.cpu() - start
    }
    BenchReport.line("\(label): key CPU, Down", (0..<200).map { _ in key(.down) })
    BenchReport.line("\(label): key CPU, PgDn", (0..<50).map { _ in key(.pageDown) })
    BenchReport.line("\(label): key CPU, PgUp", (0..<50).map { _ in key(.pageUp) })
    BenchReport.line("\(label): key CPU, Space (mark)", (0..<50).map { _ in key(.character(" ")) })
    var filterKeys: [Double] = []
    var steps: [Double] = []
    var complete: [Double] = []
    for text in ["/1", "1", "0", "5", "\u{7F}", "9"] {
      let start = BenchClock.wall()
      for character in text {
        filterKeys.append(key(character == "\u{7F}" ? .backspace : .character(character)))
      }
      while list.isFiltering {
        let step = BenchClock.cpu()
        _ = list.continueFiltering()
        var next = Buffer(size: .minimum)
        list.render(into: &next, in: area, focused: true)
        steps.append(BenchClock.cpu() - step)
      }
      complete.append(BenchClock.wall() - start)
    }
    BenchReport.line("\(label): key CPU, filter character", filterKeys)
    BenchReport.line("\(label): background filter step CPU", steps)
    BenchReport.line("\(label): filter complete (wall; keys keep working)", complete)
  }

  static func context(_ store: FileStore, _ url: URL) -> AppContext {
    AppContext(
      now: Date(), userName: "bench", userId: 0, dataDirectory: url, version: Stockroom.version,
      store: store)
  }

  /// The deallocation wizard for the large account's RB-1 tokens, on step 1.
  static func wizard(_ context: AppContext) -> App? {
    let state = context.state
    guard let account = state.accountIndex("ACC-0001"), let model = state.modelIndex("RB-1"),
      let made = DeallocationFlow.make(
        kind: .hardware(model: model), account: account,
        context: context)
    else { return nil }
    var app = App(home: Home.screen(), size: .minimum, context: context)
    app.carryOut(.push(WizardScreen(flow: made.flow, answers: made.answers)))
    return app
  }

  private func benchPickList(store: FileStore, url: URL, tokens: Int) {
    let context = Self.context(store, url)
    var opens: [Double] = []
    var memory = 0
    var rows = 0
    var app: App?
    for _ in 0..<rounds {
      app = nil
      guard var fresh = Self.wizard(context) else { return }
      _ = fresh.render()
      fresh.handle(.tab)
      let rss = BenchClock.currentRSSKiB()
      let start = BenchClock.wall()
      fresh.handle(.enter)
      _ = fresh.render()
      opens.append(BenchClock.wall() - start)
      memory = max(memory, BenchClock.currentRSSKiB() - rss)
      rows = Self.allocatedCount(fresh.render().buffer.text)
      app = fresh
    }
    BenchReport.line("pick list open after Search, \(rows) rows", opens)
    print(String(format: "  memory added by the pick list: %.1f MiB", Double(memory) / 1_024))
    guard var app else { return }
    app.handle(.tab)  // from the scan field to Allocated
    var frame = app.render().buffer
    func key(_ key: Key) -> Double {
      let start = BenchClock.cpu()
      app.handle(key)
      let next = app.render().buffer
      _ = next.verticalShift(since: frame)
      _ = next.changes(since: frame)
      frame = next
      return BenchClock.cpu() - start
    }
    let label = "\(rows) rows"
    BenchReport.line("key CPU, Down, \(label)", (0..<200).map { _ in key(.down) })
    BenchReport.line("key CPU, PgDn, \(label)", (0..<50).map { _ in key(.pageDown) })
    BenchReport.line("key CPU, Space (mark), \(label)", (0..<50).map { _ in key(.character(" ")) })
    _ = key(.character("/"))
    var filterKeys: [Double] = []
    var chunks: [Double] = []
    var complete: [Double] = []
    for character in "1105" {
      let start = BenchClock.wall()
      filterKeys.append(key(.character(character)))
      while true {
        let chunk = BenchClock.cpu()
        guard app.idle() else { break }
        frame = app.render().buffer
        chunks.append(BenchClock.cpu() - chunk)
      }
      complete.append(BenchClock.wall() - start)
    }
    BenchReport.line("key CPU, filter character, \(label)", filterKeys)
    BenchReport.line("background filter step CPU (between keys), \(label)", chunks)
    BenchReport.line("filter complete (wall, input never waits), \(label)", complete)
  }

  /// The number in "Allocated (N)" on the pick list's frame.
  static func allocatedCount(_ text: String) -> Int {
    guard let range = text.range(of: "Allocated (") else { return 0 }
    return Int(text[range.upperBound...].prefix { $0.isNumber }) ?? 0
  }

  private func benchCommits(_ store: FileStore) throws(StoreError) {
    for size in [1, 100, 10_000] {
      var deallocate: [Double] = []
      for _ in 0..<rounds {
        deallocate.append(try BenchDatabase.commitRound(store, serials: size))
      }
      BenchReport.line(
        "commit deallocation of \(size) serials (fsync), \(store.state.tokens.count) tokens",
        deallocate)
    }
  }
}

/// Clocks and memory readings for the benchmark, in milliseconds and KiB.
enum BenchClock {
  static func wall() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) * 1_000 + Double(time.tv_nsec) / 1_000_000
  }

  /// CPU time of this thread.
  static func cpu() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) * 1_000 + Double(time.tv_nsec) / 1_000_000
  }

  static func currentRSSKiB() -> Int { status("VmRSS:") }
  static func peakRSSMiB() -> Int { status("VmHWM:") / 1_024 }

  private static func status(_ field: String) -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
      return 0
    }
    for line in text.split(separator: "\n") where line.hasPrefix(field) {
      return line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
    }
    return 0
  }
}

/// Prints one figure: median, min and max, and how many samples.
enum BenchReport {
  /// A figure with as many decimals as a small one needs.
  static func number(_ value: Double) -> String {
    String(format: value < 10 ? "%.2f" : value < 100 ? "%.1f" : "%.0f", value)
  }

  /// `text` padded to a column of `width`, with at least one space after it.
  static func pad(_ text: String, _ width: Int) -> String {
    text.padding(toLength: max(width, text.count + 1), withPad: " ", startingAt: 0)
  }

  static func line(_ name: String, _ values: [Double]) {
    let sorted = values.sorted()
    guard let low = sorted.first, let high = sorted.last else { return }
    let median = sorted[sorted.count / 2]
    print(
      String(
        format: "%@: median %.3f ms (min %.3f, max %.3f, n=%d)", name, median, low, high,
        sorted.count))
  }
}
