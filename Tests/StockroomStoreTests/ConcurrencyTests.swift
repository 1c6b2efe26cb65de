import Foundation
import Glibc
import StockroomDomain
import Testing

@testable import StockroomStore

@Suite(.serialized) struct ConcurrencyTests {
  @Test func aStalePickIsAConflictNamingWhatChanged() throws {
    let url = Support.temporaryDirectory()
    let first = try Support.smallStore(url)
    let second = try FileStore.open(at: url, options: Support.options())
    let pick = Command.deallocateHardware(
      account: "ACC-0001", serials: ["S05"], disposition: .return, container: nil)
    let done = try first.commit(pick, context: Support.context)
    let size = try Support.bytes(Support.ledger(url)).count
    #expect {
      _ = try second.commit(pick, context: Support.context)
    } throws: { error in
      guard let error = error as? StoreError, error.exitCode == 3 else { return false }
      return error.message.contains(done.transaction.transactionId) && error.message.contains("S05")
    }
    #expect(try Support.bytes(Support.ledger(url)).count == size)
    #expect(second.state.token(serial: "S05")?.state == .available)
    #expect(try second.refresh() == false)
  }

  @Test func refreshShowsOtherSessionsCommits() throws {
    let url = Support.temporaryDirectory()
    let first = try Support.smallStore(url)
    let second = try FileStore.open(at: url, options: Support.options())
    _ = try first.commit(
      .assignSoftware(account: "ACC-0001", column: .mobilePass, inUse: 4), context: Support.context)
    #expect(try second.refresh())
    #expect(second.state.accounts[0].holding(.mobilePass).inUse == 4)
  }

  @Test func backupIsConsistentAndVerifies() throws {
    let url = Support.temporaryDirectory()
    let store = try Support.smallStore(url)
    let target = Support.temporaryDirectory("backup")
    try store.backup(to: target)
    #expect(try FileStore.verify(at: target) == [])
    #expect(try FileStore.open(at: target, options: Support.options()).state == store.state)
    #expect(throws: StoreError.self) { try store.backup(to: target) }
  }

  /// Several processes deallocate overlapping serials at once: each serial moves once.
  @Test func processesCommittingConflictingPicks() throws {
    guard let binary = Support.executable?.path else {
      Issue.record("build the stockroom executable first")
      return
    }
    let url = Support.temporaryDirectory("multi")
    _ = try Support.smallStore(url)
    let processes = 5
    var running: [(Process, Pipe)] = []
    for worker in 0..<processes {
      let serials = (0..<12).map { String(format: "S%02d", (worker * 3 + $0) % 20) }
      let process = Process()
      process.executableURL = URL(fileURLWithPath: binary)
      process.arguments = ["_commit-test", "--data-dir", url.path, "--serial"] + serials
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
    #expect(Set(movedSerials).count == 20)
    #expect(lines.count == processes * 12)
    #expect(lines.contains { $0.first == "conflict" || $0.first == "refused" })
    #expect(lines.allSatisfy { ["ok", "conflict", "refused"].contains(String($0.first ?? "")) })
    let store = try FileStore.open(at: url, options: Support.options())
    var seen: [String: Int] = [:]
    try store.forEachTransaction { transaction in
      seen[transaction.transactionId, default: 0] += 1
      return true
    }
    for line in ok { #expect(seen[String(line[2])] == 1) }
    #expect(store.state.tokens.allSatisfy { $0.state == .available })
    #expect(try FileStore.verify(at: url) == [])
  }

  /// kill -9 in the middle of committing: every acknowledged transaction survives.
  @Test func killedWhileCommittingLosesNothingAcknowledged() throws {
    guard let binary = Support.executable?.path else {
      Issue.record("build the stockroom executable first")
      return
    }
    let url = Support.temporaryDirectory("crash")
    _ = try Support.smallStore(url)
    let rounds = Support.longTests ? 300 : 12
    var acknowledged: [String: String] = [:]
    for round in 0..<rounds {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: binary)
      process.arguments = [
        "_commit-test", "--mode", "loop", "--count", "100000", "--data-dir", url.path,
      ]
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
      let store = try FileStore.open(at: url, options: Support.options())
      #expect(store.state.invariantViolations() == [])
    }
    var keys: [String: String] = [:]
    try FileStore.open(at: url, options: Support.options()).forEachTransaction {
      keys[$0.key] = $0.transactionId
      return true
    }
    #expect(!acknowledged.isEmpty)
    for (key, id) in acknowledged { #expect(keys[key] == id) }
    #expect(try FileStore.verify(at: url) == [])
  }

  /// A full disk fails the commit clearly, cuts back, and the store still opens.
  @Test(.needsTmpfsMount) func diskFullFailsTheCommitAndLosesNothing() throws {
    let mount = Support.temporaryDirectory("tmpfs")
    try FileManager.default.createDirectory(at: mount, withIntermediateDirectories: true)
    let mounted = try Support.run(
      "/bin/mount", ["-t", "tmpfs", "-o", "size=256k", "tmpfs", mount.path])
    // The trait found a tmpfs mountable: failing now is a failure, not a skip.
    try #require(mounted.status == 0, "cannot mount a tmpfs: \(mounted.err)")
    defer { _ = try? Support.run("/bin/umount", [mount.path]) }
    let url = mount.appendingPathComponent("data")
    let store = try Support.smallStore(url)
    let before = store.state
    let serials = (0..<30_000).map { "BIG\($0)" }
    #expect {
      _ = try store.commit(
        .receiveHardware(
          model: "RB-1", serials: serials, ownership: .owned, container: nil, needsPIN: false),
        context: Support.context)
    } throws: { error in
      guard let error = error as? StoreError, case .commitFailed = error else { return false }
      return error.message.contains("No space left on device")
    }
    #expect(store.state == before)
    let reopened = try FileStore.open(at: url, options: Support.options())
    #expect(reopened.state == before)
    #expect(reopened.warnings.isEmpty)
    _ = try reopened.commit(
      .assignSoftware(account: "ACC-0001", column: .mobilePass, inUse: 2), context: Support.context)
    #expect(try FileStore.verify(at: url) == [])
  }
}
