import Foundation
import PostgresNIO
import StockroomDomain
import StockroomStore

/// A commit is one SQL transaction (docs/DESIGN.md section 6): the commit lock
/// (`pg_advisory_xact_lock`), the records since this session's view read and applied, the
/// command validated again, the ledger row and the mirror rows written, NOTIFY with the
/// sequence number, COMMIT. A key committed before returns that first commit.
extension PostgresStore {
  public func commit(_ command: Command, context: TransactionContext, key: String)
    throws(LedgerError) -> CommitResult
  {
    let results = try commitAll([CommitRequest(command: command, context: context, key: key)])
    guard let result = results.first else { throw .commitFailed("nothing committed") }
    if !result.alreadyCommitted && result.transaction.order != nil {
      let (names, problems) = outbox.post(orderMailOf: result.transaction, book: state.orders)
      posted += names
      warnings += problems
    }
    return result
  }

  /// Commits several transactions in one SQL transaction: all or none.
  public func commitAll(_ requests: [CommitRequest]) throws(LedgerError) -> [CommitResult] {
    for request in requests {
      do throws(DomainError) { try CommitCheck.check(request.context) } catch {
        throw .refused(error)
      }
    }
    if stale { try load() }
    try begin()
    do throws(LedgerError) {
      let seen = lastSequence
      let intervening = try readTail(remember: true)
      var batch = Batch(stockBefore: StoreMirror.stockRows(of: state), start: lastCRC)
      var results: [CommitResult] = []
      for request in requests {
        if let first = try alreadyCommitted(request.key, in: batch) {
          results.append(CommitResult(transaction: first, alreadyCommitted: true))
          continue
        }
        let change: Change
        do throws(DomainError) {
          change = try validate(request.command, against: state)
        } catch {
          if lastSequence != seen && requests.count == 1 {
            throw LedgerError.conflict(after: intervening, error.message)
          }
          throw LedgerError.refused(error)
        }
        let transaction = try batch.add(
          change, request, sequence: lastSequence + UInt64(batch.transactions.count) + 1,
          time: ProcessIdentity.format(request.time ?? clock()))
        // From here until COMMIT the state in memory is ahead of the database.
        stale = true
        do throws(DomainError) { try state.apply(transaction) } catch {
          throw LedgerError.refused(error)
        }
        batch.noteTokens(of: change)
        results.append(CommitResult(transaction: transaction, alreadyCommitted: false))
      }
      guard !batch.transactions.isEmpty else {
        try finish("ROLLBACK")
        return results
      }
      try write(batch)
      FaultInjection.crash(at: .databaseWritten)
      try finish("COMMIT")
      FaultInjection.crash(at: .databaseCommitted)
      lastSequence += UInt64(batch.transactions.count)
      lastCRC = batch.crc
      stale = false
      return results
    } catch {
      session.rollback()
      // What this batch applied in memory was not committed: replay now, or (the connection
      // lost: the loss stays known until the outcome is settled) at the next call.
      if stale && session.loss == nil { try? load() }
      throw error
    }
  }

  /// What one SQL transaction writes: the ledger rows and the serials their changes touch.
  struct Batch {
    var stockBefore: [StoreMirror.StockKey: StoreMirror.StockCounts]
    /// The checksum of the last record written (the chain goes on from it).
    var crc: UInt32
    var transactions: [Transaction] = []
    var lines: [String] = []
    var crcs: [UInt32] = []
    var previous: [UInt32] = []
    /// Serials received here (inserted) and serials moved (updated), in first-seen order.
    var received: [String] = []
    var moved: [String] = []
    var seen: Set<String> = []

    init(stockBefore: [StoreMirror.StockKey: StoreMirror.StockCounts], start: UInt32) {
      self.stockBefore = stockBefore
      crc = start
    }

    /// The transaction for a validated change, its record chained to the last one.
    mutating func add(_ change: Change, _ request: CommitRequest, sequence: UInt64, time: String)
      throws(LedgerError) -> Transaction
    {
      let transaction = Transaction(
        sequence: sequence, key: request.key, version: StoreVersion.format, time: time,
        change: change, context: request.context)
      let (line, crc) = try LedgerRecord.encode(transaction, sequence: sequence, previous: crc)
      add(
        Record(
          sequence: sequence, crc: crc, previous: self.crc, transaction: transaction,
          line: String(decoding: line.dropLast(), as: UTF8.self)))
      return transaction
    }

