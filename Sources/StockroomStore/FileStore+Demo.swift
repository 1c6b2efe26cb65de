import Foundation
import Glibc
import StockroomDomain

extension FileStore {
  /// Creates the demo data set in a data directory (refused when it already holds a ledger,
  /// unless `force`), writes a snapshot and an index, and returns the open store. The TUI's first-run offer
  /// and `stockroom demo` both call this.
  public static func createDemo(
    at url: URL, seed: UInt64 = 1, tokens: Int = 2_000, now: Date? = nil, force: Bool = false,
    options: Options = Options(), serialsPerWrite: Int = demoSerialsPerWrite
  ) throws(StoreError) -> FileStore {
    if hasData(at: url) && !force { throw .notEmpty(url.path) }
    var fresh = options
    fresh.useSnapshot = false
    fresh.writeSnapshot = false
    let directory = try DataDirectory.prepare(
      url.path, create: true, environment: options.environment)
    let store = try FileStore(directory: directory, options: fresh)
    try store.withLock { () throws(StoreError) in
      if let reason = store.ledger.truncate(to: 0) {
        throw .unavailable("\(store.ledgerPath): cannot empty: \(reason)")
      }
      _ = store.ledger.sync()
      unlink(directory.file(Snapshot.fileName))
      unlink(directory.file(IndexFile.fileName))
      store.state = InventoryState()
      store.keys = [:]
      store.position = .start
      store.recent = RecentRecords(start: 1)
      // Room for every token at once: growing a table of millions by doubling moves each
      // token (and rehashes each serial) again and again.
      store.state.tokens.reserveCapacity(max(0, tokens))
      var demo = DemoData(
        seed: seed, tokens: max(0, tokens),
        now: now ?? ProcessIdentity.now(environment: options.environment),
        context: ProcessIdentity.context(environment: options.environment))
      // The requests are let go of as they are committed (they name every serial).
      var requests = demo.build()
      demo.requests = []
      requests.reverse()
      let count = requests.count
      // Progress: the commits are four fifths, the snapshot and the index the rest.
      let total = count + count / 4
      while !requests.isEmpty {
        let batch = nextBatch(&requests, serials: serialsPerWrite)
        _ = try store.commitAll(batch)
        options.progress?(count - requests.count, total)
      }
      try UserMap.demo(context: demo.context, employee: DemoData.supportDesk).write(
        directory: directory.path)
      try store.writeSnapshot()
      options.progress?(total, total)
    }
    return store
  }

  /// Serials a demo commits in one write at most: a large demo is written in parts so the
  /// lines and transactions of one write stay bounded; the usual demo is a single write.
  public static let demoSerialsPerWrite = 1_000_000

  /// Takes the next batch off the end of `reversed` (requests in reverse order): at least
  /// one request, and no more than `limit` serials once it holds more than one.
  private static func nextBatch(_ reversed: inout [CommitRequest], serials limit: Int)
    -> [CommitRequest]
  {
    var batch: [CommitRequest] = []
    var serials = 0
    while let next = reversed.last {
      serials += serialCount(next.command)
      if !batch.isEmpty && serials > limit { break }
      batch.append(next)
      reversed.removeLast()
    }
    return batch
  }

  private static func serialCount(_ command: Command) -> Int {
    switch command {
    case .receiveHardware(_, let serials, _, _, _): return serials.count
    case .allocateHardware(_, let serials, _, _): return serials.count
    case .assignHardware(_, let serials, _): return serials.count
    case .deallocateHardware(_, let serials, _, _): return serials.count
    case .reinitialize(let serials): return serials.count
    default: return 0
    }
  }
}
