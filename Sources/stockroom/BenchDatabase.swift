import Foundation
import StockroomDomain
import StockroomPostgres
import StockroomStore

/// `stockroom bench --store URL`: the database store beside the file store, in one run, on the
/// same demo data: a file store made by `demo --tokens N` (1,000,000 by default), copied into
/// the database (which must hold no store) as `store migrate` copies it. For each store, with
/// the ratio database/file: commit latency (median and p99) of a deallocation of 1, 100 and
/// 10,000 serials; commits per second with 1, 4 and 16 clients, each a process of its own with
/// its own connection or file descriptors; and opening from a warm cache (the file store's
/// snapshot, the database store's local snapshot), in this process and as a whole command.
struct BenchDatabase {
  let url: PostgresURL
  let tokens: Int
  /// Opens per figure.
  let rounds: Int
  /// Commits per latency figure (a fifth of them for 10,000 serials).
  let commitRounds: Int
  let clientSeconds: Double
  let clientRuns: Int

  /// One figure for both stores: samples, or one value each (p99).
  private struct Row {
    var name: String
    var file: [Double]
    var database: [Double]
    var unit = "ms"
  }

  func run() throws(LedgerError) {
    if let held = try StoreSetup.transactions(in: url) {
      throw .unavailable(
        "\(url.place) already holds a store (\(held) transactions); bench --store fills a "
          + "database that holds none")
    }
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("stockroom-bench-store-\(getpid())")
    defer { try? FileManager.default.removeItem(at: root) }
    let fileDirectory = root.appendingPathComponent("file")
    let cacheDirectory = root.appendingPathComponent("database")
    print("stockroom bench --store: \(url.place), demo --tokens \(tokens)")
    var begin = BenchClock.wall()
    let demo = try FileStore.createDemo(at: fileDirectory, tokens: tokens)
    print(
      String(
        format: "  demo: %d transactions in %.1f s", Int(demo.lastSequence),
        (BenchClock.wall() - begin) / 1_000))
    begin = BenchClock.wall()
    let options = PostgresStore.Options(dataDirectory: cacheDirectory)
    let copy = try PostgresStore.importing(
      into: url, userMap: try demo.userMap(), options: options, records: demo.exportRecords)
    copy.close()
    print(
      String(
        format: "  copied into the database as store migrate does: %.1f s",
        (BenchClock.wall() - begin) / 1_000))
    var rows: [Row] = []
    rows.append(processOpens(fileDirectory, cacheDirectory))
    rows.append(try opens(fileDirectory, options))
    rows += try latencies(fileDirectory, options)
    for clients in [1, 4, 16] {
      rows.append(perSecond(clients, fileDirectory, cacheDirectory, root))
    }
    report(rows)
  }

  /// `stockroom allocation --account ACC-0002` as a whole process, from a warm cache.
  private func processOpens(_ fileDirectory: URL, _ cacheDirectory: URL) -> Row {
    let command = ["allocation", "--account", "ACC-0002", "--data-dir"]
    var row = Row(name: "open to ACC-0002's allocation table (process)", file: [], database: [])
    var failed = 0
    for _ in 0..<rounds {
      let file = BenchChild.run(command + [fileDirectory.path], store: "")
      let database = BenchChild.run(command + [cacheDirectory.path], store: url.secretText)
      row.file.append(file.milliseconds)
      row.database.append(database.milliseconds)
      failed += (file.status != 0 ? 1 : 0) + (database.status != 0 ? 1 : 0)
    }
    if failed > 0 { print("warning: \(failed) allocation runs did not exit 0") }
    return row
  }

  /// Opening the store in this process, from a warm cache (after one open not counted).
  private func opens(_ fileDirectory: URL, _ options: PostgresStore.Options) throws(LedgerError)
    -> Row
  {
    var row = Row(name: "open from a warm cache (in process)", file: [], database: [])
    _ = try FileStore.open(at: fileDirectory)
    try PostgresStore.open(url, options: options).close()
    for _ in 0..<rounds {
      var start = BenchClock.wall()
      let file = try FileStore.open(at: fileDirectory)
      row.file.append(BenchClock.wall() - start)
      start = BenchClock.wall()
      let database = try PostgresStore.open(url, options: options)
      row.database.append(BenchClock.wall() - start)
      database.close()
      if file.state.tokens.count != database.state.tokens.count {
        throw .unavailable("the two stores hold different tokens")
      }
    }
    return row
  }

