import Glibc

/// `index.bin`: where each record of the ledger lies and which records are about each
/// account, serial, subscription and order, so a lookup reads a few pages and the records it
/// names instead of decoding the whole ledger. Like the snapshot it is derived, trusted only
/// while its stamp (the ledger's length and the checksum of the last record it covers) matches
/// the ledger, written to a temporary name, fsynced, renamed into place and the folder fsynced.
///
/// Layout (little-endian): a 52-byte header (magic, version, stamp, posting count, its own
/// CRC-32C); the fence (the first hash of each postings page, then a CRC); the record pages
/// (256 locations of 16 bytes: offset, length, checksum; then a CRC); the postings pages (341
/// postings of 12 bytes: subject hash, sequence; sorted; then a CRC); a CRC of the whole file.
/// A lookup checks the CRC of every part it reads.
final class IndexFile {
  static let fileName = "index.bin"
  static let magic = Array("STKINDX1".utf8)
  static let version: UInt32 = 1
  static let headerSize = 52
  static let recordsPerPage = 256
  static let postingsPerPage = 341

  /// What the index covers: the ledger up to `ledgerLength`, whose last record (sequence
  /// `sequence`, checksum `crc`) starts at `lastOffset`.
  struct Stamp: Equatable, Sendable {
    var ledgerLength: Int
    var sequence: UInt64
    var crc: UInt32
    var lastOffset: Int
  }

  let file: POSIXFile
  let stamp: Stamp
  let postingCount: Int
  /// The first hash of each postings page, read at the first lookup by subject.
  private var loadedFence: [UInt64]?
  private var recordPages: [Int: [RecordLocation]] = [:]

  var path: String { file.path }
  private var recordCount: Int { Int(stamp.sequence) }
  private var postingPages: Int { Self.pages(postingCount, Self.postingsPerPage) }
  private var recordsOffset: Int { Self.headerSize + postingPages * 8 + 4 }
  private var postingsOffset: Int {
    recordsOffset + recordCount * 16 + Self.pages(recordCount, Self.recordsPerPage) * 4
  }
  private var totalSize: Int {
    postingsOffset + postingCount * 12 + postingPages * 4 + 4
  }

  private init(file: POSIXFile, stamp: Stamp, postingCount: Int) {
    self.file = file
    self.stamp = stamp
    self.postingCount = postingCount
  }

  static func pages(_ count: Int, _ perPage: Int) -> Int { (count + perPage - 1) / perPage }

  /// Opens and checks the header and size; nil when there is no index. Throws `.unavailable`
  /// naming what is wrong with a damaged one.
  static func open(in directory: DataDirectory) throws(StoreError) -> IndexFile? {
    let path = directory.file(fileName)
    guard POSIXFile.exists(path) else { return nil }
    let file = try POSIXFile.open(path, flags: O_RDONLY)
    let header = try file.read(at: 0, count: headerSize)
    if header.count < headerSize || Array(header[0..<magic.count]) != magic {
      throw .unavailable("\(path): not a Stockroom index")
    }
    var reader = ByteReader(header)
    reader.position = magic.count
    if reader.u32() != version { throw .unavailable("\(path): index format not supported") }
    let stamp = Stamp(
      ledgerLength: reader.int(), sequence: reader.u64(), crc: reader.u32(),
      lastOffset: reader.int())
    let postingCount = reader.int()
    if reader.u32() != CRC32C.checksum(Array(header[0..<(headerSize - 4)])) {
      throw .unavailable("\(path): the header's checksum does not match")
    }
    let size = try file.size()
    guard stamp.ledgerLength >= 0, stamp.lastOffset >= 0, stamp.sequence < UInt64(UInt32.max),
      postingCount >= 0, postingCount / 12 < size
    else { throw .unavailable("\(path): impossible counts in the header") }
    let index = IndexFile(file: file, stamp: stamp, postingCount: postingCount)
    if size != index.totalSize {
      throw .unavailable("\(path): \(size) bytes where its header promises \(index.totalSize)")
    }
    return index
  }

  private func fence() throws(StoreError) -> [UInt64] {
    if let loadedFence { return loadedFence }
    var reader = ByteReader(
      try Self.checkedRead(file, at: Self.headerSize, count: postingPages * 8))
    let fence = (0..<postingPages).map { _ in reader.u64() }
    if zip(fence, fence.dropFirst()).contains(where: { $0 > $1 }) {
      throw .unavailable("\(path): the postings are out of order")
    }
    loadedFence = fence
    return fence
  }