    /// A record chained to the last one, to be written as it is.
    mutating func add(_ record: Record) {
      transactions.append(record.transaction)
      lines.append(record.line)
      previous.append(record.previous)
      crcs.append(record.crc)
      crc = record.crc
    }

    mutating func noteTokens(of change: Change) {
      for item in change.items where item.product == .hardware {
        for serial in item.serials ?? [] where seen.insert(serial).inserted {
          if change.action == .receive { received.append(serial) } else { moved.append(serial) }
        }
      }
    }

    /// A transaction of this batch under `key`, if one was made here.
    func transaction(key: String) -> Transaction? { transactions.first { $0.key == key } }
  }

  /// The transaction first committed under `key`, in the database or earlier in this batch.
  private func alreadyCommitted(_ key: String, in batch: Batch) throws(LedgerError)
    -> Transaction?
  {
    if let found = batch.transaction(key: key) { return found }
    let rows = try run(
      "SELECT seq, prev, crc, record FROM stockroom.ledger WHERE key = \(key)")
    guard let row = rows.first else { return nil }
    return try checkedRecord(row, previous: nil).transaction
  }

  private func begin() throws(LedgerError) {
    try run("BEGIN")
    try run("SELECT pg_advisory_xact_lock(\(StoreSchema.commitLock))")
  }

  private func finish(_ statement: String) throws(LedgerError) {
    do throws(DatabaseError) {
      try session.execute(statement)
    } catch {
      throw lost(error)
    }
  }

  /// The ledger rows, what the lookups file them under, and the mirror rows, then NOTIFY.
  private func write(_ batch: Batch) throws(LedgerError) {
    do throws(DatabaseError) {
      let sequences = try insertRecords(batch)
      try writeTokens(batch.received, insert: true)
      try writeTokens(batch.moved, insert: false)
      try writeStock(
        StoreMirror.changedStock(from: batch.stockBefore, to: StoreMirror.stockRows(of: state)))
      try session.query(
        "SELECT pg_notify(\(StoreSchema.channel), \(String(sequences.last ?? 0)))")
    } catch {
      if case .refused(let sqlState, let message) = error {
        throw .commitFailed("\(url.place) refused it (SQLSTATE \(sqlState)): \(message)")
      }
      throw lost(error)
    }
  }

  /// Inserts a batch's ledger rows and what the lookups file them under; their sequences.
  func insertRecords(_ batch: Batch) throws(DatabaseError) -> [Int64] {
    let sequences = batch.transactions.map {
      Int64(Transaction.sequence(of: $0.transactionId) ?? 0)
    }
    try session.query(
      """
      INSERT INTO stockroom.ledger
        (seq, prev, crc, key, host, transaction_id, time, action, account, "user", record)
      SELECT s, p, c, k, h, i, t::timestamptz, a, NULLIF(acc, ''), u, r
      FROM unnest(\(sequences)::bigint[], \(batch.previous.map { Int64($0) })::bigint[],
        \(batch.crcs.map { Int64($0) })::bigint[], \(batch.transactions.map(\.key))::text[],
        \(Array(repeating: host, count: sequences.count))::text[],
        \(batch.transactions.map(\.transactionId))::text[],
        \(batch.transactions.map(\.time))::text[],
        \(batch.transactions.map(\.action.rawValue))::text[],
        \(batch.transactions.map { $0.account ?? "" })::text[],
        \(batch.transactions.map(\.user))::text[], \(batch.lines)::text[])
        AS x(s, p, c, k, h, i, t, a, acc, u, r)
      """)
    var kinds: [String] = []
    var subjects: [String] = []
    var subjectSequences: [Int64] = []
    for (transaction, sequence) in zip(batch.transactions, sequences) {
      for subject in IndexSubject.subjects(of: transaction) {
        kinds.append(subject.parts.kind)
        subjects.append(subject.parts.key)
        subjectSequences.append(sequence)
      }
    }
    try session.query(
      """
      INSERT INTO stockroom.ledger_subjects (kind, subject, seq)
      SELECT * FROM unnest(\(kinds)::text[], \(subjects)::text[], \(subjectSequences)::bigint[])
      """)
    return sequences
  }

