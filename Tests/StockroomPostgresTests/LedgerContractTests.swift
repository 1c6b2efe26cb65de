import Foundation
import StockroomDomain
import StockroomStore
import TestSupport
import Testing

@testable import StockroomPostgres

/// The ledger's contract (`InventoryLedger`), the same on both stores: a commit hands back its
/// transaction and other sessions see it, a retry with the same key returns the first commit,
/// a pick another session took is a conflict naming the serial, refresh reads only what is
/// new, the records are gapless and chained, and the user map comes with the store.
@Suite struct LedgerContractTests {
  @Test(.postgres) func theDatabaseCasesRun() throws { try StoreKind.reachTheServer() }

  @Test(arguments: StoreKind.available)
  func aCommitIsSeenByAnotherSession(kind: StoreKind) throws {
    let store = try StoreUnderTest(kind)
    defer { store.remove() }
    let (first, second, free) = try store.sessions()
    let serial = free[0]
    let before = first.lastSequence
    let result = try first.commit(
      StoreUnderTest.deallocate([serial]), context: StoreUnderTest.context, key: "k-\(kind)")
    #expect(!result.alreadyCommitted)
    #expect(result.transaction.transactionId == Transaction.identifier(sequence: before + 1))
    #expect(first.lastSequence == before + 1)
    #expect(first.state.token(serial: serial)?.state == .available)
    #expect(try second.refresh())
    #expect(second.lastSequence == first.lastSequence)
    #expect(second.state.token(serial: serial)?.state == .available)
    #expect(try !second.refresh())
    // A third session opened now starts from the same state.
    let third = try store.open()
    #expect(third.lastSequence == first.lastSequence)
    #expect(third.state.token(serial: serial) == first.state.token(serial: serial))
    #expect(third.state.accounts == first.state.accounts)
  }

  @Test(arguments: StoreKind.available)
  func aRetryWithTheSameKeyReturnsTheFirstCommit(kind: StoreKind) throws {
    let store = try StoreUnderTest(kind)
    defer { store.remove() }
    let (first, second, serials) = try store.sessions(free: 2)
    let committed = try first.commit(
      StoreUnderTest.deallocate([serials[0]]), context: StoreUnderTest.context, key: "retry")
    let sequence = first.lastSequence
    let again = try first.commit(
      StoreUnderTest.deallocate([serials[0]]), context: StoreUnderTest.context, key: "retry")
    #expect(again.alreadyCommitted)
    #expect(again.transaction == committed.transaction)
    #expect(first.lastSequence == sequence)
    // From another session that has not seen it, even with another command: nothing applied.
    let elsewhere = try second.commit(
      StoreUnderTest.deallocate([serials[1]]), context: StoreUnderTest.context, key: "retry")
    #expect(elsewhere.alreadyCommitted)
    #expect(elsewhere.transaction == committed.transaction)
    #expect(second.state.token(serial: serials[1])?.state == .allocated)
    #expect(try store.open().lastSequence == sequence)
  }

  @Test(arguments: StoreKind.available)
  func aStalePickIsAConflictNamingWhatChanged(kind: StoreKind) throws {
    let store = try StoreUnderTest(kind)
    defer { store.remove() }
    let (first, second, free) = try store.sessions()
    let serial = free[0]
    let done = try first.commit(
      StoreUnderTest.deallocate([serial]), context: StoreUnderTest.context, key: "a")
    let sequence = first.lastSequence
    do {
      _ = try second.commit(
        StoreUnderTest.deallocate([serial]), context: StoreUnderTest.context, key: "b")
      Issue.record("a stale pick was committed")
    } catch {
      guard case .conflict(let text) = error else {
        Issue.record("expected a conflict, got \(error)")
        return
      }
      #expect(text.contains(serial), "\(text)")
      #expect(text.contains(done.transaction.transactionId), "\(text)")
      #expect(text.contains("another session committed"), "\(text)")
      #expect(error.exitCode == 3)
    }
    // Nothing was written, and the session now holds what the other committed.
    #expect(try store.open().lastSequence == sequence)
    #expect(second.lastSequence == sequence)
    #expect(second.state.token(serial: serial)?.state == .available)
    #expect(try !second.refresh())
  }

  /// The records as the store keeps them (the file ledger's lines, the database's rows, handed
  /// over as those lines) run gapless from 1, each chained to the one before; a session that
  /// replays them all has the state the committing session has.
  @Test(arguments: StoreKind.available)
  func commitsAreGaplessChainedAndDurable(kind: StoreKind) throws {
    let store = try StoreUnderTest(kind)
    defer { store.remove() }
    let (ledger, _, free) = try store.sessions(free: 2)
    for serial in free {
      _ = try ledger.commit(
        StoreUnderTest.deallocate([serial]), context: StoreUnderTest.context, key: serial)
    }
    var lines: [String] = []
    try ledger.exportRecords { lines.append(String(decoding: $0, as: UTF8.self)) }
    #expect(lines.count == Int(ledger.lastSequence))
    var previous = "00000000"
    for (index, line) in lines.enumerated() {
      #expect(line.contains(#""seq":\#(index + 1),"prev":"\#(previous)""#), "\(line.prefix(60))")
      previous = String(line.dropFirst(8).prefix(8))
    }
    let replayed = try store.open(fromSnapshot: false)
    #expect(replayed.lastSequence == ledger.lastSequence)
    #expect(replayed.state == ledger.state)
    #expect(replayed.state.invariantViolations() == [])
  }

  @Test(arguments: StoreKind.available)
  func theUserMapComesWithTheStore(kind: StoreKind) throws {
    let store = try StoreUnderTest(kind)
    defer { store.remove() }
    let map = try store.open().userMap()
    let expected = UserMap.demo(context: ProcessIdentity.context(), employee: "EMP-0004")
    #expect(map == expected)
  }

  @Test(arguments: StoreKind.available)
  func anEmptyStoreHasNothingAndTakesAFirstCommit(kind: StoreKind) throws {
    let store = try StoreUnderTest(kind, demoTokens: nil)
    defer { store.remove() }
    let ledger = try store.open()
    #expect(ledger.lastSequence == 0)
    #expect(try ledger.userMap() == UserMap())
    let result = try ledger.commit(
      .define(Definitions(provider: "P", containers: [Container(code: "MAIN", name: "Main")])),
      context: StoreUnderTest.context, key: "first")
    #expect(result.transaction.transactionId == "T000001")
    #expect(try store.open().state.containers.map(\.code) == ["MAIN"])
  }
}
