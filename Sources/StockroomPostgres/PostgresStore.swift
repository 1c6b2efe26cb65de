import Foundation
import Glibc
import PostgresNIO
import StockroomDomain
import StockroomStore

/// The database store: the same ledger as the file store's, kept in PostgreSQL (schema
/// `stockroom`, made by `store init`), so several hosts share one stock. Each row holds the
/// record exactly as the file ledger's line, chained by the same checksums; the database
/// keeps tables mirroring the state under constraints, so no client gets a serial into two
/// places. The interface is synchronous: postgres-nio runs on its own event loop and each call
/// waits for it (`DatabaseSession`).
public final class PostgresStore: LedgerStore, ConnectedLedger {
  /// How to open a database store.
  public struct Options: Sendable {
    public var environment: [String: String] = ProcessInfo.processInfo.environment
    /// This machine's data directory: the outbox (and drafts, receipts, exports) stay there.
    public var dataDirectory: URL
    /// Told how far a long pass has got (records read, in all).
    public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?
    /// Open from the local snapshot in the data directory, and write it when missing or bad
    /// (false: replay the whole ledger from the database, as `verify` does).
    public var useCache = true
    /// A new local snapshot is due once the ledger is this many records past the last one.
    public var snapshotInterval: UInt64 = 1_000

    public init(dataDirectory: URL) { self.dataDirectory = dataDirectory }
  }

  public let url: PostgresURL
  public internal(set) var state = InventoryState()
  public internal(set) var lastSequence: UInt64 = 0
  /// The checksum of the record at `lastSequence` (0 before the first).
  var lastCRC: UInt32 = 0
  public internal(set) var warnings: [String] = []
  public internal(set) var posted: [String] = []
  /// The clock for new transactions (STOCKROOM_NOW honoured).
  public var clock: () -> Date
  let options: Options
  let session: DatabaseSession
  /// The host each transaction records it came from.
  let host: String
  /// The store's id (`stockroom.meta`), which names its local snapshot.
  public internal(set) var storeId = ""
  /// The local snapshot in the data directory (`PostgresStore+Cache`), once opening found
  /// where it goes.
  public internal(set) var cache: SnapshotFile?
  /// The sequence of the local snapshot this process last read or wrote (0: none).
  var cacheSequence: UInt64 = 0
  /// How many records were read from the database and applied to the state (for tests).
  var recordsApplied = 0
  /// True when the state in memory may hold what a commit applied but the database did not
  /// take (its connection was lost): the next call replays before answering.
  var stale = false
  /// The LISTEN connection of a session with screens open (`listen()`); nil otherwise.
  var listener: StoreListener?
  /// The listener's generation this session last read the ledger under: a new one means it
  /// was connected again and notifications may have been missed meanwhile.
  var readGeneration = 0

  /// What the opening query read of the ledger from a local snapshot's sequence: that
  /// record (its checksum) and the page after it; taken by `loadCache`.
  var prefetched: (after: UInt64, rows: [LedgerColumns])?

  /// Records read a page at a time (a record of a large receipt names thousands of serials).
  static let page: Int64 = 200

  init(url: PostgresURL, options: Options) {
    self.url = url
    self.options = options
    let environment = options.environment
    clock = { ProcessIdentity.now(environment: environment) }
    session = DatabaseSession(url: url, environment: environment)
    host = Self.hostName()
  }

  /// Opens the store of a database that `store init` prepared, reading its ledger.
  public static func open(_ url: PostgresURL, options: Options) throws(LedgerError)
    -> PostgresStore
  {
    let store = PostgresStore(url: url, options: options)
    // The connection is made, and asked for the store's format and the ledger after the
    // local snapshot it expects to use, while this thread reads that snapshot.
    let likely = store.likelyCache()
    store.session.beginConnecting(thenRun: openingQuery(after: likely?.sequence))
    let early = likely.map { store.read($0) }
    try store.checkFormat(expecting: likely?.sequence)
    try store.load(early: early)
    return store
  }