  /// A deallocation of 1, 100 and 10,000 of ACC-0001's serials, each put back after.
  private func latencies(_ fileDirectory: URL, _ options: PostgresStore.Options)
    throws(LedgerError) -> [Row]
  {
    let file = try FileStore.open(at: fileDirectory)
    let database = try PostgresStore.open(url, options: options)
    defer { database.close() }
    var rows: [Row] = []
    for size in [1, 100, 10_000] {
      let count = size >= 10_000 ? max(5, commitRounds / 5) : commitRounds
      var row = Row(name: "commit of \(size) serials", file: [], database: [])
      for _ in 0..<count {
        row.file.append(try Self.commitRound(file, serials: size))
        row.database.append(try Self.commitRound(database, serials: size))
      }
      rows.append(row)
      rows.append(
        Row(
          name: "  p99 of \(count)", file: [Self.p99(row.file)], database: [Self.p99(row.database)])
      )
    }
    return rows
  }

  /// The milliseconds of one deallocation of `serials` serials (allocated back untimed).
  static func commitRound(_ store: any LedgerStore, serials: Int) throws(LedgerError)
    -> Double
  {
    let state = store.state
    let picked = Array(
      state.tokenIndices(account: 0).lazy.map { state.tokens[$0] }
        .filter { $0.state == .allocated && !$0.inUse }.prefix(serials).map(\.serial))
    let who = ProcessIdentity.context(comment: "bench")
    let start = BenchClock.wall()
    _ = try store.commit(
      .deallocateHardware(
        account: "ACC-0001", serials: picked, disposition: .return, container: nil),
      context: who, key: ProcessIdentity.newKey())
    let elapsed = BenchClock.wall() - start
    _ = try store.commit(
      .allocateHardware(account: "ACC-0001", serials: picked, type: .rental), context: who,
      key: ProcessIdentity.newKey())
    return elapsed
  }

  /// Commits per second of `clients` processes at once, each its own session.
  private func perSecond(
    _ clients: Int, _ fileDirectory: URL, _ cacheDirectory: URL, _ root: URL
  ) -> Row {
    var row = Row(
      name: "commits per second, " + TextRules.counted(clients, "client"), file: [],
      database: [], unit: "/s")
    for _ in 0..<clientRuns {
      row.file.append(clientsRun(clients, fileDirectory, store: "", root))
      row.database.append(clientsRun(clients, cacheDirectory, store: url.secretText, root))
    }
    return row
  }

  /// Starts the clients, lets them commit for `clientSeconds` once every one has opened the
  /// store, and adds up their commits.
  private func clientsRun(_ clients: Int, _ directory: URL, store: String, _ root: URL) -> Double {
    let barrier = root.appendingPathComponent("barrier")
    try? FileManager.default.removeItem(at: barrier)
    try? FileManager.default.createDirectory(at: barrier, withIntermediateDirectories: true)
    var running: [(BenchChild.Running?, String)] = []
    for client in 0..<clients {
      let output = root.appendingPathComponent("client-\(client).out").path
      let arguments = [
        "_bench-client", "--client", "\(client)", "--clients", "\(clients)", "--barrier",
        barrier.path, "--seconds", "\(clientSeconds)", "--data-dir", directory.path,
      ]
      running.append((BenchChild.start(arguments, output: output, store: store), output))
    }
    BenchClientCommand.release(barrier, clients: clients)
    var commits = 0
    var failures = 0
    for (child, output) in running {
      let done = BenchChild.finish(child)
      let words = ((try? String(contentsOfFile: output, encoding: .utf8)) ?? "")
        .split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
      if done.status != 0 || words.count != 2 {
        failures += 1
        continue
      }
      commits += words[0]
      failures += words[1]
    }
    if failures > 0 { print("warning: \(clients) clients: \(failures) failed commits or clients") }
    return Double(commits) / clientSeconds
  }

  /// The 99th percentile (nearest rank).
  private static func p99(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    let rank = Int((Double(sorted.count) * 0.99).rounded(.up))
    return sorted[max(0, min(sorted.count, rank) - 1)]
  }

  private func report(_ rows: [Row]) {
    print("")
    print("medians with min-max; ratio database/file of the medians")
    print(
      pad("figure", 50) + pad("file store", 28) + pad("database store", 28) + "database/file")
    for row in rows {
      let file = Self.summary(row.file, row.unit)
      let database = Self.summary(row.database, row.unit)
      var line = pad(row.name, 50) + pad(file.text, 28) + pad(database.text, 28)
      if file.median > 0 { line += String(format: "%.2fx", database.median / file.median) }
      print(line)
    }
  }

  private static func summary(_ values: [Double], _ unit: String) -> (text: String, median: Double)
  {
    let sorted = values.sorted()
    guard let low = sorted.first, let high = sorted.last else { return ("-", 0) }
    let median = sorted[sorted.count / 2]
    if sorted.count == 1 { return ("\(number(median)) \(unit)", median) }
    return ("\(number(median)) \(unit) (\(number(low))-\(number(high)))", median)
  }

  private static func number(_ value: Double) -> String { BenchReport.number(value) }

  private func pad(_ text: String, _ width: Int) -> String { BenchReport.pad(text, width) }
}
