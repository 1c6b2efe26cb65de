import Foundation
import Glibc
import StockroomDomain

extension FileStore {
  /// Creates the demo data set in a data directory (refused when it already holds a ledger,
  /// unless `force`), writes a snapshot and an index, and returns the open store. The TUI's first-run offer
  /// and `stockroom demo` both call this.
  public static func createDemo(
    at url: URL, seed: UInt64 = 1, tokens: Int = 2_000, now: Date? = nil, force: Bool = false,
    options: Options = Options()
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
      var demo = DemoData(
        seed: seed, tokens: max(0, tokens),
        now: now ?? ProcessIdentity.now(environment: options.environment),
        context: ProcessIdentity.context(environment: options.environment))
      _ = try store.commitAll(demo.build())
      try UserMap.demo(context: demo.context, employee: DemoData.supportDesk).write(
        directory: directory.path)
      try store.writeSnapshot()
    }
    return store
  }
}
