import Foundation
import StockroomDomain
import StockroomStore
import TestSupport
import Testing

@testable import StockroomPostgres

/// `store migrate` below the command: a file store copied into a database that holds no store
/// and back into an empty directory is the same ledger byte for byte, with the same state and
/// user map, and verifies clean on both; a database that holds a store is refused and kept as
/// it was; a broken record stops the copy and leaves no store behind.
@Suite(.postgres) struct MigrateTests {
  /// A file store with the demo data and two commits after it.
  static func source() throws -> (StoreUnderTest, FileStore) {
    let source = try StoreUnderTest(.file)
    let file = try FileStore.open(at: source.directory)
    for serial in StoreUnderTest.freeSerials(file.state).prefix(2) {
      _ = try file.commit(
        StoreUnderTest.deallocate([serial]), context: StoreUnderTest.context,
        key: "before-\(serial)")
    }
    return (source, file)
  }

  static func temporary() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent(
      "stockroom-migrate-\(UUID().uuidString)")
  }

  @Test func aFileStoreCopiedIntoADatabaseAndBackIsTheSameLedger() throws {
    let (source, file) = try Self.source()
    defer { source.remove() }
    let target = try StoreUnderTest(.postgres, initialised: false)
    defer { target.remove() }
    let database = try #require(target.database)
    let url = try #require(target.url)
    let options = target.options
    let copied = try PostgresStore.importing(
      into: url, role: target.role, userMap: try file.userMap(), options: options,
      records: file.exportRecords)
    defer { copied.close() }
    #expect(copied.lastSequence == file.lastSequence)
    #expect(StateFingerprint(copied.state) == StateFingerprint(file.state))
    #expect(try copied.userMap() == file.userMap())
    #expect(!(try file.userMap()).entries.isEmpty)
    #expect(try PostgresStore.verify(url, options: options) == [])
    // The local snapshot was written with the copy: the first open here reads no record.
    #expect(copied.cache?.sequence == file.lastSequence)
    let warm = try PostgresStore.open(url, options: options)
    defer { warm.close() }
    #expect(warm.recordsApplied == 0)
    #expect(
      try database.sql("SELECT count(*) FROM stockroom.tokens") == "\(file.state.tokens.count)")

    let back = Self.temporary()
    defer { try? FileManager.default.removeItem(at: back) }
    let returned = try FileStore.importing(
      at: back, userMap: try warm.userMap(), records: warm.exportRecords)
    #expect(returned.lastSequence == file.lastSequence)
    let original = try Data(contentsOf: source.directory.appendingPathComponent("ledger.jsonl"))
    let copy = try Data(contentsOf: back.appendingPathComponent("ledger.jsonl"))
    #expect(copy == original)
    #expect(try returned.userMap() == file.userMap())
    #expect(try FileStore.verify(at: back) == [])
  }

  @Test func aDatabaseThatHoldsAStoreIsRefusedAndKeptAsItWas() throws {
    let target = try StoreUnderTest(.postgres, demoTokens: 20)
    defer { target.remove() }
    let (source, file) = try Self.source()
    defer { source.remove() }
    let database = try #require(target.database)
    let before = try database.sql("SELECT max(seq) FROM stockroom.ledger")
    let url = try #require(target.url)
    do {
      _ = try PostgresStore.importing(
        into: url, role: target.role, userMap: UserMap(), options: target.options,
        records: file.exportRecords)
      Issue.record("a copy into a database holding a store went through")
    } catch {
      guard case .notEmpty = error else {
        Issue.record("expected notEmpty, got \(error)")
        return
      }
    }
    #expect(try database.sql("SELECT max(seq) FROM stockroom.ledger") == before)
    #expect(try StoreSetup.transactions(in: url) == Int(before))
  }

  @Test func aBrokenRecordStopsTheCopyAndLeavesNoStore() throws {
    let (source, file) = try Self.source()
    defer { source.remove() }
    var lines: [[UInt8]] = []
    try file.exportRecords { lines.append($0) }
    try #require(lines.count > 3)
    // One byte of the third record's JSON changed: its checksum no longer matches.
    let index = lines[2].count - 5
    lines[2][index] = lines[2][index] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a")
    let target = try StoreUnderTest(.postgres, initialised: false)
    defer { target.remove() }
    let database = try #require(target.database)
    let url = try #require(target.url)
    var message = ""
    do {
      _ = try PostgresStore.importing(
        into: url, role: target.role, userMap: UserMap(), options: target.options
      ) { (add) throws(LedgerError) in
        for line in lines { try add(line) }
      }
      Issue.record("the copy of a broken record went through")
    } catch {
      message = error.message
    }
    #expect(message.hasPrefix("record 3 of the copy"), "\(message)")
    #expect(try StoreSetup.transactions(in: url) == nil)
    #expect(
      try database.sql("SELECT count(*) FROM pg_namespace WHERE nspname = 'stockroom'") == "0")
  }
}
