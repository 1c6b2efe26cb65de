import Foundation
import Glibc
import StockroomDomain
import StoreTestSupport
import TestSupport
import Testing

@testable import StockroomStore

/// The index file (issue 14): lookups by ID, account, serial, subscription, order and
/// warehouse answer exactly what a full scan of the ledger answers, whatever state index.bin is
/// in: behind, stale, damaged or lying about a record (file-only: the database has no index
/// file; random histories on both stores are in RandomHistoryTests).
@Suite struct IndexTests {
  @Test func aStaleIndexIsRebuilt() throws {
    let url = Support.temporaryDirectory("index-stale")
    defer { try? FileManager.default.removeItem(at: url) }
    let store = try Support.smallStore(url)
    for round in 0..<5 {
      _ = try store.commit(
        .assignSoftware(account: "ACC-0001", column: .mobilePass, inUse: round),
        context: Support.context)
    }
    try store.writeSnapshot()
    // The ledger cut back to 6 records and grown again differently: the index's stamp (record
    // 10 at its old offset) no longer matches, though the ledger is as long as before.
    let ledger = try Support.bytes(Support.ledger(url))
    let starts = Support.lineStarts(ledger)
    try Support.write(Array(ledger[..<starts[6]]), to: Support.ledger(url))
    unlink(url.appendingPathComponent("snapshot.bin").path)
    let regrown = try FileStore.open(at: url, options: IndexCheck.noIndex)
    for round in 0..<6 {
      _ = try regrown.commit(
        .assignHardware(account: "ACC-0001", serials: ["S0\(round)"], inUse: true),
        context: Support.context)
    }
    try regrown.writeSnapshot()
    let reopened = try FileStore.open(at: url)
    #expect(IndexCheck.problems(reopened) == nil)
    #expect(
      reopened.warnings.contains {
        $0.contains("index.bin does not match the ledger") && $0.contains("rebuilt")
      }, "\(reopened.warnings)")
    #expect(try FileStore.verify(at: url).isEmpty)
    // An index covering more than the ledger holds is stale too.
    try store.writeSnapshot()
    let index = try Support.bytes(url.appendingPathComponent("index.bin"))
    try Support.write(Array(ledger[..<starts[9]]), to: Support.ledger(url))
    unlink(url.appendingPathComponent("snapshot.bin").path)
    try FileStore.open(at: url, options: IndexCheck.noIndex).writeSnapshot()
    try Support.write(index, to: url.appendingPathComponent("index.bin"))
    let shorter = try FileStore.open(at: url, options: IndexCheck.readOnly)
    #expect(IndexCheck.problems(shorter) == nil)
    #expect(shorter.warnings.contains { $0.contains("index.bin") && $0.contains("rebuilt") })
  }

  @Test func aDamagedIndexIsRebuiltAndNeverTrusted() throws {
    let seed = FuzzSeed("IndexTests/aDamagedIndexIsRebuiltAndNeverTrusted")
    var random = SplitMix(seed: seed.value)
    let base = Support.temporaryDirectory("index-damage-base")
    defer { try? FileManager.default.removeItem(at: base) }
    try FaultSuite.base(base)
    let indexURL = base.appendingPathComponent("index.bin")
    let good = try Support.bytes(indexURL)
    let url = FaultSuite.scratchDirectory("index-damage")
    defer { try? FileManager.default.removeItem(at: url) }
    var cases: [(String, [UInt8])] = [
      ("empty", []), ("truncated", Array(good.prefix(good.count / 2))),
      ("garbage after", good + [1, 2, 3]),
    ]
    for _ in 0..<60 {
      let offset = Int(random.next() % UInt64(good.count))
      var bytes = good
      bytes[offset] ^= UInt8(1 << (random.next() % 8))
      cases.append(("bit flip at byte \(offset) of \(good.count)", bytes))
    }
    var rebuilt = 0
    for (name, bytes) in cases {
      try? FileManager.default.removeItem(at: url)
      try FileManager.default.copyItem(at: base, to: url)
      try Support.write(bytes, to: url.appendingPathComponent("index.bin"))
      let store = try FileStore.open(at: url)
      #expect(IndexCheck.problems(store) == nil, "\(seed.note): \(name)")
      // Every part of the file was read by the lookups but the checksum of the whole.
      let unread =
        name.hasPrefix("bit flip at byte") && bytes.count - good.count == 0
        && !store.warnings.contains { $0.contains("index.bin") && $0.contains("rebuilt") }
      if store.warnings.contains(where: { $0.contains("index.bin") && $0.contains("rebuilt") }) {
        rebuilt += 1
      }
      if unread {
        let offset = zip(bytes, good).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        #expect((offset ?? 0) >= good.count - 4, "\(seed.note): \(name) went unnoticed")
        #expect(try FileStore.verify(at: url).contains { $0.contains("index.bin") })
      } else {
        #expect(try FileStore.verify(at: url).isEmpty, "\(seed.note): \(name)")
      }
    }
    #expect(rebuilt >= cases.count - 3, "\(seed.note): \(rebuilt) of \(cases.count) rebuilt")
  }

  @Test func appendedRecordsArePickedUpWithoutARebuild() throws {
    let url = Support.temporaryDirectory("index-append")
    defer { try? FileManager.default.removeItem(at: url) }
    let first = try Support.smallStore(url, options: FileStore.Options())
    try first.writeSnapshot()
    let reader = try FileStore.open(at: url, options: IndexCheck.readOnly)
    #expect(try reader.transactions(account: "ACC-0001").count == 2)
    // Others' commits: the reader's refresh decodes them once, for its state and its index.
    for round in 0..<4 {
      _ = try first.commit(
        .assignHardware(account: "ACC-0001", serials: ["S1\(round)"], inUse: true),
        context: Support.context)
    }
    try reader.refresh()
    #expect(
      try reader.transactions(serial: "S12").map(\.transactionId) == [
        "T000003", "T000004", "T000008",
      ])
    #expect(try reader.transaction(id: "T000009")?.action == .assign)
    #expect(reader.indexDecodes == 0)
    // An index behind the snapshot: only the records between them are decoded, and the
    // index file is extended to the end of the ledger.
    var noIndex = FileStore.Options()
    noIndex.writeIndex = false
    let writer = try FileStore.open(at: url, options: noIndex)
    for round in 0..<3 {
      _ = try writer.commit(
        .assignSoftware(account: "ACC-0002", column: .mobilePass, inUse: 0),
        context: Support.context, key: "append-\(round)")
    }
    try writer.writeSnapshot()
    let later = try FileStore.open(at: url)
    #expect(IndexCheck.problems(later) == nil)
    #expect(later.indexDecodes == 7, "the 4 + 3 records after the index's stamp")
    let directory = try DataDirectory.prepare(
      url.path, create: false, environment: ProcessInfo.processInfo.environment)
    #expect(try IndexFile.open(in: directory)?.stamp.sequence == 12)
    #expect(try FileStore.open(at: url, options: IndexCheck.readOnly).indexDecodesAfterLookups == 0)
  }

  @Test func aRecordThatIsNotWhatTheIndexSaysIsDetected() throws {
    let url = Support.temporaryDirectory("index-lies")
    defer { try? FileManager.default.removeItem(at: url) }
    let store = try Support.smallStore(url, options: FileStore.Options())
    try store.writeSnapshot()
    let directory = try DataDirectory.prepare(
      url.path, create: false, environment: ProcessInfo.processInfo.environment)
    guard let honest = try IndexFile.open(in: directory) else {
      Issue.record("no index written")
      return
    }
    let locations = try honest.allLocations()
    let postings = try honest.allPostings()
    var wrongChecksum = locations
    wrongChecksum[2].crc ^= 1
    var wrongSequence = locations
    wrongSequence[2] = locations[3]
    var shifted = locations
    shifted[2].offset += 1
    var lyingPostings = postings
    let account = IndexSubject.account("ACC-0002").hash
    lyingPostings.append(Posting(hash: account, sequence: 3))
    FileStore.sortUnique(&lyingPostings)
    let lies: [(String, [RecordLocation], [Posting], String)] = [
      ("a wrong checksum", wrongChecksum, postings, "T000003"),
      ("another record's place", wrongSequence, postings, "T000003"),
      ("a place inside a record", shifted, postings, "T000003"),
      ("a posting of the wrong account", locations, lyingPostings, ""),
    ]
    for (name, lyingLocations, lyingPostings, id) in lies {
      try IndexFile.write(
        stamp: honest.stamp, locations: lyingLocations, postings: lyingPostings, in: directory)
      #expect(
        try FileStore.verify(at: url).contains { $0.contains("index.bin") }, "verify: \(name)")
      let reader = try FileStore.open(at: url, options: IndexCheck.readOnly)
      if !id.isEmpty {
        #expect(try reader.transaction(id: id)?.transactionId == id, "\(name)")
        #expect(reader.warnings.contains { $0.contains("rebuilt") }, "\(name): \(reader.warnings)")
      }
      #expect(try reader.transactions(account: "ACC-0002").isEmpty, "\(name)")
      #expect(IndexCheck.problems(reader) == nil, "\(name)")
    }
  }
}

/// File store options for opening without writing, or without an index.
extension IndexCheck {
  static var readOnly: FileStore.Options {
    var options = FileStore.Options()
    options.readOnly = true
    return options
  }

  /// Replays the whole ledger and writes no index (snapshots only when asked).
  static var noIndex: FileStore.Options {
    var options = FileStore.Options()
    options.useSnapshot = false
    options.writeSnapshot = false
    options.writeIndex = false
    return options
  }
}

extension FileStore {
  /// How many records a fresh store decodes for the index while answering every lookup.
  var indexDecodesAfterLookups: Int {
    _ = IndexCheck.problems(self)
    return indexDecodes
  }
}
