import Glibc

/// Reads the ledger in 1 MiB chunks and checks every record's checksum, sequence and chain.
struct LedgerScanner {
  /// Where the scan stands: the next byte, the last sequence, its checksum and where that
  /// last record starts.
  struct Position: Equatable, Sendable {
    var offset: Int
    var sequence: UInt64
    var crc: UInt32
    var last: Int

    static let start = Position(offset: 0, sequence: 0, crc: 0, last: 0)
  }

  /// How the ledger ends after the last valid record.
  enum End: Equatable {
    case clean
    /// Bytes with no newline after the last record: a write that never completed.
    case tornTail(offset: Int, length: Int)
  }

  static let chunkSize = 1 << 20

  let file: POSIXFile
  let name: String

  /// Scans from `position` to the end of the file (or to byte `limit`), calling `body` with
  /// each record's frame and line (without newline). Throws `.unavailable` naming the byte
  /// offset of anything invalid other than a torn tail.
  func scan(
    from position: Position, to limit: Int? = nil,
    _ body: (LedgerRecord.Frame, Int, UnsafeRawBufferPointer) throws(StoreError) -> Void
  ) throws(StoreError) -> (Position, End) {
    var current = position
    let fileSize = try file.size()
    let size = min(fileSize, limit ?? fileSize)
    if fileSize < max(position.offset, limit ?? 0) {
      throw .unavailable(
        "\(name): the ledger is \(fileSize) bytes, shorter than the "
          + "\(max(position.offset, limit ?? 0)) already read")
    }
    var pending: [UInt8] = []
    var pendingOffset = position.offset
    var readOffset = position.offset
    while readOffset < size {
      let chunk = try file.read(at: readOffset, count: min(Self.chunkSize, size - readOffset))
      if chunk.isEmpty { break }
      readOffset += chunk.count
      pending += chunk
      var consumed = 0
      var failure: StoreError?
      pending.withUnsafeBytes { raw in
        while let newline = Self.newline(in: raw, from: consumed) {
          let line = UnsafeRawBufferPointer(rebasing: raw[consumed..<newline])
          let offset = pendingOffset + consumed
          do throws(StoreError) {
            let frame = try check(line, at: offset, after: current)
            try body(frame, offset, line)
            current = Position(
              offset: offset + line.count + 1, sequence: frame.sequence, crc: frame.crc,
              last: offset)
          } catch {
            failure = error
            return
          }
          consumed = newline + 1
        }
      }
      if let failure { throw failure }
      if consumed > 0 {
        pending.removeFirst(consumed)
        pendingOffset += consumed
      }
    }
    if pending.isEmpty { return (current, .clean) }
    return (current, .tornTail(offset: pendingOffset, length: pending.count))
  }

  private static func newline(in raw: UnsafeRawBufferPointer, from start: Int) -> Int? {
    guard start < raw.count, let base = raw.baseAddress else { return nil }
    guard let found = memchr(base + start, 10, raw.count - start) else { return nil }
    return base.distance(to: UnsafeRawPointer(found))
  }

  private func check(_ line: UnsafeRawBufferPointer, at offset: Int, after previous: Position)
    throws(StoreError) -> LedgerRecord.Frame
  {
    switch LedgerRecord.frame(line) {
    case .failure(let error):
      throw .unavailable("\(name) at byte \(offset): \(error.text)")
    case .success(let frame):
      if frame.first != previous.sequence + 1 {
        throw .unavailable(
          "\(name) at byte \(offset): sequence gap: expected \(previous.sequence + 1), "
            + "found \(frame.first)")
      }
      if frame.previous != previous.crc {
        throw .unavailable(
          "\(name) at byte \(offset): broken chain: the record names previous checksum "
            + "\(CRC32C.hex(frame.previous)) but the record before has \(CRC32C.hex(previous.crc))")
      }
      return frame
    }
  }
}
