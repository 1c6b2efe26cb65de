import Foundation
import StockroomDomain
import StockroomStore

/// The local snapshot of a database store (docs/DESIGN.md section 6): the state at a sequence
/// in the file store's snapshot format, kept in this machine's data directory under the
/// store's id, so opening reads it in place and fetches only the records after it. It is
/// trusted only when the database's record at its sequence has the checksum it was written
/// at; otherwise it is replaced after a replay from the database, with a warning. A newer one
/// is written off the commit path (`stockroom _snapshot`) once the ledger has grown
/// `snapshotInterval` records past it.
extension PostgresStore {
  /// What opening made of the local snapshot.
  struct CacheOutcome {
    /// The state was built from it and the records after it.
    var loaded = false
    /// Why it was not used, for a warning (nil: there was none, or it was not asked for).
    var problem: String?
    /// Write a new one once the ledger is replayed.
    var write = false
  }

  /// The name of a store's local snapshot; nil when its id is not one this would name a file
  /// after (lower-case hex digits and dashes, as `store init` makes it).
  static func cacheName(storeId: String) -> String? {
    let allowed = Set("0123456789abcdef-")
    guard (1...64).contains(storeId.count), storeId.allSatisfy(allowed.contains) else {
      return nil
    }
    return "store-\(storeId).snapshot"
  }

  /// Where this store's local snapshot goes, the data directory made when missing.
  func locateCache() throws(StoreError) -> SnapshotFile {
    guard let name = Self.cacheName(storeId: storeId) else {
      throw .unavailable("\(url.place): the store's id cannot name a local snapshot")
    }
    let directory = try DataDirectory.prepare(
      options.dataDirectory.path, create: true, environment: options.environment)
    return SnapshotFile(directory: directory, name: name)
  }

  /// The local snapshot opening expects to use, before the store's id is known: the data
  /// directory's only one (a machine usually works on one store), and the sequence its header
  /// names. `loadCache` uses it only if the database's id names it.
  struct EarlyCache {
    var file: SnapshotFile
    var sequence: UInt64
    var contents: Result<(anchor: SnapshotAnchor, state: InventoryState)?, StoreError>?
  }

  /// The data directory's only local snapshot and its header's sequence; nil when there is
  /// none, or more than one.
  func likelyCache() -> EarlyCache? {
    let path = options.dataDirectory.path
    guard options.useCache, let names = try? FileManager.default.contentsOfDirectory(atPath: path)
    else { return nil }
    let snapshots = names.filter { $0.hasPrefix("store-") && $0.hasSuffix(".snapshot") }
    guard snapshots.count == 1, let name = snapshots.first,
      let directory = try? DataDirectory.prepare(
        path, create: false, environment: options.environment)
    else { return nil }
    let file = SnapshotFile(directory: directory, name: name)
    guard let sequence = file.sequence else { return nil }
    return EarlyCache(file: file, sequence: sequence)
  }

  /// Reads the whole of that snapshot (while the opening query runs).
  func read(_ early: EarlyCache) -> EarlyCache {
    var read = early
    do throws(StoreError) {
      read.contents = .success(try early.file.read(rebuild: Self.tokenRebuilder(url, options)))
    } catch {
      read.contents = .failure(error)
    }
    return read
  }

