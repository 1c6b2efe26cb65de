import Foundation
import StockroomDomain
import StockroomStore
import TestSupport
import Testing

@testable import StockroomPostgres

/// A hardware receive reversed the same on both stores: its serials leave the inventory as if
/// never received, their tokens kept at their places as removed through a replay and the
/// snapshot (the database's mirror rows too), `verify` passes, and the serials can be received
/// again. A database of the format before removed tokens is upgraded at opening.
@Suite struct ReceiveReversalContractTests {
  @Test(.postgres) func theDatabaseCasesRun() throws { try StoreKind.reachTheServer() }

  static let serials = ["UNDO-1", "UNDO-2", "UNDO-3"]

  static func receive(_ serials: [String], on session: any LedgerStore, key: String) throws
    -> Transaction
  {
    let model = try #require(session.state.models.first)
    return try session.commit(
      .receiveHardware(
        model: model, serials: serials, ownership: .owned, container: nil, needsPIN: false),
      context: StoreUnderTest.context, key: key
    ).transaction
  }

  @Test(arguments: StoreKind.available)
  func aReversedReceiveLeavesTheInventoryAsBefore(kind: StoreKind) throws {
    let store = try StoreUnderTest(kind)
    defer { store.remove() }
    let session = try store.open()
    let inventory = session.state.inventorySummary()
    let receipt = try Self.receive(Self.serials, on: session, key: "recv-\(kind)")
    let places = Self.serials.compactMap { session.state.tokens.index(of: $0) }
    let reversal = try ReversalContractTests.reverse(
      receipt.transactionId, on: session, key: "rev-\(kind)")
    #expect(reversal.reversal?.reverses == receipt.transactionId)
    #expect(session.state.inventorySummary() == inventory)
    try StoreUnderTest.writeSnapshot(session)
    for fresh in [try store.open(), try store.open(fromSnapshot: false)] {
      #expect(fresh.state.inventorySummary() == inventory)
      #expect(Self.serials.compactMap { fresh.state.token(serial: $0) } == [])
      #expect(Self.serials.compactMap { fresh.state.tokens.index(of: $0) } == places)
      #expect(
        Self.serials.map { fresh.state.recordedToken(serial: $0)?.state } == [
          .removed, .removed, .removed,
        ])
    }
    #expect(try store.verify() == [])
    #expect(
      ReversalContractTests.refusal(receipt.transactionId, on: session, key: "again-\(kind)")?
        .contains("already reversed by \(reversal.transactionId)") == true)
    // Received again (one of them): back at its place, on a session opened from the snapshot.
    let later = try store.open()
    try Self.receive(["UNDO-2"], on: later, key: "recv-again-\(kind)")
    #expect(later.state.token(serial: "UNDO-2")?.state == .available)
    #expect(later.state.tokens.index(of: "UNDO-2") == places[1])
    #expect(try store.verify() == [])
    #expect(try store.open(fromSnapshot: false).state.token(serial: "UNDO-2")?.state == .available)
  }

  @Test(arguments: StoreKind.available)
  func aReceivedSerialAllocatedSinceBlocksTheReversal(kind: StoreKind) throws {
    let store = try StoreUnderTest(kind)
    defer { store.remove() }
    let session = try store.open()
    let receipt = try Self.receive(Self.serials, on: session, key: "r-\(kind)")
    let taken = try session.commit(
      .allocateHardware(account: "ACC-0001", serials: ["UNDO-3"], type: .rental),
      context: StoreUnderTest.context, key: "a-\(kind)"
    ).transaction
    let sequence = session.lastSequence
    #expect(
      ReversalContractTests.refusal(receipt.transactionId, on: session, key: "v-\(kind)")
        == "\(receipt.transactionId) cannot be reversed: UNDO-3 was since taken by "
        + "\(taken.transactionId) (allocate ACC-0001, tester)")
    #expect(try store.open().lastSequence == sequence)
  }

  /// A store made before removed tokens (schema format 1: the state CHECK without `removed`)
  /// is upgraded when its owner opens it, and a receive can then be reversed.
  @Test(.postgres) func aFormatOneDatabaseIsUpgradedAtOpening() throws {
    let store = try StoreUnderTest(.postgres)
    defer { store.remove() }
    let database = try #require(store.database)
    _ = try database.sql(
      """
      ALTER TABLE stockroom.tokens DROP CONSTRAINT tokens_state_check,
        ADD CONSTRAINT tokens_state_check
        CHECK (state IN ('available', 'allocated', 'faulty', 'lost'));
      UPDATE stockroom.meta SET value = '1' WHERE name = 'format'
      """)
    // The application role may not alter the schema: it opens the store as it is, and says so.
    let app = try StoreUnderTest.openAs(store, role: store.role)
    #expect(app.warnings.contains { $0.contains("only the owner of the schema stockroom") })
    #expect(try database.sql("SELECT value FROM stockroom.meta WHERE name = 'format'") == "1")
    app.close()
    let session = try store.open()
    #expect(try database.sql("SELECT value FROM stockroom.meta WHERE name = 'format'") == "2")
    let receipt = try Self.receive(["UNDO-9"], on: session, key: "old-r")
    try ReversalContractTests.reverse(receipt.transactionId, on: session, key: "old-v")
    #expect(
      try database.sql("SELECT state FROM stockroom.tokens WHERE serial = 'UNDO-9'") == "removed")
    #expect(try store.verify() == [])
  }
}
