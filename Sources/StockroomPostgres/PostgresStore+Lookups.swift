import PostgresNIO
import StockroomDomain
import StockroomStore

/// Lookups answered by SQL from indexed columns: a transaction by its sequence number, the
/// transactions of a subject through `stockroom.ledger_subjects` (filed as the file store's
/// index files them, `IndexSubject`), each record checked as it is read, in ledger order and
/// as of the last refresh or commit.
extension PostgresStore {
  public func transaction(id: String) throws(LedgerError) -> Transaction? {
    if stale { try load() }
    guard let sequence = Transaction.sequence(of: id), sequence <= lastSequence else {
      return nil
    }
    let rows = try run(
      "SELECT seq, prev, crc, record FROM stockroom.ledger WHERE seq = \(Int64(sequence))")
    guard let row = rows.first else {
      throw .unavailable("stockroom.ledger: record \(sequence) is missing")
    }
    return try checkedRecord(row, previous: nil).transaction
  }

  public func transactions(about subject: IndexSubject) throws(LedgerError) -> [Transaction] {
    if stale { try load() }
    let (kind, key) = subject.parts
    let rows = try run(
      """
      SELECT l.seq, l.prev, l.crc, l.record
      FROM stockroom.ledger_subjects s JOIN stockroom.ledger l ON l.seq = s.seq
      WHERE s.kind = \(kind) AND s.subject = \(key) AND s.seq <= \(Int64(lastSequence))
      ORDER BY s.seq
      """)
    var found: [Transaction] = []
    for row in rows {
      let transaction = try checkedRecord(row, previous: nil).transaction
      if subject.matches(transaction) { found.append(transaction) }
    }
    return found
  }

  public func userMap() throws(LedgerError) -> UserMap {
    let rows = try run(
      "SELECT os_user, uid, employee, may_act_as FROM stockroom.users ORDER BY os_user")
    var map = UserMap()
    for row in rows {
      do {
        let (user, uid, employee, mayActAs) = try row.decode(
          (String, Int64?, String, String).self)
        map.entries.append(
          UserMap.Entry(
            user: user, uid: uid.map { UInt32(truncatingIfNeeded: $0) }, employee: employee,
            mayActAs: mayActAs.split(separator: ",").map(String.init)))
      } catch {
        throw .unavailable("stockroom.users: a row cannot be read: \(error)")
      }
    }
    return map
  }

  /// Replaces the user map (demo data, and the migration from a data directory).
  public func writeUserMap(_ map: UserMap) throws(LedgerError) {
    do throws(DatabaseError) {
      try session.execute("BEGIN")
      try replaceUsers(map)
      try session.execute("COMMIT")
    } catch {
      session.rollback()
      throw error.ledgerError(url)
    }
  }

  /// `stockroom.users` emptied and filled from `map`, in the SQL transaction begun.
  func replaceUsers(_ map: UserMap) throws(DatabaseError) {
    try session.execute("DELETE FROM stockroom.users")
    try session.query(
      """
      INSERT INTO stockroom.users (os_user, uid, employee, may_act_as)
      SELECT u, NULLIF(i, -1), e, m FROM unnest(\(map.entries.map(\.user))::text[],
        \(map.entries.map { $0.uid.map(Int64.init) ?? -1 })::bigint[],
        \(map.entries.map(\.employee))::text[],
        \(map.entries.map { $0.mayActAs.joined(separator: ",") })::text[]) AS x(u, i, e, m)
      """)
  }

  /// Every committed transaction in order up to `lastSequence`, the chain checked as it goes.
  public func forEachTransaction(_ body: (Transaction) -> Bool) throws(LedgerError) {
    try forEachRecord { record in body(record.transaction) }
  }

  /// Every record up to `lastSequence` in order, checked; `body` returns false to stop.
  func forEachRecord(_ body: (Record) throws(LedgerError) -> Bool) throws(LedgerError) {
    if stale { try load() }
    var after: Int64 = 0
    var crc: UInt32 = 0
    while after < Int64(lastSequence) {
      let rows = try run(
        """
        SELECT seq, prev, crc, record FROM stockroom.ledger
        WHERE seq > \(after) AND seq <= \(Int64(lastSequence)) ORDER BY seq LIMIT \(Self.page)
        """)
      if rows.isEmpty { throw .unavailable("stockroom.ledger: records after \(after) are missing") }
      for row in rows {
        let record = try checkedRecord(row, previous: crc)
        guard record.sequence == UInt64(after) + 1 else {
          throw .unavailable(
            "stockroom.ledger: record \(record.sequence) follows record \(after): the "
              + "sequence has a gap")
        }
        after = Int64(record.sequence)
        crc = record.crc
        if !(try body(record)) { return }
      }
    }
  }
}
