import Foundation
import Glibc
import StockroomDomain

/// The embedded store: an append-only JSON-lines ledger (`ledger.jsonl`), a `lock` file for
/// `flock`, and a derived `snapshot.bin` and `index.bin`, all in one data directory.
public final class FileStore: InventoryLedger {
  public static let ledgerName = "ledger.jsonl"
  public static let lockName = "lock"

  /// How to open a store.
  public struct Options: Sendable {
    /// Never write: no lock taken, torn tails left alone, no snapshot written.
    public var readOnly = false
    /// Create the data directory and ledger when missing.
    public var create = true
    /// Load the snapshot (false: replay the whole ledger).
    public var useSnapshot = true
    /// Write a snapshot when it is missing, bad, or `snapshotInterval` records behind.
    public var writeSnapshot = true
    public var snapshotInterval: UInt64 = 1_000
    public var environment: [String: String] = ProcessInfo.processInfo.environment
    /// Told how far a long pass has got (done, in all), so it can show progress: a replay
    /// without a snapshot (bytes read), `verify` and `repair` (bytes, then the rest), and
    /// `createDemo` (transactions committed, then the snapshot and the index).
    public var progress: (@Sendable (_ read: Int, _ total: Int) -> Void)?
    /// Write `index.bin` with each snapshot and after a lookup rebuilt or extended it.
    public var writeIndex = true
    /// Told how far a rebuild of the index from the ledger has read (bytes read, in all).
    public var indexProgress: (@Sendable (_ read: Int, _ total: Int) -> Void)?
    /// How many tokens `verify` holds at once: a larger ledger is replayed in parts of about
    /// this many (see `VerifyReplay`).
    public var verifyPartTokens = VerifyReplay.partTokens

    public init() {}
  }

  public let directory: DataDirectory
  public internal(set) var state: InventoryState
  public internal(set) var warnings: [String] = []
  /// The outbox names of the messages this store's commits posted, oldest first: whoever
  /// committed delivers them (see `Outbox.deliver(first:)`).
  public internal(set) var posted: [String] = []
  public var lastSequence: UInt64 { position.sequence }
  let options: Options
  let ledger: POSIXFile
  let lockFile: POSIXFile?
  var position = LedgerScanner.Position.start
  var keys: [String: UInt64] = [:]
  var snapshotSequence: UInt64 = 0
  var holdsLock = false
  /// The records decoded by this process, indexed in memory (see `RecentRecords`).
  var recent = RecentRecords(start: 1)
  /// The index file, once a lookup has checked it (nil: none, or `recent` covers everything).
  var indexFile: IndexFile?
  /// True once the index file and `recent` together cover every record up to `position`.
  var indexReady = false
  /// How many records were decoded to extend or rebuild the index (for tests).
  var indexDecodes = 0
  /// For `verify`: takes each record applied instead of `recent`, so a full replay holds a
  /// digest of what the index should say rather than every record's subjects.
  var indexAudit: IndexAudit?
  /// For `verify` on a large ledger: takes each record's hardware serials instead of the
  /// state, which then holds everything but the tokens (see `VerifyReplay`).
  var tokenSpill: TokenSpill?
  /// True while `refresh` applies records: they are kept in `lastApplied` for conflict
  /// messages (a replay from byte 0 keeps none).
  var remembersApplied = false
  /// The clock for new transactions (STOCKROOM_NOW honoured).
  public var clock: () -> Date

  var ledgerPath: String { directory.file(Self.ledgerName) }

  init(directory: DataDirectory, options: Options) throws(StoreError) {
    self.directory = directory
    self.options = options
    let environment = options.environment
    clock = { ProcessIdentity.now(environment: environment) }
    state = InventoryState()
    let ledgerPath = directory.file(Self.ledgerName)
    if options.readOnly {
      lockFile = nil
      ledger = try POSIXFile.open(ledgerPath, flags: O_RDONLY)
    } else {
      let lock = try POSIXFile.open(directory.file(Self.lockName), flags: O_RDWR | O_CREAT)
      directory.adopt(lock)
      lockFile = lock
      let existed = POSIXFile.exists(ledgerPath)
      ledger = try POSIXFile.open(ledgerPath, flags: O_RDWR | O_APPEND | O_CREAT)
      if !existed {
        directory.adopt(ledger)
        _ = POSIXFile.syncDirectory(directory.path)
      }
    }
  }

  /// Opens (creating when missing) the store in a data directory.
  public static func open(at url: URL, options: Options = Options()) throws(StoreError)
    -> FileStore
  {
    let directory = try DataDirectory.prepare(
      url.path, create: options.create && !options.readOnly, environment: options.environment)
    let store = try FileStore(directory: directory, options: options)
    try store.load()
    return store
  }

