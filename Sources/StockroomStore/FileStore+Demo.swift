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
      var plan = DemoPlan(
        seed: seed, tokens: tokens, now: now, environment: options.environment)
      // Progress: the commits are four fifths, the snapshot and the index the rest.
      let total = plan.count + plan.count / 4
      while let batch = plan.nextBatch(serials: serialsPerWrite) {
        _ = try store.commitAll(batch)
        options.progress?(plan.committed, total)
      }
      try plan.userMap.write(in: directory)
      try store.writeSnapshot()
      options.progress?(total, total)
    }
    return store
  }

  /// Serials a demo commits in one write at most: a large demo is written in parts so the
  /// lines and transactions of one write stay bounded; the usual demo is a single write.
  public static let demoSerialsPerWrite = 1_000_000
}
