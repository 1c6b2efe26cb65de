import Foundation
import StockroomDomain
import StockroomStore
import TestSupport
import Testing

@testable import StockroomPostgres

/// The returns session's group commit, the same on both stores: every account's
/// `deallocate-hardware` transaction or none, each with the session's ID, in one write; a
/// crash at any crash point of the commit leaves all or none; a serial another bench took
/// meanwhile refuses the whole session, naming the serial and who took it.
@Suite struct ReturnsContractTests {
  @Test(.postgres) func theDatabaseCasesRun() throws { try StoreKind.reachTheServer() }

  static func session(_ serials: [String], _ state: InventoryState, id: String) -> ReturnsSession {
    var session = ReturnsSession(id: id, settings: ReturnsSettings(reference: "RMA-\(id)"))
    for serial in serials { session.scan(serial, in: state) }
    return session
  }

  /// Unused serials of the demo's first three accounts (two, two and one), and the order a
  /// bench scans them in: interleaved.
  static func scanned(_ state: InventoryState) throws -> (accounts: [[String]], scans: [String]) {
    let accounts = zip(["ACC-0001", "ACC-0002", "ACC-0003"], [2, 2, 1]).map {
      Array(StoreUnderTest.freeSerials(state, account: $0).prefix($1))
    }
    try #require(accounts.map(\.count) == [2, 2, 1])
    return (
      accounts, [accounts[0][0], accounts[1][0], accounts[0][1], accounts[2][0], accounts[1][1]]
    )
  }

  /// A session is one write (a ledger record, an SQL transaction) of ordinary transactions,
  /// one per account in the session's account order, each its own Transaction ID, read back
  /// by another session, a replay, a snapshot, the lookups and `verify`.
  @Test(arguments: StoreKind.available)
  func aSessionIsOneWriteOfOrdinaryTransactions(kind: StoreKind) throws {
    let store = try StoreUnderTest(kind)
    defer { store.remove() }
    let (bench, other, _) = try store.sessions(free: 0)
    let (accounts, scans) = try Self.scanned(bench.state)
    let before = bench.lastSequence
    let writes = try store.writes()
    let session = Self.session(scans, bench.state, id: "Rtest")
    #expect(session.refusedScans.isEmpty)
    let done = try bench.commit(returns: session, context: StoreUnderTest.context, key: "group")
    let ids = done.results.map(\.transaction.transactionId)
    #expect(ids == (1...3).map { Transaction.identifier(sequence: before + UInt64($0)) })
    #expect(done.results.map(\.transaction.account) == ["ACC-0001", "ACC-0002", "ACC-0003"])
    #expect(done.results.map(\.transaction.serials) == accounts)
    #expect(done.results.allSatisfy { $0.transaction.session == "Rtest" })
    #expect(done.results.allSatisfy { $0.transaction.action == .deallocateHardware })
    #expect(try store.writes() == writes + 1)
    #expect(done.receipts.count == 3 && done.posted.count == 3, "\(done.problems)")
    let receipt = try String(contentsOfFile: done.receipts[0], encoding: .utf8)
    #expect(receipt.contains("Transaction ID: \(ids[0])"))
    #expect(receipt.contains(accounts[0].joined(separator: ", ")))
    // A retry with the same key writes nothing.
    let again = try bench.commit(returns: session, context: StoreUnderTest.context, key: "group")
    #expect(again.results.allSatisfy { $0.alreadyCommitted })
    #expect(bench.lastSequence == before + 3)
    #expect(try store.writes() == writes + 1)
    #expect(try other.refresh())
    #expect(scans.allSatisfy { other.state.token(serial: $0)?.state == .available })
    try StoreUnderTest.writeSnapshot(bench)
    for fromSnapshot in [false, true] {
      let reopened = try store.open(fromSnapshot: fromSnapshot)
      #expect(reopened.state == bench.state)
      #expect(reopened.lastSequence == before + 3)
      #expect(try reopened.transaction(id: ids[1])?.account == "ACC-0002")
      #expect(try reopened.transactions(serial: accounts[2][0]).last?.transactionId == ids[2])
      #expect(try reopened.transactions(account: "ACC-0001").last == done.results[0].transaction)
    }
    var seen: [String] = []
    try store.open().forEachTransaction {
      seen.append($0.transactionId)
      return true
    }
    #expect(Array(seen.suffix(3)) == ids)
    #expect(try store.verify() == [])
  }

  /// Where `stockroom returns --yes` is made to crash while committing, and what must be there
  /// after: the file's write and fsync, the database's rows written and COMMIT acknowledged.
  struct CrashPoint: Sendable, CustomTestStringConvertible {
    var kind: StoreKind
    var point: FaultInjection.Point
    /// True: all of the session; false: none of it; nil: either.
    var committed: Bool?

    var testDescription: String { "\(kind) \(point.rawValue)" }

    static let all = [
      CrashPoint(kind: .file, point: .beforeWrite, committed: false),
      CrashPoint(kind: .file, point: .afterWrite, committed: nil),
      CrashPoint(kind: .file, point: .afterFsync, committed: true),
      CrashPoint(kind: .postgres, point: .databaseWritten, committed: false),
      CrashPoint(kind: .postgres, point: .databaseCommitted, committed: true),
    ]
  }

  /// `stockroom returns --yes` killed at each crash point of its commit: all or none.
  @Test(arguments: CrashPoint.all)
  func aCrashInTheGroupCommitLeavesAllOrNone(crash: CrashPoint) throws {
    let store = try StoreUnderTest(crash.kind)
    defer { store.remove() }
    let binary = try #require(Program.stockroom?.path, "build the stockroom executable first")
    let opened = try store.open()
    let sequence = opened.lastSequence
    let (_, scans) = try Self.scanned(opened.state)
    let list = store.directory.appendingPathComponent("scanned.txt")
    try FileManager.default.createDirectory(
      at: store.directory, withIntermediateDirectories: true)
    try scans.joined(separator: "\n").write(to: list, atomically: true, encoding: .utf8)
    let run = try Program.run(
      binary, ["returns", "--serials-from", list.path, "--yes"] + store.arguments,
      environment: ["STOCKROOM_CRASH_AT": crash.point.rawValue])
    #expect(run.status != 0, "the crash point \(crash) was not reached")
    let after = try store.open()
    let committed = after.lastSequence - sequence
    #expect(committed == 0 || committed == 3, "\(crash): \(committed) of 3 committed")
    let returned = scans.filter { after.state.token(serial: $0)?.state == .available }
    #expect(returned.isEmpty || returned.count == scans.count)
    if let all = crash.committed { #expect(committed == (all ? 3 : 0), "\(crash)") }
    #expect(try store.verify() == [])
  }

  @Test(arguments: StoreKind.available)
  func theSecondBenchOnASerialIsRefusedNamingIt(kind: StoreKind) throws {
    let store = try StoreUnderTest(kind)
    defer { store.remove() }
    let (first, second, free) = try store.sessions()
    let mine = free[0]
    let shared = try #require(StoreUnderTest.freeSerials(first.state, account: "ACC-0001").first)
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