  /// True when the data directory holds a ledger with at least one record.
  public static func hasData(at url: URL) -> Bool {
    var info = stat()
    return stat(url.appendingPathComponent(ledgerName).path, &info) == 0 && info.st_size > 0
  }

  func load() throws(StoreError) {
    var snapshot: SnapshotContents?
    var snapshotProblem: String?
    if options.useSnapshot {
      do throws(StoreError) {
        snapshot = try Snapshot.read(
          in: directory, rebuild: Self.tokenRebuilder(ledger: ledgerPath))
        if snapshot == nil, try ledger.size() > 0 {
          snapshotProblem = "\(directory.file(Snapshot.fileName)) is missing"
        }
      } catch {
        snapshotProblem = error.message
      }
    }
    if snapshot != nil {
      do throws(StoreError) {
        // Handed over, not copied: a second reference would make the first record applied
        // copy every token.
        try replay(from: snapshot.take())
      } catch {
        if case .unavailable(let text) = error, text.hasPrefix(Self.snapshotMismatch) {
          snapshotProblem = String(text.dropFirst(Self.snapshotMismatch.count))
          try replay(from: nil)
        } else {
          throw error
        }
      }
    } else {
      try replay(from: nil)
    }
    if let snapshotProblem {
      warnings.append(snapshotProblem + "; rebuilt from the ledger")
    }
    // Only a missing or bad snapshot is written here: one merely behind is written in the
    // background or by a later process (`snapshotIsDue`), never on a commit's path.
    if !options.readOnly && options.writeSnapshot && snapshotProblem != nil
      && position.sequence > 0
    {
      // A snapshot is a cache: a full disk or a read-only folder must not stop reading.
      do throws(StoreError) { try writeSnapshot() } catch {
        warnings.append("a new snapshot could not be written: \(error.message)")
      }
    }
  }

  static let snapshotMismatch = "snapshot-mismatch:"

  /// Replays the ledger onto the snapshot's state (or an empty one). With a snapshot whose
  /// last record is where its stamp says, only the records after it are read (the ledger
  /// before it was checked when the snapshot was written; `verify` reads it all); otherwise
  /// every record is checked from the start.
  private func replay(from snapshot: consuming SnapshotContents?) throws(StoreError) {
    let anchor = snapshot?.anchor
    keys = snapshot?.keys ?? [:]
    state = InventoryState()
    if let contents = consume snapshot { state = contents.state }
    position = .start
    recent = RecentRecords(start: (anchor?.sequence ?? 0) + 1)
    indexFile = nil
    indexReady = false
    snapshotSequence = anchor?.sequence ?? 0
    let scanner = LedgerScanner(file: ledger, name: ledgerPath)
    let progress = anchor == nil ? options.progress : nil
    let total = progress == nil ? 0 : ((try? ledger.size()) ?? 0)
    let start = try anchor.flatMap(stampedPosition) ?? .start
    position = start
    let (_, end) = try scanner.scan(from: start) { (frame, offset, line) throws(StoreError) in
      progress?(offset, total)
      if let anchor, frame.sequence <= anchor.sequence {
        if frame.sequence == anchor.sequence
          && (frame.crc != anchor.crc || offset + line.count + 1 != anchor.ledgerOffset)
        {
          throw .unavailable(
            Self.snapshotMismatch + "\(directory.file(Snapshot.fileName)) does not match the "
              + "ledger at sequence \(anchor.sequence)")
        }
      } else {
        try applyRecord(frame, offset, line)
      }
      position = .init(
        offset: offset + line.count + 1, sequence: frame.sequence, crc: frame.crc, last: offset)
    }
    progress?(total, total)
    if let anchor, position.sequence < anchor.sequence {
      throw .unavailable(
        "\(ledgerPath) at byte \(position.offset): the ledger ends at sequence "
          + "\(position.sequence), before sequence \(anchor.sequence) that the snapshot covers")
    }
    try handleTail(end, scanner: scanner)
  }

  /// Where the ledger stands after the snapshot's last record, when that record is whole
  /// where its stamp says (sequence and checksum); nil to read the ledger from the start.
  private func stampedPosition(_ anchor: SnapshotAnchor) throws(StoreError)
    -> LedgerScanner.Position?
  {
    guard anchor.sequence > 0 else { return nil }
    let location = RecordLocation(
      offset: anchor.lastOffset, length: anchor.ledgerOffset - anchor.lastOffset - 1,
      crc: anchor.crc)
    guard
      try LedgerRead.record(
        in: ledger, at: location, sequence: anchor.sequence, limit: try ledger.size()) != nil
    else { return nil }
    return .init(
      offset: anchor.ledgerOffset, sequence: anchor.sequence, crc: anchor.crc,
      last: anchor.lastOffset)
  }