  /// Inserts the tokens received or updates the tokens moved, as the state has them.
  private func writeTokens(_ serials: [String], insert: Bool) throws(DatabaseError) {
    guard !serials.isEmpty else { return }
    var rows: [StoreMirror.TokenRow] = []
    rows.reserveCapacity(serials.count)
    for serial in serials {
      guard let token = state.recordedToken(serial: serial) else {
        throw .refused(sqlState: "P0002", message: "serial \(serial) is not in the state")
      }
      rows.append(StoreMirror.tokenRow(token, in: state))
    }
    try writeTokens(rows, insert: insert)
  }

  /// Inserts token rows or updates them (every one must be there). A serial received again
  /// after its receive was reversed takes its removed row over; any other serial already
  /// there is refused.
  func writeTokens(_ rows: [StoreMirror.TokenRow], insert: Bool) throws(DatabaseError) {
    let query: PostgresQuery
    if insert {
      query = """
        INSERT INTO stockroom.tokens
          (serial, model, state, account, container, in_use, ownership, needs_pin, sold)
        SELECT s, m, st, NULLIF(a, ''), c, iu, o, np, so
        FROM unnest(\(rows.map(\.serial))::text[], \(rows.map(\.model))::text[],
          \(rows.map(\.state))::text[], \(rows.map { $0.account ?? "" })::text[],
          \(rows.map(\.container))::text[], \(rows.map(\.inUse))::boolean[],
          \(rows.map(\.ownership))::text[], \(rows.map(\.needsPIN))::boolean[],
          \(rows.map(\.sold))::boolean[]) AS x(s, m, st, a, c, iu, o, np, so)
        ON CONFLICT (serial) DO UPDATE SET model = excluded.model, state = excluded.state,
          account = excluded.account, container = excluded.container, in_use = excluded.in_use,
          ownership = excluded.ownership, needs_pin = excluded.needs_pin, sold = excluded.sold
          WHERE stockroom.tokens.state = 'removed'
        """
    } else {
      query = """
        UPDATE stockroom.tokens t SET model = x.m, state = x.st, account = NULLIF(x.a, ''),
          container = x.c, in_use = x.iu, ownership = x.o, needs_pin = x.np, sold = x.so
        FROM unnest(\(rows.map(\.serial))::text[], \(rows.map(\.model))::text[],
          \(rows.map(\.state))::text[], \(rows.map { $0.account ?? "" })::text[],
          \(rows.map(\.container))::text[], \(rows.map(\.inUse))::boolean[],
          \(rows.map(\.ownership))::text[], \(rows.map(\.needsPIN))::boolean[],
          \(rows.map(\.sold))::boolean[]) AS x(s, m, st, a, c, iu, o, np, so)
        WHERE t.serial = x.s
        """
    }
    let result = try session.result(query)
    if result.metadata.rows != rows.count {
      throw .refused(
        sqlState: insert ? "23505" : "P0002",
        message: insert
          ? "stockroom.tokens already holds \(rows.count - (result.metadata.rows ?? 0)) of the "
            + "\(rows.count) serials received"
          : "stockroom.tokens holds \(result.metadata.rows ?? 0) of the \(rows.count) "
            + "serials moved")
    }
  }

  func writeStock(_ rows: [(StoreMirror.StockKey, StoreMirror.StockCounts)])
    throws(DatabaseError)
  {
    guard !rows.isEmpty else { return }
    try session.query(
      """
      INSERT INTO stockroom.stock (account, product, detail, quantity, in_use)
      SELECT * FROM unnest(\(rows.map(\.0.account))::text[], \(rows.map(\.0.product))::text[],
        \(rows.map(\.0.detail))::text[], \(rows.map(\.1.quantity))::bigint[],
        \(rows.map(\.1.inUse))::bigint[])
      ON CONFLICT (account, product, detail)
        DO UPDATE SET quantity = excluded.quantity, in_use = excluded.in_use
      """)
  }

  /// A connection lost during a commit: whether it was applied is settled by its key.
  private func lost(_ error: DatabaseError) -> LedgerError {
    guard case .unreachable(let reason) = error else { return error.ledgerError(url) }
    return .unavailable(
      "lost \(url.place) during the commit (\(reason)); run it again with the same key to "
        + "settle whether it was applied")
  }
}