  /// Reads `count` bytes and the CRC-32C after them, throwing when it does not match.
  private static func checkedRead(_ file: POSIXFile, at offset: Int, count: Int)
    throws(StoreError) -> [UInt8]
  {
    var bytes = try file.read(at: offset, count: count + 4)
    if bytes.count != count + 4 { throw .unavailable("\(file.path): ends early at byte \(offset)") }
    var reader = ByteReader(bytes)
    reader.position = count
    let stored = reader.u32()
    bytes.removeLast(4)
    if CRC32C.checksum(bytes) != stored {
      throw .unavailable("\(file.path): checksum mismatch in the part at byte \(offset)")
    }
    return bytes
  }

  /// True when the ledger still holds, at the stamp's place, the record the stamp names.
  func matches(_ ledger: POSIXFile) throws(StoreError) -> Bool {
    if stamp.sequence == 0 { return stamp.ledgerLength == 0 && stamp.lastOffset == 0 }
    let length = stamp.ledgerLength - stamp.lastOffset
    guard length > 1, try ledger.size() >= stamp.ledgerLength,
      let last = try? location(stamp.sequence),
      last == RecordLocation(offset: stamp.lastOffset, length: length - 1, crc: stamp.crc)
    else { return false }
    return try LedgerRead.record(
      in: ledger, at: last, sequence: stamp.sequence, limit: stamp.ledgerLength) != nil
  }

  /// Where record `sequence` (1 through the stamp's) lies.
  func location(_ sequence: UInt64) throws(StoreError) -> RecordLocation {
    guard sequence >= 1, sequence <= stamp.sequence else {
      throw .unavailable("\(path): no record \(sequence)")
    }
    let page = Int(sequence - 1) / Self.recordsPerPage
    if recordPages[page] == nil { recordPages[page] = try recordPage(page) }
    let entries = recordPages[page] ?? []
    return entries[Int(sequence - 1) % Self.recordsPerPage]
  }

  private func recordPage(_ page: Int) throws(StoreError) -> [RecordLocation] {
    let first = page * Self.recordsPerPage
    let count = min(Self.recordsPerPage, recordCount - first)
    let bytes = try Self.checkedRead(
      file, at: recordsOffset + page * (Self.recordsPerPage * 16 + 4), count: count * 16)
    var reader = ByteReader(bytes)
    return (0..<count).map { _ in
      RecordLocation(offset: reader.int(), length: Int(reader.u32()), crc: reader.u32())
    }
  }

  private func postingPage(_ page: Int, _ fence: [UInt64]) throws(StoreError) -> [Posting] {
    let first = page * Self.postingsPerPage
    let count = min(Self.postingsPerPage, postingCount - first)
    let bytes = try Self.checkedRead(
      file, at: postingsOffset + page * (Self.postingsPerPage * 12 + 4), count: count * 12)
    var reader = ByteReader(bytes)
    let postings = (0..<count).map { _ in
      Posting(hash: reader.u64(), sequence: UInt64(reader.u32()))
    }
    if postings.first?.hash != fence[page]
      || zip(postings, postings.dropFirst()).contains(
        where: { $0 >= $1 })
    {
      throw .unavailable("\(path): postings page \(page) is out of order")
    }
    return postings
  }

  /// The sequence numbers filed under `hash`, in order.
  func sequences(hash: UInt64) throws(StoreError) -> [UInt64] {
    let fence = try fence()
    // The last page starting below `hash`: equal hashes may begin at its end.
    var low = 0
    var high = fence.count
    while low < high {
      let middle = (low + high) / 2
      if fence[middle] < hash { low = middle + 1 } else { high = middle }
    }
    var page = max(0, low - 1)
    var found: [UInt64] = []
    while page < fence.count, fence[page] <= hash {
      for posting in try postingPage(page, fence) where posting.hash == hash {
        found.append(posting.sequence)
      }
      page += 1
    }
    return found
  }

  /// Every location, in sequence order (for rewriting and `verify`).
  func allLocations() throws(StoreError) -> [RecordLocation] {
    var all: [RecordLocation] = []
    all.reserveCapacity(recordCount)
    for page in 0..<Self.pages(recordCount, Self.recordsPerPage) { all += try recordPage(page) }
    return all
  }

  /// Every posting, sorted (for rewriting and `verify`).
  func allPostings() throws(StoreError) -> [Posting] {
    var all: [Posting] = []
    all.reserveCapacity(postingCount)
    let fence = try fence()
    for page in fence.indices { all += try postingPage(page, fence) }
    return all
  }

  /// Every posting in sorted order, a page at a time (`verify`: never all in memory).
  func forEachPosting(_ body: (Posting) -> Void) throws(StoreError) {
    let fence = try fence()
    for page in fence.indices {
      for posting in try postingPage(page, fence) { body(posting) }
    }
  }

