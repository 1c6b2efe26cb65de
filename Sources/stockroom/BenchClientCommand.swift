import ArgumentParser
import Foundation
import StockroomDomain
import StockroomStore

/// `stockroom _bench-client`: one client of `bench --store`'s commits per second. Opens the
/// store (`--store`, `STOCKROOM_STORE`, else the data directory), says so in the barrier
/// directory and waits there for the start time (`release`), then deallocates one serial of
/// its own share of ACC-0001's and allocates it back, again and again for `--seconds`, and
/// prints the commits it finished in that window and the commits that failed.
struct BenchClientCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "_bench-client", abstract: "Benchmark: one client of commits per second.",
    shouldDisplay: false)

  @OptionGroup var global: GlobalOptions
  @Option(help: "This client's number, from 0.") var client = 0
  @Option(help: "How many clients share ACC-0001's serials.") var clients = 1
  @Option(help: "Where the clients meet before they start.") var barrier: String
  @Option(help: "How long to commit.") var seconds = 5.0

  func run() throws {
    let store = StoreCommands.open(global)
    let state = store.state
    guard let account = state.accountIndex("ACC-0001") else {
      StoreCommands.unknown("account", "ACC-0001")
    }
    let free = state.tokenIndices(account: account).lazy.map { state.tokens[$0] }
      .filter { $0.state == .allocated && !$0.inUse }.prefix(clients * 1_000).map(\.serial)
    let mine = Array(free).enumerated().filter { $0.offset % clients == client }.map(\.element)
    guard !mine.isEmpty else { StoreCommands.unknown("free serial of ACC-0001 for", "\(client)") }
    let who = ProcessIdentity.context(comment: "bench client \(client)")
    FileManager.default.createFile(atPath: barrier + "/ready-\(client)", contents: nil)
    var start: Double?
    while start == nil {
      start = (try? String(contentsOfFile: barrier + "/start", encoding: .utf8)).flatMap {
        Double($0)
      }
      if start == nil { usleep(1_000) }
    }
    let begin = start ?? 0
    while Date().timeIntervalSince1970 < begin { usleep(500) }
    let end = begin + seconds
    var commits = 0
    var failures = 0
    var next = 0
    while Date().timeIntervalSince1970 < end {
      let serial = [mine[next % mine.count]]
      next += 1
      for command: Command in [
        .deallocateHardware(
          account: "ACC-0001", serials: serial, disposition: .return, container: nil),
        .allocateHardware(account: "ACC-0001", serials: serial, type: .rental),
      ] {
        do {
          _ = try store.commit(command, context: who, key: ProcessIdentity.newKey())
          if Date().timeIntervalSince1970 <= end { commits += 1 }
        } catch {
          failures += 1
        }
      }
    }
    print("\(commits) \(failures)")
  }

  /// Waits until `clients` clients are ready in `barrier` (a minute at the most), then tells
  /// them all to start a moment later.
  static func release(_ barrier: URL, clients: Int) {
    let limit = Date().addingTimeInterval(60)
    while Date() < limit {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: barrier.path)) ?? []
      if names.filter({ $0.hasPrefix("ready-") }).count >= clients { break }
      usleep(2_000)
    }
    let start = String(Date().timeIntervalSince1970 + 0.05)
    let temporary = barrier.appendingPathComponent("start.tmp")
    try? Data(start.utf8).write(to: temporary)
    rename(temporary.path, barrier.appendingPathComponent("start").path)
  }
}
