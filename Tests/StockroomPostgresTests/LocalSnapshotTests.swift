import Foundation
import Glibc
import StockroomDomain
import TestSupport
import Testing

@testable import StockroomPostgres
@testable import StockroomStore

/// A database store's local snapshot: written in the data directory under the store's id,
/// opening from it reads only the records after it and builds the state a full replay builds;
/// one that does not match the database's chain, or is damaged, is replaced after a replay
/// with a warning; a new one is due after `snapshotInterval` records, and `verify` compares it
/// with the full replay.
@Suite(.postgres) struct LocalSnapshotTests {
  /// The store opened with a full replay from the database, as `verify` does.
  static func replayed(_ store: StoreUnderTest) throws -> PostgresStore {
    var options = store.options
    options.useCache = false
    return try PostgresStore.open(try #require(store.url), options: options)
  }

  static func open(_ store: StoreUnderTest) throws -> PostgresStore {
    try PostgresStore.open(try #require(store.url), options: store.options)
  }

  /// Commits `count` transactions through a session of its own.
  static func commit(_ count: Int, on store: StoreUnderTest) throws {
    let session = try open(store)
    defer { session.close() }
    try churn(count, on: session)
  }

  /// Commits `count` transactions: one of ACC-0002's free serials deallocated, allocated back,
  /// and so on.
  static func churn(_ count: Int, on session: PostgresStore) throws {
    let serial = try #require(StoreUnderTest.freeSerials(session.state).first)
    for round in 0..<count {
      let command: Command =
        round % 2 == 0
        ? StoreUnderTest.deallocate([serial])
        : .allocateHardware(account: "ACC-0002", serials: [serial], type: .rental)
      _ = try session.commit(
        command, context: StoreUnderTest.context, key: "churn-\(session.lastSequence)")
    }
  }

  @Test func openingFromTheLocalSnapshotReadsOnlyTheTail() throws {
    let store = try StoreUnderTest(.postgres)
    defer { store.remove() }
    let cold = try Self.open(store)
    #expect(cold.warnings.isEmpty, "\(cold.warnings)")
    #expect(cold.recordsApplied == Int(cold.lastSequence))
    let file = try #require(cold.cache)
    #expect(file.path.hasPrefix(store.directory.path + "/store-" + cold.storeId))
    #expect(file.sequence == cold.lastSequence)
    cold.close()
    try Self.commit(3, on: store)
    let warm = try Self.open(store)
    defer { warm.close() }
    let full = try Self.replayed(store)
    defer { full.close() }
    #expect(warm.warnings.isEmpty, "\(warm.warnings)")
    #expect(warm.recordsApplied == 3)
    #expect(warm.lastSequence == full.lastSequence)
    #expect(warm.lastCRC == full.lastCRC)
    #expect(StateFingerprint(warm.state) == StateFingerprint(full.state))
    // A commit on the warm session goes on from the snapshot's state.
    let serial = try #require(StoreUnderTest.freeSerials(warm.state).first)
    _ = try warm.commit(
      StoreUnderTest.deallocate([serial]), context: StoreUnderTest.context, key: "after-warm")
    #expect(try full.refresh())
    #expect(StateFingerprint(warm.state) == StateFingerprint(full.state))
    #expect(try PostgresStore.verify(try #require(store.url), options: store.options) == [])
  }

  /// Opening reads the data directory's only local snapshot while it connects; one of
  /// another store is not used, and a tail longer than a page is read whole.
  @Test func anotherStoresSnapshotIsNotUsedAndALongTailIsReadWhole() throws {
    let store = try StoreUnderTest(.postgres)
    defer { store.remove() }
    let other = try StoreUnderTest(.postgres)
    defer { other.remove() }
    try Self.open(other).close()
    try Self.open(store).close()
    let names = { (store: StoreUnderTest) in
      try FileManager.default.contentsOfDirectory(atPath: store.directory.path)
    }
    let mine = try #require(try names(store).first { $0.hasSuffix(".snapshot") })
    let theirs = try #require(try names(other).first { $0.hasSuffix(".snapshot") })
    #expect(mine != theirs)
    try FileManager.default.removeItem(at: store.directory.appendingPathComponent(mine))
    try FileManager.default.copyItem(
      at: other.directory.appendingPathComponent(theirs),
      to: store.directory.appendingPathComponent(theirs))
    let cold = try Self.open(store)
    #expect(cold.recordsApplied == Int(cold.lastSequence))
    cold.close()
    try Self.commit(Int(PostgresStore.page) + 7, on: store)
    try FileManager.default.removeItem(at: store.directory.appendingPathComponent(theirs))
    let warm = try Self.open(store)
    defer { warm.close() }
    let full = try Self.replayed(store)
    defer { full.close() }
    #expect(warm.recordsApplied == Int(PostgresStore.page) + 7)
    #expect(warm.lastSequence == full.lastSequence)
    #expect(StateFingerprint(warm.state) == StateFingerprint(full.state))
  }

  @Test(arguments: ["checksum", "past the end"])
  func aSnapshotOffTheDatabasesChainIsReplacedWithAWarning(damage name: String) throws {
    let store = try StoreUnderTest(.postgres)
    defer { store.remove() }
    let first = try Self.open(store)
    let file = try #require(first.cache)
    let sequence = first.lastSequence
    // The state as it is, stamped where the database's chain says something else.
    let anchor =
      name == "checksum"
      ? SnapshotAnchor(sequence: sequence, crc: first.lastCRC ^ 1)
      : SnapshotAnchor(sequence: sequence + 5, crc: first.lastCRC)
    try file.write(first.state, anchor: anchor)
    first.close()
    let reopened = try Self.open(store)
    defer { reopened.close() }
    let expected = name == "checksum" ? "does not match the database" : "past the database's"
    #expect(reopened.warnings.count == 1)
    #expect(reopened.warnings.first?.contains(expected) == true, "\(reopened.warnings)")
    #expect(reopened.warnings.first?.hasSuffix("rebuilt from the database") == true)
    #expect(reopened.recordsApplied == Int(sequence))
    #expect(file.sequence == sequence)
    let again = try Self.open(store)
    defer { again.close() }
    #expect(again.warnings.isEmpty, "\(again.warnings)")
    #expect(again.recordsApplied == 0)
  }

  @Test func aDamagedSnapshotIsReplacedWithAWarning() throws {
    let store = try StoreUnderTest(.postgres)
    defer { store.remove() }
    let first = try Self.open(store)
    let path = try #require(first.cache?.path)
    first.close()
    let handle = try #require(FileHandle(forUpdatingAtPath: path))
    handle.seek(toFileOffset: 40)
    handle.write(Data([0xFF, 0xFF]))
    handle.closeFile()
    let reopened = try Self.open(store)
    defer { reopened.close() }
    #expect(reopened.warnings.first?.contains(path) == true, "\(reopened.warnings)")
    #expect(reopened.recordsApplied == Int(reopened.lastSequence))
    #expect(try Self.open(store).warnings.isEmpty)
  }

  @Test func aDamagedTokenPageIsReplayedFromTheDatabaseAndNamedByVerify() throws {
    let store = try StoreUnderTest(.postgres)
    defer { store.remove() }
    let first = try Self.open(store)
    let path = try #require(first.cache?.path)
    let expected = StateFingerprint(first.state)
    first.close()
    // The first token page starts where the header says (`SnapshotLayout`).
    let file = try POSIXFile.open(path, flags: O_RDWR)
    let layout = try SnapshotLayout.read(
      try file.read(at: 0, count: SnapshotLayout.headerSize), fileSize: try file.size(),
      path: path)
    try file.write([0xAB, 0xCD], at: layout.tokensOffset + 3)
    let problems = try PostgresStore.verify(try #require(store.url), options: store.options)
    #expect(
      problems.contains { $0.contains("a page of its tokens failed its check") }, "\(problems)")
    let reopened = try Self.open(store)
    defer { reopened.close() }
    #expect(StateFingerprint(reopened.state) == expected)
    #expect(reopened.state.snapshotTokensReplaced)
    #expect(reopened.snapshotIsDue)
  }

  @Test func aNewSnapshotIsDueAfterTheInterval() throws {
    let store = try StoreUnderTest(.postgres)
    defer { store.remove() }
    var options = store.options
    options.snapshotInterval = 3
    let url = try #require(store.url)
    let session = try PostgresStore.open(url, options: options)
    defer { session.close() }
    #expect(!session.snapshotIsDue)
    let written = session.lastSequence
    try Self.churn(2, on: session)
    #expect(!session.snapshotIsDue)
    try Self.churn(1, on: session)
    #expect(session.snapshotIsDue)
    try session.writeSnapshotIfDue()
    #expect(!session.snapshotIsDue)
    #expect(session.cache?.sequence == written + 3)
    // Another session sees the newer file and does not write one again.
    let other = try PostgresStore.open(url, options: options)
    defer { other.close() }
    #expect(other.recordsApplied == 0)
    #expect(!other.snapshotIsDue)
  }
}

/// The local snapshot's name comes from the store's id, and only a plain one names a file.
struct LocalSnapshotNameTests {
  @Test func theSnapshotIsNamedByTheStoresId() {
    #expect(
      PostgresStore.cacheName(storeId: "0a1b2c3d-0000-4000-8000-00000000000f")
        == "store-0a1b2c3d-0000-4000-8000-00000000000f.snapshot")
    for bad in ["", "../x", "ABC", "a/b", String(repeating: "a", count: 65)] {
      #expect(PostgresStore.cacheName(storeId: bad) == nil, "\(bad)")
    }
  }
}
