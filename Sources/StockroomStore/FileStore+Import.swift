import Foundation
import StockroomDomain

/// A file store's ledger copied in from another store's records, or out to another store.
extension FileStore {
  /// Makes a new file store from ledger records written elsewhere (a database store's, which
  /// are the file ledger's lines): `records` hands each record's line (without its newline) to
  /// the closure it is given, in order. The records are written as they come, synced, then
  /// replayed with every checksum and the chain checked, and a snapshot and an index written.
  /// Refused when the directory already holds a ledger.
  public static func importing(
    at url: URL, userMap: UserMap, options: Options = Options(),
    records: (_ add: ([UInt8]) throws(StoreError) -> Void) throws(StoreError) -> Void
  ) throws(StoreError) -> FileStore {
    if hasData(at: url) { throw .notEmpty(url.path) }
    let directory = try DataDirectory.prepare(
      url.path, create: true, environment: options.environment)
    let path = directory.file(ledgerName)
    let ledger = try POSIXFile.open(path, flags: O_WRONLY | O_CREAT | O_TRUNC)
    directory.adopt(ledger)
    var pending: [UInt8] = []
    func flush() throws(StoreError) {
      var failure: StoreError?
      pending.withUnsafeBytes { raw in
        do throws(StoreError) { try ledger.writeAll(raw) } catch { failure = error }
      }
      if let failure { throw failure }
      pending.removeAll(keepingCapacity: true)
    }
    try records { (line) throws(StoreError) in
      pending += line
      pending.append(LedgerRecord.newline)
      if pending.count >= LedgerScanner.chunkSize { try flush() }
    }
    try flush()
    if let reason = ledger.sync() { throw .commitFailed("\(path): fsync failed: \(reason)") }
    try userMap.write(in: directory)
    var replay = options
    replay.useSnapshot = false
    replay.writeSnapshot = false
    let store = try FileStore.open(at: url, options: replay)
    try store.writeSnapshot()
    _ = POSIXFile.syncDirectory(directory.path)
    return store
  }

  /// Every record's line from byte 0 to the last one, under the lock (`LedgerStore`).
  public func exportRecords(_ add: ([UInt8]) throws(StoreError) -> Void) throws(StoreError) {
    try withLock { () throws(StoreError) in
      try refresh()
      let scanner = LedgerScanner(file: ledger, name: ledgerPath)
      _ = try scanner.scan(from: .start, to: position.offset) {
        (_, _, line) throws(StoreError) in
        try add(Array(line))
      }
    }
  }
}
