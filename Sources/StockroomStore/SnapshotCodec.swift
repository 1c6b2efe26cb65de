import Glibc
import StockroomDomain

/// What a snapshot covers: the ledger up to a sequence, its checksum and byte length.
public struct SnapshotAnchor: Equatable, Sendable {
  public var sequence: UInt64
  public var crc: UInt32
  public var ledgerOffset: Int
}

/// The derived state a snapshot holds besides the inventory: committed keys.
struct SnapshotContents {
  var anchor: SnapshotAnchor
  var state: InventoryState
  /// Unique key → sequence, so a retry is answered with the original transaction.
  var keys: [String: UInt64]
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

/// Reads a file in 1 MiB chunks, checking the CRC-32C of all but its last 4 bytes.
struct ChunkReader {
  let file: POSIXFile
  let contentLength: Int
  var buffer: [UInt8] = []
  var position = 0
  var fileOffset = 0
  var crc: UInt32 = 0

  init(file: POSIXFile) throws(StoreError) {
    self.file = file
    contentLength = try file.size() - 4
    if contentLength < 0 { throw .unavailable("\(file.path): too short to be a snapshot") }
  }

  mutating func need(_ count: Int) throws(StoreError) {
    if buffer.count - position >= count { return }
    buffer.removeFirst(position)
    position = 0
    while buffer.count < count {
      let want = min(max(LedgerScanner.chunkSize, count), contentLength - fileOffset)
      if want <= 0 { throw .unavailable("\(file.path): ends early at byte \(fileOffset)") }
      let chunk = try file.read(at: fileOffset, count: want)
      if chunk.isEmpty { throw .unavailable("\(file.path): ends early at byte \(fileOffset)") }
      crc = CRC32C.checksum(chunk, continuing: crc)
      fileOffset += chunk.count
      buffer += chunk
    }
  }

  mutating func u8() throws(StoreError) -> UInt8 {
    try need(1)
    defer { position += 1 }
    return buffer[position]
  }

  mutating func u32() throws(StoreError) -> UInt32 {
    try need(4)
    var value: UInt32 = 0
    for index in 0..<4 { value |= UInt32(buffer[position + index]) << (8 * index) }
    position += 4
    return value
  }

  mutating func u64() throws(StoreError) -> UInt64 {
    try need(8)
    var value: UInt64 = 0
    for index in 0..<8 { value |= UInt64(buffer[position + index]) << (8 * index) }
    position += 8
    return value
  }

  mutating func i64() throws(StoreError) -> Int { Int(Int64(bitPattern: try u64())) }

  mutating func count(limit: Int = 100_000_000) throws(StoreError) -> Int {
    let value = Int(truncatingIfNeeded: try u64())
    // Every item takes at least a byte: a damaged count never reserves memory it cannot fill.
    if value < 0 || value > limit || value > contentLength {
      throw .unavailable("\(file.path): impossible count \(value)")
    }
    return value
  }

  mutating func blob() throws(StoreError) -> [UInt8] {
    let length = Int(try u32())
    if length > 1 << 28 { throw .unavailable("\(file.path): impossible section length") }
    try need(length)
    defer { position += length }
    return Array(buffer[position..<(position + length)])
  }

  mutating func string() throws(StoreError) -> String {
    let length = Int(try u32())
    if length > 1 << 20 { throw .unavailable("\(file.path): impossible string length") }
    try need(length)
    defer { position += length }
    return String(decoding: buffer[position..<(position + length)], as: UTF8.self)
  }

  /// Checks that everything was read and the stored checksum matches.
  mutating func finish() throws(StoreError) {
    if fileOffset != contentLength || position != buffer.count {
      throw .unavailable("\(file.path): unexpected bytes after the content")
    }
    let stored = try file.read(at: contentLength, count: 4)
    var value: UInt32 = 0
    for (index, byte) in stored.enumerated() { value |= UInt32(byte) << (8 * index) }
    if value != crc {
      throw .unavailable(
        "\(file.path): checksum mismatch (stored \(CRC32C.hex(value)), computed \(CRC32C.hex(crc)))"
      )
    }
  }
}
