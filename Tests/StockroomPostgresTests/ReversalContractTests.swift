import Foundation
import StockroomDomain
import StockroomStore
import TestSupport
import Testing

@testable import StockroomPostgres

/// A reversal commits and refuses the same on both stores: the serials go back as they were,
/// the reversal index survives a replay and the snapshot, `verify` passes, and a second
/// reversal or one whose serial was taken since is refused naming what blocks it.
@Suite struct ReversalContractTests {
  @Test(.postgres) func theDatabaseCasesRun() throws { try StoreKind.reachTheServer() }

  static func reverse(_ id: String, on session: any LedgerStore, key: String) throws
    -> Transaction
  {
    let request = try #require(try ReversalRequest.gather(id, why: "wrong box", from: session))
    return try session.commit(.reverse(request), context: StoreUnderTest.context, key: key)
      .transaction
  }

  /// The words the reversal of `id` is refused with; nil when it was not refused as a rule.
  static func refusal(_ id: String, on session: any LedgerStore, key: String) -> String? {
    do {
      _ = try reverse(id, on: session, key: key)
      return nil
    } catch {
      guard case .refused(.reversalRefused(let text)) = error as? LedgerError else { return nil }
      return text
    }
  }

  @Test(arguments: StoreKind.available)
  func aReversedDeallocationPutsTheSerialsBack(kind: StoreKind) throws {
    let store = try StoreUnderTest(kind)
    defer { store.remove() }
    let session = try store.open()
    let serials = Array(StoreUnderTest.freeSerials(session.state).prefix(2))
    try #require(serials.count == 2)
    let before = serials.compactMap { session.state.token(serial: $0) }
    let accounts = session.state.accounts
    let deallocation = try session.commit(
      .deallocateHardware(
        account: "ACC-0002", serials: serials, disposition: .lost, container: nil),
      context: StoreUnderTest.context, key: "dealloc-\(kind)"
    ).transaction
    let reversal = try Self.reverse(deallocation.transactionId, on: session, key: "rev-\(kind)")
    #expect(reversal.reversal?.reverses == deallocation.transactionId)
    #expect(serials.compactMap { session.state.token(serial: $0) } == before)
    #expect(session.state.accounts == accounts)
    try StoreUnderTest.writeSnapshot(session)
    for fresh in [try store.open(), try store.open(fromSnapshot: false)] {
      #expect(
        fresh.state.reversals.reversal(of: deallocation.transactionId) == reversal.transactionId)
      #expect(serials.compactMap { fresh.state.token(serial: $0) } == before)
    }
    #expect(try store.verify() == [])
    #expect(
      Self.refusal(deallocation.transactionId, on: session, key: "again-\(kind)")?
        .contains("already reversed by \(reversal.transactionId)") == true)
  }

  @Test(arguments: StoreKind.available)
  func aSerialAllocatedElsewhereSinceBlocksTheReversal(kind: StoreKind) throws {
    let store = try StoreUnderTest(kind)
    defer { store.remove() }
    let session = try store.open()
    let serial = try #require(StoreUnderTest.freeSerials(session.state).first)
    let deallocation = try session.commit(
      StoreUnderTest.deallocate([serial]), context: StoreUnderTest.context, key: "d-\(kind)"
    ).transaction
    let taken = try session.commit(
      .allocateHardware(account: "ACC-0001", serials: [serial], type: .rental),
      context: StoreUnderTest.context, key: "a-\(kind)"
    ).transaction
    let sequence = session.lastSequence
    #expect(
      Self.refusal(deallocation.transactionId, on: session, key: "r-\(kind)")?
        .contains("\(serial) was since taken by \(taken.transactionId)") == true)
    #expect(try store.open().lastSequence == sequence)
  }
}