  /// The tokens at a snapshot's stamp, replayed from the ledger: what stands in for the
  /// snapshot's tokens once a page of them fails its check. The ledger was read up to the
  /// stamp when the snapshot was written; should it no longer replay to the same place, no
  /// answer can be trusted and the process stops (exit 4) naming what is wrong.
  static func tokenRebuilder(ledger path: String)
    -> @Sendable (SnapshotAnchor, Int) -> any TokenBase
  {
    return { anchor, count in
      do throws(StoreError) {
        let ledger = try POSIXFile.open(path, flags: O_RDONLY)
        var state = InventoryState()
        let (end, _) = try LedgerScanner(file: ledger, name: path).scan(
          from: .start, to: anchor.ledgerOffset
        ) { (frame, offset, line) throws(StoreError) in
          for transaction in try Self.decode(line, frame, at: offset, in: path) {
            do throws(DomainError) { try state.apply(transaction) } catch {
              throw .unavailable("\(path) at byte \(offset): \(error.message)")
            }
          }
        }
        guard end.sequence == anchor.sequence, end.crc == anchor.crc, state.tokens.count == count
        else {
          throw .unavailable(
            "\(path): the snapshot's tokens are damaged and the ledger does not replay to its "
              + "sequence \(anchor.sequence); run stockroom repair --yes")
        }
        return ArrayTokens(Array(state.tokens))
      } catch {
        FileHandle.standardError.write(Data(("stockroom: " + error.message + "\n").utf8))
        exit(4)
      }
    }
  }

  /// Decodes and applies one valid record (every member of a group); throws naming the offset
  /// when it cannot.
  func applyRecord(_ frame: LedgerRecord.Frame, _ offset: Int, _ line: UnsafeRawBufferPointer)
    throws(StoreError)
  {
    let location = RecordLocation(offset: offset, length: line.count, crc: frame.crc)
    var sequence = frame.first
    for transaction in try Self.decode(line, frame, at: offset, in: ledgerPath) {
      do throws(DomainError) {
        if let tokenSpill {
          tokenSpill.begin(offset: offset, sequence: sequence)
          try state.apply(transaction, handingTokensTo: tokenSpill.add(item:step:serials:))
        } else {
          try state.apply(transaction)
        }
      } catch {
        throw Self.cannotApply(transaction.transactionId, at: offset, in: ledgerPath, error)
      }
      keys[transaction.key] = sequence
      if remembersApplied { lastApplied.append(transaction) }
      if let indexAudit {
        indexAudit.add(transaction, sequence: sequence, at: location)
      } else {
        recent.add(transaction, sequence: sequence, at: location)
      }
      sequence += 1
    }
  }

  /// Why a record that decodes cannot be applied to the state before it (a damaged ledger).
  static func cannotApply(_ id: String, at offset: Int, in path: String, _ error: DomainError)
    -> StoreError
  {
    .unavailable("\(path) at byte \(offset): \(id) cannot be applied: " + error.message)
  }

  /// Transactions applied by the latest refresh (for conflict messages).
  var lastApplied: [Transaction] = []

  /// The transactions of a valid record: one, or a group's members in sequence order.
  static func decode(
    _ line: UnsafeRawBufferPointer, _ frame: LedgerRecord.Frame, at offset: Int, in path: String
  ) throws(StoreError) -> [Transaction] {
    do throws(LedgerRecord.RecordDecodeError) {
      return try LedgerRecord.decode(Data(line), frame: frame)
    } catch {
      throw .unavailable("\(path) at byte \(offset): \(error.message)")
    }
  }

  /// A torn tail: cut it under the exclusive lock after checking again, keeping a copy.
  private func handleTail(_ end: LedgerScanner.End, scanner: LedgerScanner) throws(StoreError) {
    guard case .tornTail(let offset, let length) = end else { return }
    if options.readOnly {
      warnings.append(
        "\(ledgerPath): ignoring \(length) incomplete bytes at byte \(offset) (read-only)")
      return
    }
    if holdsLock {
      try cutTornTail(offset: offset, length: length)
      return
    }
    try withLock { () throws(StoreError) in
      let (_, again) = try scanner.scan(from: position) {
        (frame, offset, line) throws(StoreError) in
        try applyRecord(frame, offset, line)
        position = .init(
          offset: offset + line.count + 1, sequence: frame.sequence, crc: frame.crc, last: offset)
      }
      if case .tornTail(let offset, let length) = again {
        try cutTornTail(offset: offset, length: length)
      }
    }
  }

