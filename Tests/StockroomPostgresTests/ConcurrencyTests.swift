import Foundation
import Glibc
import StockroomDomain
import StockroomStore
import TestSupport
import Testing

@testable import StockroomPostgres

/// Sessions and processes on one store, the same on both stores: a refresh shows what others
/// committed, a backup is a consistent file store, processes racing for serials move each
/// once, and a process killed while committing loses nothing it acknowledged. (A stale pick is
/// in LedgerContractTests.)
@Suite(.serialized) struct ConcurrencyTests {
  @Test(.postgres) func theDatabaseCasesRun() throws { try StoreKind.reachTheServer() }

  @Test(arguments: StoreKind.available)
  func refreshShowsOtherSessionsCommits(kind: StoreKind) throws {
    let store = try StoreUnderTest(kind)
    defer { store.remove() }
    let (first, second, _) = try store.sessions(free: 0)
    _ = try first.commit(
      .assignSoftware(account: "ACC-0001", column: .mobilePass, inUse: 4),
      context: StoreUnderTest.context, key: "assign")
    #expect(try second.refresh())
    #expect(second.state.accounts[0].holding(.mobilePass).inUse == 4)
  }

  @Test(arguments: StoreKind.available)
  func backupIsConsistentAndVerifies(kind: StoreKind) throws {
    let store = try StoreUnderTest(kind)
    defer { store.remove() }
    let session = try store.open()
    let target = store.directory.appendingPathExtension("backup")
    defer { try? FileManager.default.removeItem(at: target) }
    try session.backup(to: target, progress: nil)
    #expect(try FileStore.verify(at: target) == [])
    #expect(try FileStore.open(at: target).state == session.state)
    #expect(throws: LedgerError.self) { try session.backup(to: target, progress: nil) }
  }

  /// Several processes deallocate overlapping serials at once: each serial moves once.
  @Test(arguments: StoreKind.available)
  func processesCommittingConflictingPicks(kind: StoreKind) throws {
    let store = try StoreUnderTest(kind)
    defer { store.remove() }
    let binary = try #require(Program.stockroom?.path, "build the stockroom executable first")
    let pool = Array(
      StoreUnderTest.freeSerials(try store.open().state, account: "ACC-0001")
        .prefix(20))
    try #require(pool.count == 20)
    let processes = 5
    var running: [(Process, Pipe)] = []
    for worker in 0..<processes {
      let serials = (0..<12).map { pool[(worker * 3 + $0) % 20] }
      let process = Process()
      process.executableURL = URL(fileURLWithPath: binary)
      process.arguments = ["_commit-test"] + store.arguments + ["--serial"] + serials
      let pipe = Pipe()
      process.standardOutput = pipe
      try process.run()
      running.append((process, pipe))
    }
    var outputs: [String] = []
    for (process, pipe) in running {
      outputs.append(
        String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
      process.waitUntilExit()
      #expect(process.terminationStatus == 0)
    }
    let lines = outputs.joined().split(separator: "\n").map { $0.split(separator: " ") }
    let ok = lines.filter { $0.first == "ok" }
    let movedSerials = ok.map { String($0[1]) }
    #expect(Set(movedSerials).count == movedSerials.count)
    #expect(Set(movedSerials) == Set(pool))
    #expect(lines.count == processes * 12)
    #expect(lines.contains { $0.first == "conflict" || $0.first == "refused" })
    #expect(lines.allSatisfy { ["ok", "conflict", "refused"].contains(String($0.first ?? "")) })
    let session = try store.open()
    var seen: [String: Int] = [:]
    try session.forEachTransaction { transaction in
      seen[transaction.transactionId, default: 0] += 1
      return true
    }
    for line in ok { #expect(seen[String(line[2])] == 1) }
    #expect(pool.allSatisfy { session.state.token(serial: $0)?.state == .available })
    #expect(try store.verify() == [])
  }

  /// kill -9 in the middle of committing: every acknowledged transaction survives.
  @Test(arguments: StoreKind.available)
  func killedWhileCommittingLosesNothingAcknowledged(kind: StoreKind) throws {
    let store = try StoreUnderTest(kind)
    defer { store.remove() }
    let binary = try #require(Program.stockroom?.path, "build the stockroom executable first")
    let rounds = LongTests.enabled ? 300 : 12
    var acknowledged: [String: String] = [:]
    for round in 0..<rounds {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: binary)
      process.arguments =
        ["_commit-test", "--mode", "loop", "--count", "100000", "--key-prefix", "round-\(round)"]
        + store.arguments
      let pipe = Pipe()
      process.standardOutput = pipe
      process.standardError = FileHandle.nullDevice
      try process.run()
      usleep(UInt32(120_000 + (round * 7_919) % 120_000))
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      for line in text.split(separator: "\n") {
        let parts = line.split(separator: " ")
        if parts.count == 3 { acknowledged[String(parts[1])] = String(parts[2]) }
      }
      #expect(try store.open().state.invariantViolations() == [])
    }
    var keys: [String: String] = [:]
    try store.open().forEachTransaction {
      keys[$0.key] = $0.transactionId
      return true
    }
    #expect(!acknowledged.isEmpty)
    for (key, id) in acknowledged { #expect(keys[key] == id) }
    #expect(try store.verify() == [])
  }
}
