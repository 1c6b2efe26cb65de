import Glibc
import StockroomDomain

/// What a snapshot covers: the ledger up to a sequence, its checksum and byte length, and
/// where that last record starts (so opening checks it without reading the ledger before it).
public struct SnapshotAnchor: Equatable, Sendable {
  public var sequence: UInt64
  public var crc: UInt32
  public var ledgerOffset: Int
  public var lastOffset: Int

  /// A stamp by sequence and checksum alone (a database store's ledger has no byte offsets).
  public init(sequence: UInt64, crc: UInt32, ledgerOffset: Int = 0, lastOffset: Int = 0) {
    self.sequence = sequence
    self.crc = crc
    self.ledgerOffset = ledgerOffset
    self.lastOffset = lastOffset
  }
}

/// The derived state a snapshot holds besides the inventory: committed keys.
struct SnapshotContents {
  var anchor: SnapshotAnchor
  var state: InventoryState
  /// Unique key → sequence, so a retry is answered with the original transaction.
  var keys: [String: UInt64]

  /// Checks every token page (`verify`): nil, or what is wrong with the first damaged one.
  var damagedPage: String? { (state.tokens.base as? MappedTokens)?.damagedPage() }
}

/// Buffers bytes and writes them out in 1 MiB chunks, keeping a running CRC-32C.
struct ChunkWriter {
  let file: POSIXFile
  var buffer: [UInt8] = []
  var crc: UInt32 = 0

  init(file: POSIXFile) {
    self.file = file
    buffer.reserveCapacity(LedgerScanner.chunkSize + 4096)
  }

  mutating func u8(_ value: UInt8) { buffer.append(value) }

  mutating func u32(_ value: UInt32) {
    for shift in stride(from: 0, to: 32, by: 8) {
      buffer.append(UInt8(truncatingIfNeeded: value >> shift))
    }
  }

  mutating func u64(_ value: UInt64) {
    for shift in stride(from: 0, to: 64, by: 8) {
      buffer.append(UInt8(truncatingIfNeeded: value >> shift))
    }
  }

  mutating func i64(_ value: Int) { u64(UInt64(bitPattern: Int64(value))) }

  mutating func string(_ value: String) {
    let bytes = Array(value.utf8)
    u32(UInt32(bytes.count))
    buffer += bytes
  }

  /// Bytes of any length up to 256 MiB, length first.
  mutating func blob(_ bytes: [UInt8]) {
    u32(UInt32(bytes.count))
    buffer += bytes
  }

  mutating func flushIfFull() throws(StoreError) {
    if buffer.count >= LedgerScanner.chunkSize { try flush() }
  }

  mutating func flush() throws(StoreError) {
    crc = CRC32C.checksum(buffer, continuing: crc)
    var failure: StoreError?
    buffer.withUnsafeBytes { raw in
      do throws(StoreError) { try file.writeAll(raw) } catch { failure = error }
    }
    if let failure { throw failure }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes, then appends the checksum of everything written.
  mutating func finish() throws(StoreError) {
    try flush()
    u32(crc)
    var failure: StoreError?
    buffer.withUnsafeBytes { raw in
      do throws(StoreError) { try file.writeAll(raw) } catch { failure = error }
    }
    if let failure { throw failure }
  }
}

/// Reads the small state of a snapshot from its bytes, refusing anything out of bounds.
struct SnapshotReader {
  let bytes: [UInt8]
  let path: String
  var position = 0

  init(_ bytes: [UInt8], path: String) {
    self.bytes = bytes
    self.path = path
  }

  mutating func need(_ count: Int) throws(StoreError) {
    if count < 0 || bytes.count - position < count {
      throw .unavailable("\(path): the small state ends early at byte \(position)")
    }
  }

  mutating func u8() throws(StoreError) -> UInt8 {
    try need(1)
    defer { position += 1 }
    return bytes[position]
  }

  mutating func u32() throws(StoreError) -> UInt32 {
    try need(4)
    var value: UInt32 = 0
    for index in 0..<4 { value |= UInt32(bytes[position + index]) << (8 * index) }
    position += 4
    return value
  }

  mutating func u64() throws(StoreError) -> UInt64 {
    try need(8)
    var value: UInt64 = 0
    for index in 0..<8 { value |= UInt64(bytes[position + index]) << (8 * index) }
    position += 8
    return value
  }

  mutating func i64() throws(StoreError) -> Int { Int(Int64(bitPattern: try u64())) }

  mutating func count(limit: Int = 100_000_000) throws(StoreError) -> Int {
    let value = Int(truncatingIfNeeded: try u64())
    // Every item takes at least a byte: a damaged count never reserves memory it cannot fill.
    if value < 0 || value > limit || value > bytes.count {
      throw .unavailable("\(path): impossible count \(value)")
    }
    return value
  }

  mutating func blob() throws(StoreError) -> [UInt8] {
    let length = Int(try u32())
    try need(length)
    defer { position += length }
    return Array(bytes[position..<(position + length)])
  }

  mutating func string() throws(StoreError) -> String {
    let length = Int(try u32())
    if length > 1 << 20 { throw .unavailable("\(path): impossible string length") }
    try need(length)
    defer { position += length }
    return String(decoding: bytes[position..<(position + length)], as: UTF8.self)
  }

  /// Checks that everything was read (but the zeros that pad it to 8 bytes).
  func finish() throws(StoreError) {
    if bytes.count - position >= 8 || bytes[position...].contains(where: { $0 != 0 }) {
      throw .unavailable("\(path): unexpected bytes after the small state")
    }
  }
}
