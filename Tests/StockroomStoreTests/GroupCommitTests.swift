import Foundation
import StockroomDomain
import TestSupport
import Testing

@testable import StockroomStore

/// The returns session's group commit on the file store: one ledger record carrying each
/// account's transaction (each its own Transaction ID), read back by replay, lookups, the
/// index, the snapshot and `verify` as ordinary transactions; a torn tail or a crash at any
/// of the commit's crash points leaves all of them or none.
@Suite struct GroupCommitTests {
  /// Three accounts holding `A0…A5`, `B0…B5` and `C0…C5`.
  static func store(_ url: URL) throws -> FileStore {
    let store = try FileStore.open(at: url, options: Support.options(snapshots: true))
    var commands: [Command] = [
      .define(
        Definitions(
          provider: "P",
          containers: [Container(code: "MAIN", name: "Main"), Container(code: "RET", name: "R")],
          models: ["RB-1", "KT-4"],
          accounts: ["A", "B", "C"].enumerated().map {
            AccountDefinition(
              code: "ACC-000\($0 + 1)", name: "Customer \($1)", contact: "\($1)@example.test")
          }))
    ]
    for (index, prefix) in ["A", "B", "C"].enumerated() {
      let serials = (0..<6).map { "\(prefix)\($0)" }
      commands += [
        .receiveHardware(
          model: index == 2 ? "KT-4" : "RB-1", serials: serials, ownership: .owned,
          container: nil, needsPIN: false),
        .allocateHardware(account: "ACC-000\(index + 1)", serials: serials, type: .rental),
      ]
    }
    for command in commands { _ = try store.commit(command, context: Support.context) }
    return store
  }

  static func session(_ serials: [String], in state: InventoryState) -> ReturnsSession {
    var session = ReturnsSession(id: "Rtest", settings: ReturnsSettings(reference: "RMA-1"))
    for serial in serials { session.scan(serial, in: state) }
    return session
  }

  static let scanned = ["A0", "B0", "A1", "C0", "B1"]

  @Test func aSessionIsOneRecordOfOrdinaryTransactions() throws {
    let url = Support.temporaryDirectory("group")
    let store = try Self.store(url)
    let before = store.lastSequence
    let lines = try Support.lineStarts(Support.bytes(Support.ledger(url))).count
    let session = Self.session(Self.scanned, in: store.state)
    let done = try store.commit(returns: session, context: Support.context, key: "group-1")
    let ids = done.results.map(\.transaction.transactionId)
    #expect(ids == (1...3).map { Transaction.identifier(sequence: before + UInt64($0)) })
    #expect(done.results.map(\.transaction.account) == ["ACC-0001", "ACC-0002", "ACC-0003"])
    #expect(done.results.allSatisfy { $0.transaction.session == "Rtest" })
    #expect(done.results.allSatisfy { $0.transaction.action == .deallocateHardware })
    #expect(try Support.lineStarts(Support.bytes(Support.ledger(url))).count == lines + 1)
    #expect(done.receipts.count == 3 && done.posted.count == 3)
    let receipt = try String(contentsOfFile: done.receipts[0], encoding: .utf8)
    #expect(receipt.contains("Transaction ID: \(ids[0])") && receipt.contains("A0, A1"))
    // A retry with the same key writes nothing.
    let again = try store.commit(returns: session, context: Support.context, key: "group-1")
    #expect(again.results.allSatisfy { $0.alreadyCommitted })
    #expect(store.lastSequence == before + 3)
    // Replay, lookups (by ID, account, serial), the index and verify see three transactions.
    for useSnapshot in [false, true] {
      var options = Support.options(snapshots: useSnapshot)
      options.useSnapshot = useSnapshot
      let reopened = try FileStore.open(at: url, options: options)
      #expect(reopened.state == store.state)
      #expect(reopened.lastSequence == before + 3)
      #expect(try reopened.transaction(id: ids[1])?.account == "ACC-0002")
      #expect(try reopened.transactions(serial: "C0").last?.transactionId == ids[2])
      #expect(try reopened.transactions(account: "ACC-0001").last?.serials == ["A0", "A1"])
      if useSnapshot { try reopened.writeSnapshot() }
    }
    var seen: [String] = []
    try FileStore.open(at: url, options: Support.options()).forEachTransaction {
      seen.append($0.transactionId)
      return true
    }
    #expect(Array(seen.suffix(3)) == ids)
    #expect(try FileStore.verify(at: url) == [])
  }

  /// The record cut anywhere inside: a torn tail, cut on opening; none of the session is there.
  @Test func aTornGroupDropsTheWholeSession() throws {
    let url = Support.temporaryDirectory("group-torn")
    let store = try Self.store(url)
    let before = store.state
    let sequence = store.lastSequence
    let ledger = Support.ledger(url)
    let start = try Support.bytes(ledger).count
    _ = try store.commit(
      returns: Self.session(Self.scanned, in: store.state), context: Support.context, key: "g")
    let whole = try Support.bytes(ledger)
    for cut in [start + 1, start + 40, (start + whole.count) / 2, whole.count - 1] {
      let copy = Support.temporaryDirectory("group-torn-copy")
      try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
      try Support.write(Array(whole[..<cut]), to: Support.ledger(copy))
      let opened = try FileStore.open(at: copy, options: Support.options())
      #expect(opened.lastSequence == sequence, "cut at \(cut)")
      #expect(opened.state == before, "cut at \(cut)")
      #expect(opened.warnings.contains { $0.contains("cut an incomplete record") })
      #expect(try FileStore.verify(at: copy) == [])
    }
  }

  /// `stockroom returns --yes` killed at each crash point of its commit: all or none.
  @Test(arguments: [FaultInjection.Point.beforeWrite, .afterWrite, .afterFsync])
  func aCrashInTheGroupCommitLeavesAllOrNone(point: FaultInjection.Point) throws {
    guard let binary = Support.executable?.path else {
      Issue.record("build the stockroom executable first")
      return
    }
    let url = Support.temporaryDirectory("group-crash")
    let sequence = try Self.store(url).lastSequence
    let list = url.appendingPathComponent("scanned.txt")
    try Self.scanned.joined(separator: "\n").write(to: list, atomically: true, encoding: .utf8)
    let run = try Support.run(
      binary,
      ["returns", "--serials-from", list.path, "--yes", "--data-dir", url.path],
      environment: ["STOCKROOM_CRASH_AT": point.rawValue])
    #expect(run.status != 0, "the crash point \(point.rawValue) was not reached")
    let store = try FileStore.open(at: url, options: Support.options())
    let committed = store.lastSequence - sequence
    #expect(committed == 0 || committed == 3, "\(point.rawValue): \(committed) of 3 committed")
    let returned = Self.scanned.filter { store.state.token(serial: $0)?.state == .available }
    #expect(returned.isEmpty || returned.count == Self.scanned.count)
    #expect(point != .beforeWrite || committed == 0)
    #expect(point != .afterFsync || committed == 3)
    #expect(try FileStore.verify(at: url) == [])
  }
}