  /// Builds the state from the local snapshot and the tail when it matches the database.
  func loadCache(early: EarlyCache? = nil) throws(LedgerError) -> CacheOutcome {
    guard options.useCache else { return CacheOutcome() }
    let cached: (anchor: SnapshotAnchor, state: InventoryState)?
    do throws(StoreError) {
      if cache == nil { cache = try locateCache() }
      guard let file = cache else { return CacheOutcome() }
      if let early, early.file.name == file.name, let contents = early.contents {
        cached = try contents.get()
      } else {
        cached = try file.read(rebuild: Self.tokenRebuilder(url, options))
      }
    } catch {
      return CacheOutcome(problem: error.message, write: cache != nil)
    }
    guard let cached, cached.anchor.sequence > 0, let path = cache?.path else {
      return CacheOutcome(write: true)
    }
    let sequence = cached.anchor.sequence
    // The snapshot's own record by its checksum only (the record may be megabytes, and the
    // next record names this checksum as its previous one), then the first page of the tail:
    // brought by the opening query when it expected this snapshot, else asked for now.
    let rows: [LedgerColumns]
    if let prefetched, prefetched.after == sequence {
      rows = prefetched.rows
    } else {
      rows = try run(
        """
        SELECT seq, prev, crc, CASE WHEN seq = \(Int64(sequence)) THEN '' ELSE record END
        FROM stockroom.ledger WHERE seq >= \(Int64(sequence)) ORDER BY seq
        LIMIT \(Self.page + 1)
        """
      ).map { (row) throws(LedgerError) in try Self.columns(row) }
    }
    prefetched = nil
    let anchor = rows.first
    guard let anchor, anchor.seq == Int64(sequence) else {
      return CacheOutcome(
        problem: "\(path) covers sequence \(sequence), past the database's last record",
        write: true)
    }
    let crc = anchor.crc
    guard crc == Int64(cached.anchor.crc) else {
      return CacheOutcome(
        problem: "\(path) does not match the database at sequence \(sequence) (checksum "
          + "\(CRC32C.hex(cached.anchor.crc)), the database's record has "
          + "\(CRC32C.hex(UInt32(truncatingIfNeeded: crc))))",
        write: true)
    }
    state = cached.state
    lastSequence = sequence
    lastCRC = cached.anchor.crc
    cacheSequence = sequence
    var applied: [Transaction] = []
    try apply(Array(rows.dropFirst()), remember: false, into: &applied)
    if rows.count > Self.page { _ = try readTail(remember: false) }
    return CacheOutcome(loaded: true)
  }

  /// After a replay at opening: a missing or mismatched local snapshot is written now (a
  /// cache: a full disk or a read-only folder must not stop reading).
  func writeCacheAfterReplay() {
    guard lastSequence > 0 else { return }
    do throws(LedgerError) { try writeSnapshot() } catch {
      warnings.append("a new local snapshot could not be written: \(error.message)")
    }
  }

  /// Writes the local snapshot of the state now, then reads the tokens from it: what changed
  /// in memory since the last one is let go. Not on a commit's path: see `snapshotIsDue`.
  public func writeSnapshot() throws(LedgerError) {
    guard let cache else {
      throw .unavailable("\(url.place): this store has no local snapshot here")
    }
    if stale { try load() }
    let anchor = SnapshotAnchor(sequence: lastSequence, crc: lastCRC)
    try cache.write(state, anchor: anchor)
    cacheSequence = lastSequence
    if let written = try? cache.read(rebuild: Self.tokenRebuilder(url, options)),
      written.anchor == anchor
    {
      state.tokens = written.state.tokens
    }
  }

  /// True when a new local snapshot should be written: the last one is `snapshotInterval`
  /// records behind, or a page of its tokens failed its check. Writing it is left to a
  /// background process, never a commit.
  public var snapshotIsDue: Bool {
    guard let cache else { return false }
    if state.snapshotTokensReplaced { return true }
    let onDisk = cache.sequence
    if onDisk == nil, cacheSequence == 0 { return lastSequence > 0 }
    let written = max(cacheSequence, onDisk ?? 0)
    return lastSequence >= written + options.snapshotInterval
  }

  /// True while another process writes this store's local snapshot.
  public var isWritingSnapshot: Bool { cache?.isBeingWritten ?? false }

  /// Writes the local snapshot when one is due (`snapshotIsDue`).
  public func writeSnapshotIfDue() throws(LedgerError) {
    if snapshotIsDue { try writeSnapshot() }
  }

  /// The tokens at a local snapshot's stamp, replayed from the database: what stands in for
  /// the snapshot's tokens once a page of them fails its check. Should the database no longer
  /// replay to the same place, no answer can be trusted and the process stops (exit 4).
  static func tokenRebuilder(_ url: PostgresURL, _ options: Options)
    -> @Sendable (SnapshotAnchor, Int) -> any TokenBase
  {
    return { anchor, count in
      var replay = options
      replay.useCache = false
      let store = PostgresStore(url: url, options: replay)
      defer { store.close() }
      do throws(LedgerError) {
        _ = try store.readTail(remember: false, through: anchor.sequence)
        guard store.lastSequence == anchor.sequence, store.lastCRC == anchor.crc,
          store.state.tokens.count == count
        else {
          throw .unavailable(
            "\(url.place): the local snapshot's tokens are damaged and the database does not "
              + "replay to its sequence \(anchor.sequence)")
        }
        return ArrayTokens(Array(store.state.tokens))
      } catch {
        FileHandle.standardError.write(Data(("stockroom: " + error.message + "\n").utf8))
        exit(4)
      }
    }
  }
}