  /// Checks the CRC-32C of the whole file (`verify`).
  func checkWhole() throws(StoreError) {
    var crc: UInt32 = 0
    var offset = 0
    let content = totalSize - 4
    while offset < content {
      let chunk = try file.read(
        at: offset, count: min(LedgerScanner.chunkSize, content - offset))
      if chunk.isEmpty { throw .unavailable("\(path): ends early at byte \(offset)") }
      crc = CRC32C.checksum(chunk, continuing: crc)
      offset += chunk.count
    }
    var reader = ByteReader(try file.read(at: content, count: 4))
    if reader.count < 4 || reader.u32() != crc {
      throw .unavailable("\(path): checksum mismatch over the whole file")
    }
  }

  /// Writes an index for `locations` (sequence 1 on) and `postings` (sorted, no repeats).
  static func write(
    stamp: Stamp, locations: [RecordLocation], postings: [Posting], in directory: DataDirectory
  ) throws(StoreError) {
    let final = directory.file(fileName)
    guard locations.count == Int(stamp.sequence), stamp.sequence < UInt64(UInt32.max) else {
      throw .unavailable("\(final): cannot index \(stamp.sequence) records")
    }
    let temporary = final + ".tmp-\(getpid())"
    Leftovers.remove(in: directory.path, prefix: fileName + ".tmp-")
    let file = try POSIXFile.open(temporary, flags: O_WRONLY | O_CREAT | O_TRUNC)
    directory.adopt(file)
    do throws(StoreError) {
      var writer = ChunkWriter(file: file)
      writer.buffer += magic
      writer.u32(version)
      writer.i64(stamp.ledgerLength)
      writer.u64(stamp.sequence)
      writer.u32(stamp.crc)
      writer.i64(stamp.lastOffset)
      writer.i64(postings.count)
      writer.u32(CRC32C.checksum(writer.buffer))
      var page: [UInt8] = []
      func endPage(_ writer: inout ChunkWriter) throws(StoreError) {
        writer.buffer += page
        writer.u32(CRC32C.checksum(page))
        page.removeAll(keepingCapacity: true)
        try writer.flushIfFull()
      }
      for start in stride(from: 0, to: postings.count, by: postingsPerPage) {
        ByteWriter.u64(postings[start].hash, into: &page)
      }
      try endPage(&writer)
      for (index, location) in locations.enumerated() {
        ByteWriter.u64(UInt64(location.offset), into: &page)
        ByteWriter.u32(UInt32(truncatingIfNeeded: location.length), into: &page)
        ByteWriter.u32(location.crc, into: &page)
        if index % recordsPerPage == recordsPerPage - 1 || index == locations.count - 1 {
          try endPage(&writer)
        }
      }
      for (index, posting) in postings.enumerated() {
        ByteWriter.u64(posting.hash, into: &page)
        ByteWriter.u32(UInt32(truncatingIfNeeded: posting.sequence), into: &page)
        if index % postingsPerPage == postingsPerPage - 1 || index == postings.count - 1 {
          try endPage(&writer)
        }
      }
      try writer.finish()
      if let reason = file.sync() { throw .commitFailed("\(temporary): fsync failed: \(reason)") }
      FaultInjection.crash(at: .indexTemp)
      if rename(temporary, final) != 0 {
        throw .commitFailed("\(final): cannot rename into place: \(POSIXFile.errnoText())")
      }
      FaultInjection.crash(at: .indexRenamed)
      if let reason = POSIXFile.syncDirectory(directory.path) {
        throw .commitFailed("\(directory.path): fsync failed: \(reason)")
      }
    } catch {
      unlink(temporary)
      throw error
    }
  }
}

/// Little-endian numbers out of a byte array (reads past the end give zeros).
struct ByteReader {
  let bytes: [UInt8]
  var position = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  var count: Int { bytes.count }

  mutating func u32() -> UInt32 {
    var value: UInt32 = 0
    for index in 0..<4 where position + index < bytes.count {
      value |= UInt32(bytes[position + index]) << (8 * index)
    }
    position += 4
    return value
  }

  mutating func u64() -> UInt64 {
    var value: UInt64 = 0
    for index in 0..<8 where position + index < bytes.count {
      value |= UInt64(bytes[position + index]) << (8 * index)
    }
    position += 8
    return value
  }

  /// A signed 64-bit number (a damaged one may be negative: callers check).
  mutating func int() -> Int { Int(Int64(bitPattern: u64())) }
}

/// Little-endian numbers into a byte array.
enum ByteWriter {
  static func u32(_ value: UInt32, into bytes: inout [UInt8]) {
    for shift in stride(from: 0, to: 32, by: 8) {
      bytes.append(UInt8(truncatingIfNeeded: value >> shift))
    }
  }

  static func u64(_ value: UInt64, into bytes: inout [UInt8]) {
    for shift in stride(from: 0, to: 64, by: 8) {
      bytes.append(UInt8(truncatingIfNeeded: value >> shift))
    }
  }
}