  public var outbox: Outbox {
    Outbox(directory: options.dataDirectory.path, environment: options.environment)
  }

  /// Builds the state at opening, the one place it is built from nothing: from the local
  /// snapshot and the records after it when the snapshot matches the database's chain
  /// (`loadCache`), else by a replay of every record from the database, after which a missing
  /// or mismatched local snapshot is written.
  func load(early: EarlyCache? = nil) throws(LedgerError) {
    let cached = try loadCache(early: early)
    if cached.loaded {
      stale = false
      return
    }
    state = InventoryState()
    lastSequence = 0
    lastCRC = 0
    let total = options.progress == nil ? 0 : try count()
    let progress = options.progress
    _ = try readTail(remember: false) { progress?(Int($0), total) }
    progress?(total, total)
    stale = false
    if let problem = cached.problem { warnings.append(problem + "; rebuilt from the database") }
    if cached.write { writeCacheAfterReplay() }
  }

  /// The first statement of a session: the store's format and id; and, when opening expects
  /// a local snapshot at `sequence`, that record's checksum (not the record: it may be
  /// megabytes) and the first page of records after it. One round trip.
  static func openingQuery(after sequence: UInt64?) -> PostgresQuery {
    let from = sequence.map { Int64($0) } ?? Int64.max
    return PostgresQuery(
      unsafeSQL: """
        SELECT m.format, m.store_id, l.seq, l.prev, l.crc, l.record
        FROM (SELECT (SELECT value FROM stockroom.meta WHERE name = 'format') AS format,
          coalesce((SELECT value FROM stockroom.meta WHERE name = 'store_id'), '') AS store_id
        ) AS m
        LEFT JOIN LATERAL (
          SELECT seq, prev, crc, CASE WHEN seq = \(from) THEN '' ELSE record END AS record
          FROM stockroom.ledger WHERE seq >= \(from) ORDER BY seq LIMIT \(page + 1)
        ) AS l ON true
        ORDER BY l.seq
        """)
  }

  /// Refuses a database without a store, or with a newer format than this build knows; reads
  /// the store's id, and keeps the ledger rows the opening query brought (`prefetched`).
  func checkFormat(expecting sequence: UInt64? = nil) throws(LedgerError) {
    let rows: [PostgresRow]
    do throws(DatabaseError) {
      rows = try session.firstResult(Self.openingQuery(after: sequence))
    } catch {
      if case .refused(let state, _) = error,
        state == DatabaseError.undefinedTable || state == DatabaseError.invalidSchema
      {
        throw .unavailable(
          "\(url.place) holds no store; run stockroom store init --store URL --yes")
      }
      throw error.ledgerError(url)
    }
    var format: String?
    var ledger: [LedgerColumns] = []
    do {
      for row in rows {
        let cells = row.makeRandomAccess()
        (format, storeId) = (try cells[0].decode(String?.self), try cells[1].decode(String.self))
        guard let seq = try cells[2].decode(Int64?.self) else { continue }
        ledger.append(
          (
            seq, try cells[3].decode(Int64.self), try cells[4].decode(Int64.self),
            try cells[5].decode(String.self)
          ))
      }
    } catch {
      throw .unavailable("stockroom.meta: a row cannot be read: \(error)")
    }
    prefetched = sequence.map { (after: $0, rows: ledger) }
    guard let format = Int(format ?? "") else {
      throw .unavailable("\(url.place): stockroom.meta names no format")
    }
    if format > StoreSchema.format {
      throw .unavailable(
        "\(url.place): store format \(format) is newer than this Stockroom reads "
          + "(\(StoreSchema.format)); use a newer Stockroom")
    }
    if format < StoreSchema.format { try upgrade(from: format) }
  }

