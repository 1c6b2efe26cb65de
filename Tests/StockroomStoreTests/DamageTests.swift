import Foundation
import StockroomDomain
import TestSupport
import Testing

@testable import StockroomStore

/// Damaged ledger and snapshot files: torn tails cut, bit flips and broken chains refused
/// naming file and offset, bad snapshots rebuilt, `repair`. File-only: these are the bytes of
/// the file store's files; a database's ledger rows cannot be changed (DatabaseGuardTests) and
/// its damaged local snapshot is replaced (LocalSnapshotTests).
@Suite struct DamageTests {
  /// Cutting the last record at every byte offset is a torn tail: cut, copied, warned.
  @Test func tornTailIsCutAtEveryOffset() throws {
    let url = Support.temporaryDirectory()
    let full = try Support.smallStore(url).state
    let bytes = try Support.bytes(Support.ledger(url))
    let lastStart = Support.lineStarts(bytes).last ?? 0
    let expected = try replayedState(Array(bytes[..<lastStart]))
    for cut in (lastStart + 1)..<bytes.count {
      try Support.write(Array(bytes[..<cut]), to: Support.ledger(url))
      let store = try FileStore.open(at: url, options: Support.options())
      #expect(store.lastSequence == 4)
      #expect(store.state == expected)
      #expect(
        store.warnings.contains {
          $0.contains("at byte \(lastStart)") && $0.contains("ledger.jsonl")
        })
      #expect(try Support.bytes(Support.ledger(url)).count == lastStart)
      let copy = url.appendingPathComponent("ledger.jsonl.torn-\(lastStart)")
      #expect(try Support.bytes(copy) == Array(bytes[lastStart..<cut]))
    }
    try Support.write(bytes, to: Support.ledger(url))
    #expect(try FileStore.open(at: url, options: Support.options()).state == full)
  }

  /// A reader without the lock never cuts anything.
  @Test func readOnlyOpenLeavesATornTail() throws {
    let url = Support.temporaryDirectory()
    _ = try Support.smallStore(url)
    var bytes = try Support.bytes(Support.ledger(url))
    bytes += Array(#"{"crc":"12"#.utf8)
    try Support.write(bytes, to: Support.ledger(url))
    var options = Support.options()
    options.readOnly = true
    let store = try FileStore.open(at: url, options: options)
    #expect(store.lastSequence == 5)
    #expect(try Support.bytes(Support.ledger(url)) == bytes)
  }

  /// A single flipped bit in any record before the last refuses to open, naming its offset.
  @Test func bitFlipsBeforeTheLastRecordAreRefusedWithTheOffset() throws {
    let url = Support.temporaryDirectory()
    _ = try Support.smallStore(url)
    let bytes = try Support.bytes(Support.ledger(url))
    let starts = Support.lineStarts(bytes)
    let lastStart = starts.last ?? 0
    let stride = LongTests.enabled ? 1 : 7
    for position in Swift.stride(from: 0, to: lastStart, by: stride) {
      var damaged = bytes
      damaged[position] ^= UInt8(1 << (position % 8))
      try Support.write(damaged, to: Support.ledger(url))
      let recordStart = starts.last { $0 <= position } ?? 0
      #expect {
        _ = try FileStore.open(at: url, options: Support.options())
      } throws: { error in
        guard let error = error as? StoreError, error.exitCode == 4 else { return false }
        return error.message.contains("ledger.jsonl at byte \(recordStart):")
      }
    }
  }

  @Test func gapsAndBrokenChainsAreRefused() throws {
    let url = Support.temporaryDirectory()
    _ = try Support.smallStore(url)
    let bytes = try Support.bytes(Support.ledger(url))
    let starts = Support.lineStarts(bytes)
    // Drop record 3: a gap.
    let gap = Array(bytes[..<starts[2]]) + Array(bytes[starts[3]...])
    try Support.write(gap, to: Support.ledger(url))
    #expect(throws: StoreError.self) { try FileStore.open(at: url, options: Support.options()) }
    do throws(StoreError) {
      _ = try FileStore.open(at: url, options: Support.options())
    } catch {
      #expect(error.message.contains("at byte \(starts[2]): sequence gap: expected 3, found 4"))
    }
    // Re-sign record 3 with a wrong previous checksum: a broken chain.
    let line = Array(bytes[starts[2]..<(starts[3] - 1)])
    let data = Data(line)
    let transaction = try JSONDecoder().decode(Transaction.self, from: data)
    let (forged, _) = try LedgerRecord.encode(transaction, sequence: 3, previous: 0x1234_5678)
    let chain = Array(bytes[..<starts[2]]) + forged + Array(bytes[starts[3]...])
    try Support.write(chain, to: Support.ledger(url))
    do throws(StoreError) {
      _ = try FileStore.open(at: url, options: Support.options())
      Issue.record("a broken chain opened")
    } catch {
      #expect(error.message.contains("at byte \(starts[2]): broken chain"))
    }
  }

  @Test func snapshotPlusTailEqualsFullReplayAndBadSnapshotsAreRebuilt() throws {
    let url = Support.temporaryDirectory()
    let store = try Support.smallStore(url, options: Support.options(snapshots: true))
    try store.writeSnapshot()
    _ = try store.commit(
      .deallocateHardware(
        account: "ACC-0001", serials: ["S03"], disposition: .faulty, container: nil),
      context: Support.context)
    let fast = try FileStore.open(at: url, options: Support.options(snapshots: true))
    let slow = try FileStore.open(at: url, options: Support.options())
    #expect(fast.state == slow.state)
    #expect(fast.warnings.isEmpty)
    #expect(try FileStore.verify(at: url) == [])
    let snapshot = url.appendingPathComponent("snapshot.bin")
    var bytes = try Support.bytes(snapshot)
    // In the small state, checked at open (token pages are checked as they are read).
    bytes[SnapshotLayout.smallOffset + 20] ^= 0x10
    try Support.write(bytes, to: snapshot)
    let rebuilt = try FileStore.open(at: url, options: Support.options(snapshots: true))
    #expect(rebuilt.warnings.contains { $0.contains("snapshot.bin") && $0.contains("rebuilt") })
    #expect(rebuilt.state == slow.state)
    #expect(try FileStore.verify(at: url) == [])
  }

  @Test func aDamagedTokenPageIsReadFromTheLedgerInstead() throws {
    let url = Support.temporaryDirectory()
    let store = try Support.smallStore(url, options: Support.options(snapshots: true))
    try store.writeSnapshot()
    let snapshot = url.appendingPathComponent("snapshot.bin")
    var bytes = try Support.bytes(snapshot)
    let layout = try SnapshotLayout.read(
      Array(bytes[0..<SnapshotLayout.headerSize]), fileSize: bytes.count, path: snapshot.path)
    // S00's account: ACC-0001 (0) becomes ACC-0002 (1), a token that would look sound.
    bytes[layout.recordsOffset] ^= 0x01
    unlink(snapshot.path)
    try Support.write(bytes, to: snapshot)
    let opened = try FileStore.open(at: url, options: Support.options(snapshots: true))
    #expect(opened.warnings.isEmpty)
    #expect(!opened.snapshotIsDue)
    #expect(opened.state.token(serial: "S00")?.accountIndex == 0)
    #expect(opened.snapshotIsDue)
    let slow = try FileStore.open(at: url, options: Support.options())
    #expect(opened.state == slow.state)
    #expect(
      try FileStore.verify(at: url).contains {
        $0.contains(snapshot.path) && $0.contains("token page 0")
      })
    try opened.writeSnapshotIfDue()
    #expect(try FileStore.verify(at: url) == [])
  }

  @Test func openingReadsTheLedgerOnlyAfterTheSnapshotsStamp() throws {
    let url = Support.temporaryDirectory()
    let store = try Support.smallStore(url, options: Support.options(snapshots: true))
    try store.writeSnapshot()
    _ = try store.commit(
      .assignSoftware(account: "ACC-0001", column: .mobilePass, inUse: 3), context: Support.context)
    var bytes = try Support.bytes(Support.ledger(url))
    let starts = Support.lineStarts(bytes)
    // A byte of the second record, long before the stamp: not read when opening.
    bytes[starts[1] + 30] ^= 0x01
    try Support.write(bytes, to: Support.ledger(url))
    let opened = try FileStore.open(at: url, options: Support.options(snapshots: true))
    #expect(opened.warnings.isEmpty)
    #expect(opened.state.accounts[0].holding(.mobilePass).inUse == 3)
    // verify reads every record and names the damage; any full read refuses the same way.
    #expect {
      _ = try FileStore.verify(at: url)
    } throws: { error in
      (error as? StoreError)?.message.contains("at byte \(starts[1]): checksum mismatch") ?? false
    }
  }

  @Test func aSnapshotOfAnOlderFormatIsRebuiltFromTheLedger() throws {
    let url = Support.temporaryDirectory()
    let store = try Support.smallStore(url, options: Support.options(snapshots: true))
    try store.writeSnapshot()
    let snapshot = url.appendingPathComponent("snapshot.bin")
    // A format 2 snapshot: its magic, then the version.
    try Support.write(
      Array("STKSNAP1".utf8) + [2, 0, 0, 0] + Array(repeating: 7, count: 64), to: snapshot)
    let rebuilt = try FileStore.open(at: url, options: Support.options(snapshots: true))
    #expect(
      rebuilt.warnings == [
        "\(snapshot.path): snapshot format 2 not supported; rebuilt from the ledger"
      ])
    let slow = try FileStore.open(at: url, options: Support.options())
    #expect(rebuilt.state == slow.state)
    #expect(Snapshot.sequence(in: rebuilt.directory) == slow.lastSequence)
    #expect(try FileStore.verify(at: url) == [])
  }

  @Test func aLedgerShorterThanItsSnapshotIsRefused() throws {
    let url = Support.temporaryDirectory()
    let store = try Support.smallStore(url, options: Support.options(snapshots: true))
    try store.writeSnapshot()
    let bytes = try Support.bytes(Support.ledger(url))
    let starts = Support.lineStarts(bytes)
    try Support.write(Array(bytes[..<starts[3]]), to: Support.ledger(url))
    #expect {
      _ = try FileStore.open(at: url, options: Support.options(snapshots: true))
    } throws: { error in
      (error as? StoreError)?.message.contains("before sequence 5 that the snapshot covers")
        ?? false
    }
  }

  @Test func repairCutsAtTheFirstDamagedRecord() throws {
    let url = Support.temporaryDirectory()
    _ = try Support.smallStore(url)
    var bytes = try Support.bytes(Support.ledger(url))
    let starts = Support.lineStarts(bytes)
    bytes[starts[3] + 30] ^= 1
    try Support.write(bytes, to: Support.ledger(url))
    let done = try FileStore.repair(at: url)
    #expect(done.first?.contains("at byte \(starts[3])") ?? false)
    let store = try FileStore.open(at: url, options: Support.options())
    #expect(store.lastSequence == 3)
    #expect(try FileStore.verify(at: url) == [])
  }

  private func replayedState(_ bytes: [UInt8]) throws -> InventoryState {
    let url = Support.temporaryDirectory("replay")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    try Support.write(bytes, to: Support.ledger(url))
    return try FileStore.open(at: url, options: Support.options()).state
  }
}
