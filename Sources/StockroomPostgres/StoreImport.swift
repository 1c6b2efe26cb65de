import Foundation
import PostgresNIO
import StockroomDomain
import StockroomStore

/// `store migrate` into a database: another store's records copied into a database that holds
/// no store yet, and a database store's records handed out to be copied elsewhere.
extension PostgresStore {
  /// Records written in one statement at the most, and bytes of records.
  static let importRecords = 500
  static let importBytes = 8 << 20
  /// Token rows written in one statement at the most.
  static let importTokens = 20_000

  /// Makes a new database store from another store's records (the file ledger's lines, in
  /// order), in one SQL transaction: the schema and the role as `store init` makes them; every
  /// record checked (its checksum, sequence and the chain) and replayed as it comes, the ledger
  /// and lookup rows written in batches; then `tokens` and `stock` from the replayed state, and
  /// the user map. Refused (`.notEmpty`) when the database already holds a store; a copy that
  /// fails leaves nothing. Writes the local snapshot, so the next open here is warm.
  public static func importing(
    into url: PostgresURL, role: String = StoreSetup.defaultRole, userMap: UserMap,
    options: Options,
    records: (_ add: ([UInt8]) throws(LedgerError) -> Void) throws(LedgerError) -> Void
  ) throws(LedgerError) -> PostgresStore {
    let store = PostgresStore(url: url, options: options)
    do throws(DatabaseError) {
      try store.session.execute("BEGIN")
      _ = try StoreSetup.create(in: store.session, role: role)
    } catch {
      store.abandon()
      throw StoreSetup.refusal(error, url)
    }
    do throws(LedgerError) {
      try store.copy(records)
      do throws(DatabaseError) {
        try store.fillMirror()
        try store.replaceUsers(userMap)
        try store.session.execute("COMMIT")
      } catch {
        throw error.ledgerError(url)
      }
    } catch {
      store.abandon()
      throw error
    }
    try store.checkFormat()
    if options.useCache {
      do throws(StoreError) { store.cache = try store.locateCache() } catch {
        store.warnings.append("no local snapshot: \(error.message)")
      }
      store.writeCacheAfterReplay()
    }
    return store
  }

  /// Every record up to `lastSequence`, checked, as the file ledger's line (`LedgerStore`).
  public func exportRecords(_ add: ([UInt8]) throws(LedgerError) -> Void) throws(LedgerError) {
    try refresh()
    try forEachRecord { (record) throws(LedgerError) in
      try add(Array(record.line.utf8))
      return true
    }
  }

  /// Checks, replays and writes the records handed over, in batches.
  private func copy(
    _ records: (_ add: ([UInt8]) throws(LedgerError) -> Void) throws(LedgerError) -> Void
  ) throws(LedgerError) {
    var batch = Batch(stockBefore: [:], start: 0)
    var bytes = 0
    func flush() throws(LedgerError) {
      guard !batch.transactions.isEmpty else { return }
      do throws(DatabaseError) { _ = try insertRecords(batch) } catch {
        throw error.ledgerError(url)
      }
      batch = Batch(stockBefore: [:], start: lastCRC)
      bytes = 0
    }
    try records { (line) throws(LedgerError) in
      let sequence = lastSequence + 1
      let place = "record \(sequence) of the copy"
      let record = try Self.checkedRecord(line, place: place, previous: lastCRC)
      guard record.sequence == sequence else {
        throw .unavailable("\(place): holds sequence \(record.sequence): the sequence has a gap")
      }
      do throws(DomainError) { try state.apply(record.transaction) } catch {
        throw .unavailable(
          "\(place): \(record.transaction.transactionId) cannot be applied: \(error.message)")
      }
      batch.add(record)
      bytes += line.count
      lastSequence = sequence
      lastCRC = record.crc
      if batch.transactions.count >= Self.importRecords || bytes >= Self.importBytes {
        try flush()
      }
    }
    try flush()
  }

  /// `tokens` and `stock` as the replayed state has them.
  private func fillMirror() throws(DatabaseError) {
    var rows: [StoreMirror.TokenRow] = []
    rows.reserveCapacity(min(state.tokens.count, Self.importTokens))
    for token in state.tokens {
      rows.append(StoreMirror.tokenRow(token, in: state))
      if rows.count == Self.importTokens {
        try writeTokens(rows, insert: true)
        rows.removeAll(keepingCapacity: true)
      }
    }
    if !rows.isEmpty { try writeTokens(rows, insert: true) }
    try writeStock(StoreMirror.changedStock(from: [:], to: StoreMirror.stockRows(of: state)))
  }

  /// Ends a copy that failed: its SQL transaction rolled back, the connection closed.
  private func abandon() {
    try? session.execute("ROLLBACK")
    session.close()
  }
}
