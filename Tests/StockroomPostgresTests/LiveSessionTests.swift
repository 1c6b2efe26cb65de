import Foundation
import StockroomDomain
import StockroomStore
import TestSupport
import Testing

@testable import StockroomPostgres

/// Live sessions on the database store (issue 16): a listening session learns of another's
/// commit from its NOTIFY (an idle one asks the database nothing), and a session whose
/// backend was ended says so, then reconnects and settles its commit by the key.
@Suite(.postgres) struct LiveSessionTests {
  /// Waits up to `seconds` for `condition`, checking every 10 ms; how long it took.
  static func wait(_ seconds: Double, _ condition: () -> Bool) -> Double? {
    let start = Date()
    while Date().timeIntervalSince(start) < seconds {
      if condition() { return Date().timeIntervalSince(start) }
      Thread.sleep(forTimeInterval: 0.01)
    }
    return nil
  }

  @Test func aListeningSessionHearsAnotherSessionsCommitAndOnlyThenReads() throws {
    let store = try StoreUnderTest(.postgres)
    defer { store.remove() }
    let writer = try store.open()
    let reader = try #require(try store.open() as? PostgresStore)
    reader.listen()
    defer { reader.close() }
    // Once connected, the listener has nothing new past what the session read.
    try #require(Self.wait(5) { reader.listener?.status.generation == 1 } != nil)
    _ = try reader.refresh()
    #expect(!reader.hasNews, "an idle listening session has nothing to read")
    #expect(try !reader.refresh())

    let serial = try #require(StoreUnderTest.freeSerials(writer.state).first)
    _ = try writer.commit(
      StoreUnderTest.deallocate([serial]), context: StoreUnderTest.context, key: "live-1")
    let heard = Self.wait(1) { reader.hasNews }
    #expect(heard != nil, "the NOTIFY did not arrive within a second")
    #expect(try reader.refresh())
    #expect(reader.lastSequence == writer.lastSequence)
    #expect(reader.state.token(serial: serial)?.state == .available)
    #expect(!reader.hasNews)
  }

  @Test func aSessionWhoseBackendWasEndedSettlesItsCommitByTheKey() throws {
    let store = try StoreUnderTest(.postgres)
    defer { store.remove() }
    let session = try #require(try store.open() as? PostgresStore)
    defer { session.close() }
    let database = try #require(store.database)
    let serials = StoreUnderTest.freeSerials(session.state)
    try #require(serials.count >= 2)
    let before = session.lastSequence
    // Every backend of the store's database but psql's own is ended.
    let ended = try database.sql(
      "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
        + "WHERE datname = current_database() AND pid <> pg_backend_pid()")
    #expect(ended == "1", "the session's one connection")
    let command = StoreUnderTest.deallocate([serials[0]])
    var outcome: CommitResult?
    var losses = 0
    for _ in 0..<3 where outcome == nil {
      do {
        outcome = try session.commit(command, context: StoreUnderTest.context, key: "settle")
      } catch {
        guard case .unavailable = error, session.connectionLoss != nil else { throw error }
        losses += 1
      }
    }
    let result = try #require(outcome)
    #expect(losses <= 1)
    #expect(session.connectionLoss == nil)
    #expect(result.transaction.transactionId == Transaction.identifier(sequence: before + 1))
    // The same key again: the first commit, nothing applied.
    let again = try session.commit(command, context: StoreUnderTest.context, key: "settle")
    #expect(again.alreadyCommitted)
    #expect(again.transaction.transactionId == result.transaction.transactionId)
    #expect(
      try database.sql("SELECT count(*) FROM stockroom.ledger WHERE key = 'settle'") == "1")
  }

  @Test func aConnectionLostInsideATransactionIsNeverReplacedWithinIt() throws {
    let store = try StoreUnderTest(.postgres, demoTokens: nil)
    defer { store.remove() }
    let url = try #require(store.url)
    let database = try #require(store.database)
    let session = DatabaseSession(url: url, environment: ProcessInfo.processInfo.environment)
    defer { session.close() }
    try session.execute("CREATE TABLE outside (n int)")
    try session.execute("BEGIN")
    try session.execute("INSERT INTO outside VALUES (1)")
    _ = try database.sql(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        + "WHERE datname = current_database() AND pid <> pg_backend_pid()")
    Thread.sleep(forTimeInterval: 0.2)
    // Whether the loss is seen by this statement or noticed before it, it fails: it never
    // runs on a new connection, outside the transaction (where it would commit by itself).
    #expect(throws: DatabaseError.self) { try session.execute("INSERT INTO outside VALUES (2)") }
    #expect(session.loss != nil)
    session.rollback()
    #expect(try database.sql("SELECT count(*) FROM outside") == "0")
    // Outside a transaction, the next statement connects again.
    let rows = try session.query("SELECT 1")
    #expect(rows.count == 1)
    #expect(session.loss == nil)
  }
}
