import Foundation
import StockroomDomain
import Testing

@testable import StockroomStore

/// The file ledger's record layout: CRC-32C, the checksum at a fixed place of a JSON line, a
/// newer format refused at its byte offset (file-only: the database keeps the same line in a
/// row; gapless chained commits and retried keys on both stores are in LedgerContractTests).
@Suite struct LedgerFormatTests {
  @Test func crc32cKnownValue() {
    #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
    let long = Array(repeating: UInt8(0x61), count: 1_000)
    let split = CRC32C.checksum(
      Array(long[500...]), continuing: CRC32C.checksum(Array(long[..<500])))
    #expect(split == CRC32C.checksum(long))
  }

  @Test func recordHasChecksumInAFixedPlaceAndIsJSON() throws {
    let transaction = Transaction(
      sequence: 7, key: "k", version: 1, time: "2025-01-01T00:00:00Z",
      change: Change(
        action: .reinitialize,
        items: [TransactionItem(product: .hardware, model: "RB-1", serials: ["X"])]),
      context: Support.context)
    let (line, crc) = try LedgerRecord.encode(transaction, sequence: 7, previous: 0xABCD_EF01)
    let text = String(decoding: line, as: UTF8.self)
    #expect(text.hasPrefix(#"{"crc":"\#(CRC32C.hex(crc))","seq":7,"prev":"abcdef01","#))
    #expect(text.hasSuffix("}\n"))
    #expect(text.filter { $0 == "\n" }.count == 1)
    #expect(CRC32C.checksum(Array(line[18..<(line.count - 1)])) == crc)
    let json = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
    #expect(json?["transactionId"] as? String == "T000007")
    let frame = Array(line.dropLast()).withUnsafeBytes { LedgerRecord.frame($0) }
    #expect(frame == .success(LedgerRecord.Frame(crc: crc, sequence: 7, previous: 0xABCD_EF01)))
  }

  @Test func aNewerFormatVersionIsRefused() throws {
    let url = Support.temporaryDirectory()
    _ = try Support.smallStore(url)
    var newer = Transaction(
      sequence: 6, key: "n", version: StoreVersion.format + 1, time: "2025-01-01T00:00:00Z",
      change: Change(action: .reinitialize), context: Support.context)
    newer.kind = "transaction"
    let before = try Support.bytes(Support.ledger(url))
    let last = before.split(separator: 10).last.map(Array.init) ?? []
    let previous = UInt32(String(decoding: last[8..<16], as: UTF8.self), radix: 16) ?? 0
    let (line, _) = try LedgerRecord.encode(newer, sequence: 6, previous: previous)
    try Support.write(before + line, to: Support.ledger(url))
    #expect {
      _ = try FileStore.open(at: url, options: Support.options())
    } throws: { error in
      guard let error = error as? StoreError else { return false }
      return error.exitCode == 4 && error.message.contains("at byte \(before.count)")
        && error.message.contains("newer")
    }
  }
}