  private func cutTornTail(offset: Int, length: Int) throws(StoreError) {
    let bytes = try ledger.read(at: offset, count: length)
    let copyPath = ledgerPath + ".torn-\(offset)"
    let copy = try POSIXFile.open(copyPath, flags: O_WRONLY | O_CREAT | O_TRUNC)
    directory.adopt(copy)
    var failure: StoreError?
    bytes.withUnsafeBytes { raw in
      do throws(StoreError) { try copy.writeAll(raw) } catch { failure = error }
    }
    if let failure { throw failure }
    if let reason = copy.sync() { throw .unavailable("\(copyPath): fsync failed: \(reason)") }
    _ = POSIXFile.syncDirectory(directory.path)
    if let reason = ledger.truncate(to: offset) {
      throw .unavailable("\(ledgerPath): cannot cut the torn tail at byte \(offset): \(reason)")
    }
    if let reason = ledger.sync() { throw .unavailable("\(ledgerPath): fsync failed: \(reason)") }
    warnings.append(
      "\(ledgerPath): cut an incomplete record at byte \(offset) (\(length) bytes, never "
        + "acknowledged; kept in \(copyPath))")
  }

  /// Runs `body` holding the exclusive lock.
  func withLock<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
    guard let lockFile else { throw .unavailable("\(directory.path): opened read-only") }
    if holdsLock { return try body() }
    try lockFile.lockExclusive()
    holdsLock = true
    defer {
      holdsLock = false
      lockFile.unlock()
    }
    return try body()
  }

  @discardableResult
  public func refresh() throws(StoreError) -> Bool {
    let size = try ledger.size()
    if size == position.offset { return false }
    let before = position.sequence
    lastApplied = []
    remembersApplied = true
    defer { remembersApplied = false }
    let scanner = LedgerScanner(file: ledger, name: ledgerPath)
    let (_, end) = try scanner.scan(from: position) { (frame, offset, line) throws(StoreError) in
      try applyRecord(frame, offset, line)
      position = .init(
        offset: offset + line.count + 1, sequence: frame.sequence, crc: frame.crc, last: offset)
    }
    if holdsLock {
      try handleTail(end, scanner: scanner)
    }
    return position.sequence != before
  }

  /// What a snapshot of the state now covers.
  var snapshotAnchor: SnapshotAnchor {
    SnapshotAnchor(
      sequence: position.sequence, crc: position.crc, ledgerOffset: position.offset,
      lastOffset: position.last)
  }

  /// Writes a snapshot of the current state, then reads the tokens from it: what changed in
  /// memory since the last one is let go. Not on a commit's path: see `snapshotIsDue`.
  public func writeSnapshot() throws(StoreError) {
    let anchor = snapshotAnchor
    try Snapshot.write(SnapshotContents(anchor: anchor, state: state, keys: keys), in: directory)
    snapshotSequence = position.sequence
    if let written = try? Snapshot.read(
      in: directory, rebuild: Self.tokenRebuilder(ledger: ledgerPath)),
      written.anchor == anchor
    {
      state.tokens = written.state.tokens
    }
    if options.writeIndex { try writeIndex(in: directory) }
  }

  /// True when a new snapshot should be written: the one on disk is `snapshotInterval`
  /// records behind, or a page of its tokens failed its check. Writing it is left to a
  /// background process (`stockroom _snapshot`) or the next writer, never a commit.
  public var snapshotIsDue: Bool {
    if state.snapshotTokensReplaced { return true }
    let written = max(snapshotSequence, Snapshot.sequence(in: directory) ?? 0)
    return position.sequence >= written + options.snapshotInterval
  }

  /// True while another process writes a snapshot here (its temporary file is there).
  public var isWritingSnapshot: Bool {
    Leftovers.alive(in: directory.path, prefix: Snapshot.fileName + ".tmp-")
  }

  /// Writes a snapshot when one is due (`snapshotIsDue`).
  public func writeSnapshotIfDue() throws(StoreError) {
    if snapshotIsDue { try writeSnapshot() }
  }

  /// Every committed transaction in order, decoded from byte 0; `body` returns false to stop.
  /// For `verify`-like reports that read everything; a screen uses the lookups.
  public func forEachTransaction(_ body: (Transaction) -> Bool) throws(StoreError) {
    let scanner = LedgerScanner(file: ledger, name: ledgerPath)
    var stopped = false
    _ = try scanner.scan(from: .start) { (frame, offset, line) throws(StoreError) in
      guard !stopped, frame.sequence <= position.sequence else { return }
      for transaction in try Self.decode(line, frame, at: offset, in: ledgerPath) where !stopped {
        if !body(transaction) { stopped = true }
      }
    }
  }

  public func userMap() throws(StoreError) -> UserMap { UserMap.load(directory: directory.path) }
}