  @discardableResult
  public func refresh() throws(LedgerError) -> Bool {
    var generation = readGeneration
    if let listener {
      // Listening, a refresh reads only when another session's commit was notified (or the
      // listener was connected again), so an idle screen never polls the database.
      let status = listener.status
      if let loss = status.loss { throw .unavailable("cannot reach \(url.place): \(loss)") }
      guard hasNews(status) else { return false }
      generation = status.generation
    }
    defer { readGeneration = generation }
    if stale {
      try load()
      return true
    }
    let before = lastSequence
    _ = try readTail(remember: false)
    return lastSequence != before
  }

  /// Starts listening for other sessions' commits (the terminal loop does, once): from then
  /// on `refresh()` reads the database only when a commit was notified.
  public func listen() {
    guard listener == nil else { return }
    let url = url
    let environment = options.environment
    listener = StoreListener { () throws(DatabaseError) in
      try DatabaseSession.configuration(url, environment)
    }
  }

  /// True while the listener cannot reach the server (it keeps trying by itself).
  public var listenerLost: Bool { listener?.status.loss != nil }

  /// True when a refresh has something to read: a commit was notified past this session's
  /// view, the listener was connected again, or the state must be replayed. Without a
  /// listener, always (a refresh then asks the database).
  public var hasNews: Bool { listener.map { hasNews($0.status) } ?? true }

  private func hasNews(_ status: StoreListener.Status) -> Bool {
    stale || session.loss != nil || status.generation != readGeneration
      || status.notified > lastSequence
  }

  /// Reads the records after `lastSequence` (up to `limit`) a page at a time, checks each
  /// (its checksum, sequence and chain) and applies it; returns them when `remember` (for
  /// conflict messages).
  func readTail(
    remember: Bool, through limit: UInt64 = UInt64(Int64.max),
    progress: ((UInt64) -> Void)? = nil
  ) throws(LedgerError) -> [Transaction] {
    var applied: [Transaction] = []
    while true {
      let rows = try run(
        """
        SELECT seq, prev, crc, record FROM stockroom.ledger
        WHERE seq > \(Int64(lastSequence)) AND seq <= \(Int64(limit)) ORDER BY seq
        LIMIT \(Self.page)
        """)
      try apply(
        try rows.map { (row) throws(LedgerError) in try Self.columns(row) }, remember: remember,
        into: &applied, progress: progress)
      if rows.count < Self.page { return applied }
    }
  }

  /// Checks and applies the records that follow `lastSequence`.
  func apply(
    _ rows: [LedgerColumns], remember: Bool, into applied: inout [Transaction],
    progress: ((UInt64) -> Void)? = nil
  ) throws(LedgerError) {
    for row in rows {
      let record = try Self.checkedRecord(row, previous: lastCRC)
      guard record.sequence == lastSequence + 1 else {
        throw .unavailable(
          "stockroom.ledger: record \(record.sequence) follows record \(lastSequence): "
            + "the sequence has a gap")
      }
      do throws(DomainError) { try state.apply(record.transaction) } catch {
        throw .unavailable(
          "stockroom.ledger: \(record.transaction.transactionId) cannot be applied: "
            + error.message)
      }
      lastSequence = record.sequence
      lastCRC = record.crc
      recordsApplied += 1
      if remember { applied.append(record.transaction) }
      progress?(lastSequence)
    }
  }

  /// One ledger row, checked.
  struct Record {
    var sequence: UInt64
    var crc: UInt32
    /// The checksum of the record before (the chain).
    var previous: UInt32
    var transaction: Transaction
    /// The record as the file ledger's line, without its newline.
    var line: String
  }

  /// A ledger row's `seq, prev, crc, record`.
  typealias LedgerColumns = (seq: Int64, prev: Int64, crc: Int64, record: String)

  /// Decodes a row of `seq, prev, crc, record`.
  static func columns(_ row: PostgresRow) throws(LedgerError) -> LedgerColumns {
    do {
      return try row.decode((Int64, Int64, Int64, String).self)
    } catch {
      throw .unavailable("stockroom.ledger: a row cannot be read: \(error)")
    }
  }

