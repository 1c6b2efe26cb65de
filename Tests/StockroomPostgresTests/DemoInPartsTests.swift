import Foundation
import StockroomDomain
import StockroomStore
import TestSupport
import Testing

@testable import StockroomPostgres

/// A demo written in parts (issue 15) is the same store as one written at once, on both
/// stores: the same records, the same state, and `verify` clean.
@Suite struct DemoInPartsTests {
  @Test(.postgres) func theDatabaseCasesRun() throws { try StoreKind.reachTheServer() }

  private static let now = Date(timeIntervalSince1970: 1_790_000_000)

  @Test(arguments: StoreKind.available)
  func aDemoWrittenInPartsIsTheSameStore(kind: StoreKind) throws {
    let whole = try StoreUnderTest(kind, demoTokens: 3_000, now: Self.now)
    defer { whole.remove() }
    let parts = try StoreUnderTest(kind, demoTokens: 3_000, now: Self.now, serialsPerWrite: 500)
    defer { parts.remove() }
    let one = try whole.open()
    let many = try parts.open()
    #expect(many.lastSequence == one.lastSequence)
    #expect(many.state == one.state)
    #expect(try Self.records(many) == Self.records(one))
    if kind == .file {
      let index = "index.bin"
      #expect(
        try Data(contentsOf: whole.directory.appendingPathComponent(index))
          == Data(contentsOf: parts.directory.appendingPathComponent(index)))
    }
    #expect(try parts.verify() == [])
  }

  /// Every record as the file ledger's line.
  static func records(_ store: any LedgerStore) throws -> [[UInt8]] {
    var lines: [[UInt8]] = []
    try store.exportRecords { lines.append($0) }
    return lines
  }
}
