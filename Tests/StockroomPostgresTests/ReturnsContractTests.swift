import Foundation
import StockroomDomain
import StockroomStore
import TestSupport
import Testing

@testable import StockroomPostgres

/// The returns session's group commit, the same on both stores: every account's
/// `deallocate-hardware` transaction or none, each with the session's ID; a serial another
/// bench took meanwhile refuses the whole session, naming the serial and who took it.
@Suite struct ReturnsContractTests {
  @Test(.postgres) func theDatabaseCasesRun() throws { try StoreKind.reachTheServer() }

  static func session(_ serials: [String], _ state: InventoryState, id: String) -> ReturnsSession {
    var session = ReturnsSession(id: id, settings: ReturnsSettings(reference: "RMA-\(id)"))
    for serial in serials { session.scan(serial, in: state) }
    return session
  }

  @Test(arguments: StoreKind.available)
  func aSessionCommitsOneTransactionPerAccount(kind: StoreKind) throws {
    let store = try StoreUnderTest(kind)
    defer { store.remove() }
    let bench = try store.open()
    let other = try store.open()
    let one = Array(StoreUnderTest.freeSerials(bench.state, account: "ACC-0001").prefix(2))
    let two = Array(StoreUnderTest.freeSerials(bench.state, account: "ACC-0002").prefix(2))
    try #require(one.count == 2 && two.count == 2)
    let before = bench.lastSequence
    let session = Self.session([one[0], two[0], one[1], two[1]], bench.state, id: "Rboth")
    #expect(session.refusedScans.isEmpty)
    let done = try bench.commit(
      returns: session, context: StoreUnderTest.context, key: "returns-\(kind)")
    #expect(done.results.map(\.transaction.account) == ["ACC-0001", "ACC-0002"])
    #expect(done.results.map(\.transaction.serials) == [one, two])
    #expect(done.results.allSatisfy { $0.transaction.session == "Rboth" })
    #expect(bench.lastSequence == before + 2)
    #expect(try other.refresh())
    for serial in one + two { #expect(other.state.token(serial: serial)?.state == .available) }
    let logged = try #require(try other.transactions(account: "ACC-0002").last)
    #expect(logged == done.results[1].transaction)
    #expect(done.receipts.count == 2, "\(done.problems)")
  }

  @Test(arguments: StoreKind.available)
  func theSecondBenchOnASerialIsRefusedNamingIt(kind: StoreKind) throws {
    let store = try StoreUnderTest(kind)
    defer { store.remove() }
    let first = try store.open()
    let second = try store.open()
    let shared = try #require(StoreUnderTest.freeSerials(first.state, account: "ACC-0001").first)
    let mine = try #require(StoreUnderTest.freeSerials(first.state, account: "ACC-0002").first)
    let firstSession = Self.session([shared], first.state, id: "Rfirst")
    let secondSession = Self.session([mine, shared], second.state, id: "Rsecond")
    let taken = try first.commit(
      returns: firstSession, context: StoreUnderTest.context, key: "first-\(kind)")
    let takenId = try #require(taken.results.first?.transaction.transactionId)
    let sequence = first.lastSequence
    #expect {
      _ = try second.commit(
        returns: secondSession, context: StoreUnderTest.context, key: "second-\(kind)")
    } throws: { error in
      guard let error = error as? LedgerError, case .conflict(let text) = error else {
        return false
      }
      return text.contains(shared) && text.contains(takenId) && text.contains("tester")
        && !text.contains(mine)
    }
    let fresh = try store.open()
    #expect(fresh.lastSequence == sequence)
    #expect(fresh.state.token(serial: mine)?.state == .allocated)
    #expect(try fresh.transactions(serial: mine).allSatisfy { $0.session == nil })
    // Back at the scan list with everything else kept: scanned again, the rest commits.
    let again = secondSession.rescanned(in: second.state)
    #expect(again.scans.map(\.outcome) == [.accepted, .refused(.notAllocated)])
  }
}