  /// Decodes a row of `seq, prev, crc, record`, checking the record's own checksum and
  /// framing against the columns, and its link to `previous` when given.
  func checkedRecord(_ row: PostgresRow, previous: UInt32?) throws(LedgerError) -> Record {
    try Self.checkedRecord(try Self.columns(row), previous: previous)
  }

  /// Checks a record's own checksum and framing against its columns, and its link to
  /// `previous` when given.
  static func checkedRecord(_ columns: LedgerColumns, previous: UInt32?) throws(LedgerError)
    -> Record
  {
    let (seq, prev, crc, text) = columns
    let place = "stockroom.ledger record \(seq)"
    let record = try checkedRecord(Array(text.utf8), place: place, previous: previous)
    guard record.sequence == UInt64(seq), Int64(record.crc) == crc,
      Int64(record.previous) == prev
    else {
      throw .unavailable("\(place): its record does not match its seq, crc and prev columns")
    }
    return record
  }

  /// Decodes a record's line (without its newline), checking its own checksum and framing,
  /// and its link to `previous` when given; `place` names it in a problem.
  static func checkedRecord(_ bytes: [UInt8], place: String, previous: UInt32?)
    throws(LedgerError) -> Record
  {
    let frame = bytes.withUnsafeBytes { LedgerRecord.frame($0) }
    switch frame {
    case .failure(let problem):
      throw .unavailable("\(place): \(problem.text)")
    case .success(let found):
      if let previous, found.previous != previous {
        throw .unavailable(
          "\(place): breaks the checksum chain (prev \(CRC32C.hex(found.previous)), the "
            + "record before has \(CRC32C.hex(previous)))")
      }
      let members: [Transaction]
      do throws(LedgerRecord.RecordDecodeError) {
        members = try LedgerRecord.decode(Data(bytes), frame: found)
      } catch {
        throw .unavailable("\(place): \(error.message)")
      }
      guard members.count == 1, let transaction = members.first else {
        throw .unavailable("\(place): holds \(members.count) transactions, one a row expected")
      }
      return Record(
        sequence: found.sequence, crc: found.crc, previous: found.previous,
        transaction: transaction, line: String(decoding: bytes, as: UTF8.self))
    }
  }

  /// How many records the ledger holds.
  func count() throws(LedgerError) -> Int {
    let rows = try run("SELECT coalesce(max(seq), 0) FROM stockroom.ledger")
    return Int(try decode(rows.first, as: Int64.self, "stockroom.ledger") ?? 0)
  }

  /// Why the server cannot be reached: as the listener last found it, or as the last
  /// statement did; nil while it answers.
  public var connectionLoss: String? {
    if let loss = listener?.status.loss ?? session.loss { return "\(url.place): \(loss)" }
    return nil
  }

  /// Runs a statement, the store named in any error.
  @discardableResult
  func run(_ query: PostgresQuery) throws(LedgerError) -> [PostgresRow] {
    do throws(DatabaseError) {
      return try session.query(query)
    } catch {
      throw error.ledgerError(url)
    }
  }

  /// The first column of a row, nil without a row.
  func decode<T: PostgresDecodable>(_ row: PostgresRow?, as type: T.Type, _ table: String)
    throws(LedgerError) -> T?
  {
    guard let row else { return nil }
    do {
      return try row.decode(T.self)
    } catch {
      throw .unavailable("\(table): a row cannot be read: \(error)")
    }
  }

  /// Ends the connections (the store opens a new one when asked again; listening stops).
  public func close() {
    listener?.stop()
    listener = nil
    session.close()
  }

  private static func hostName() -> String {
    var buffer = [CChar](repeating: 0, count: 256)
    guard gethostname(&buffer, buffer.count) == 0 else { return "unknown" }
    return String(cString: buffer)
  }
}
