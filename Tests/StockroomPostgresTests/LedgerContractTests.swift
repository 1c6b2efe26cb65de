import Foundation
import StockroomDomain
import StockroomStore
import TestSupport
import Testing

@testable import StockroomPostgres

/// The ledger's contract (`InventoryLedger`), the same on both stores: a commit hands back its
/// transaction and other sessions see it, a retry with the same key returns the first commit,
/// a pick another session took is a conflict naming the serial, refresh reads only what is
/// new, lookups answer in ledger order, and the user map comes with the store.
@Suite struct LedgerContractTests {
  @Test(.postgres) func theDatabaseCasesRun() throws { try StoreKind.reachTheServer() }

  @Test(arguments: StoreKind.available)
  func aCommitIsSeenByAnotherSession(kind: StoreKind) throws {
    let store = try StoreUnderTest(kind)
    defer { store.remove() }
    let first = try store.open()
    let second = try store.open()
    let serial = try #require(StoreUnderTest.freeSerials(first.state).first)
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
    let first = try store.open()
    let second = try store.open()
    let serials = StoreUnderTest.freeSerials(first.state)
    try #require(serials.count >= 2)
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
  func aStalePickIsAConflictNamingTheSerial(kind: StoreKind) throws {
    let store = try StoreUnderTest(kind)
    defer { store.remove() }
    let first = try store.open()
    let second = try store.open()
    let serial = try #require(StoreUnderTest.freeSerials(first.state).first)
    _ = try first.commit(
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
      #expect(text.contains("another session committed"), "\(text)")
      #expect(error.exitCode == 3)
    }
    // Nothing was written, and the session now holds what the other committed.
    #expect(try store.open().lastSequence == sequence)
    #expect(second.lastSequence == sequence)
    #expect(second.state.token(serial: serial)?.state == .available)
  }

  @Test(arguments: StoreKind.available)
  func lookupsAnswerWhatAFullReadFindsInLedgerOrder(kind: StoreKind) throws {
    let store = try StoreUnderTest(kind)
    defer { store.remove() }
    let ledger = try store.open()
    let serials = StoreUnderTest.freeSerials(ledger.state)
    try #require(serials.count >= 2)
    let reader = try store.open()
    _ = try ledger.commit(
      StoreUnderTest.deallocate(Array(serials.prefix(2))), context: StoreUnderTest.context,
      key: "lookup")
    try reader.refresh()
    var all: [Transaction] = []
    try reader.forEachTransaction {
      all.append($0)
      return true
    }
    #expect(all.count == Int(reader.lastSequence))
    let subscription = try #require(all.compactMap(\.namedSubscription).first)
    let order = try #require(all.compactMap(\.namedOrder).first)
    let warehouse = try #require(all.flatMap(\.namedWarehouses).first)
    #expect(
      try reader.transactions(serial: serials[0])
        == all.filter { $0.namedSerials.contains(serials[0]) })
    #expect(try reader.transactions(account: "ACC-0002") == all.filter { $0.account == "ACC-0002" })
    #expect(
      try reader.transactions(subscription: subscription.lowercased())
        == all.filter { $0.namedSubscription == subscription })
    #expect(try reader.transactions(order: order) == all.filter { $0.namedOrder == order })
    #expect(
      try reader.transactions(warehouse: warehouse)
        == all.filter { $0.namedWarehouses.contains(warehouse) })
    #expect(try reader.transaction(id: "t000001") == all.first)
    #expect(try reader.transaction(id: all.last?.transactionId ?? "") == all.last)
    #expect(
      try reader.transaction(id: Transaction.identifier(sequence: reader.lastSequence + 1)) == nil)
    #expect(try reader.transactions(serial: "NO-SUCH-SERIAL").isEmpty)
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
