import StockroomDomain

/// Where each part of a snapshot file lies (format 5), read from and written to its header.
///
/// The file, little-endian, every byte under a checksum: a header (this, with its own
/// CRC-32C); the small state (everything but the tokens: accounts with their counts,
/// containers, models, stock, keys, subscriptions and orders, padded with zeros to 8 bytes)
/// with a CRC-32C, decoded at open; then the token sections, each a whole number of 4 KiB
/// pages (counted from the first) filled out with zeros: the records (16 bytes a token, receipt order),
/// the serials' bytes, the indices in serial order (4 bytes each), the indices by holder,
/// model and serial, and the groups (holder, model, first place, count; 16 bytes each); then a
/// `PageSum` per token page, with a CRC-32C over them in the header. A token page is checked
/// the first time it is read, so opening reads the header, the small state and the sums.
struct SnapshotLayout: Equatable {
  static let magic = Array("STKSNAP1".utf8)
  static let version: UInt32 = 5
  static let pageSize = 4_096
  /// A multiple of 8, so every section after it starts on a word.
  static let headerSize = 160
  static let smallOffset = headerSize
  static let recordSize = 16
  static let groupSize = 16
  /// A token's state by its code in a record (made once: `allCases` builds an array per call).
  static let states = TokenState.allCases

  static func code(_ state: TokenState) -> UInt8 {
    switch state {
    case .available: return 0
    case .allocated: return 1
    case .faulty: return 2
    case .lost: return 3
    case .removed: return 4
    }
  }

  var anchor: SnapshotAnchor
  var tokenCount: Int
  var groupCount: Int
  var smallLength: Int
  var smallCRC: UInt32
  var tokensOffset: Int
  var heapOffset: Int
  var heapLength: Int
  var bySerialOffset: Int
  var byGroupOffset: Int
  var groupsOffset: Int
  var tokensEnd: Int
  var sumsCRC: UInt32

  var recordsOffset: Int { tokensOffset }
  var pageCount: Int { (tokensEnd - tokensOffset) / Self.pageSize }
  var sumsOffset: Int { tokensEnd }
  var fileSize: Int { sumsOffset + pageCount * 4 }

  static func pages(_ bytes: Int) -> Int { (bytes + pageSize - 1) / pageSize }

  /// Where the token sections go after a small state of `smallLength` bytes (a multiple of 8).
  static func tokensStart(smallLength: Int) -> Int { smallOffset + smallLength }

  func header() -> [UInt8] {
    var bytes = Self.magic
    ByteWriter.u32(Self.version, into: &bytes)
    ByteWriter.u32(UInt32(Self.pageSize), into: &bytes)
    ByteWriter.u64(anchor.sequence, into: &bytes)
    ByteWriter.u32(anchor.crc, into: &bytes)
    ByteWriter.u32(0, into: &bytes)
    for value in [
      anchor.ledgerOffset, anchor.lastOffset, tokenCount, groupCount, Self.smallOffset,
      smallLength, tokensOffset, heapOffset, heapLength, bySerialOffset, byGroupOffset,
      groupsOffset, tokensEnd, sumsOffset,
    ] {
      ByteWriter.u64(UInt64(value), into: &bytes)
    }
    ByteWriter.u32(smallCRC, into: &bytes)
    ByteWriter.u32(sumsCRC, into: &bytes)
    ByteWriter.u32(0, into: &bytes)
    ByteWriter.u32(CRC32C.checksum(bytes), into: &bytes)
    return bytes
  }

  /// Reads and checks a header against the file's size; throws `.unavailable` naming what is
  /// wrong (an older format included: it is rebuilt from the ledger).
  static func read(_ bytes: [UInt8], fileSize: Int, path: String) throws(StoreError)
    -> SnapshotLayout
  {
    if bytes.count < 12 || Array(bytes[0..<magic.count]) != magic {
      throw .unavailable("\(path): not a Stockroom snapshot")
    }
    var reader = ByteReader(bytes)
    reader.position = magic.count
    let format = reader.u32()
    if format != version { throw .unavailable("\(path): snapshot format \(format) not supported") }
    var stored = ByteReader(bytes)
    stored.position = headerSize - 4
    guard bytes.count >= headerSize,
      CRC32C.checksum(Array(bytes[0..<(headerSize - 4)])) == stored.u32()
    else { throw .unavailable("\(path): the header's checksum does not match") }
    let page = Int(reader.u32())
    let sequence = reader.u64()
    let crc = reader.u32()
    _ = reader.u32()
    let values = (0..<14).map { _ in reader.int() }
    let layout = SnapshotLayout(
      anchor: SnapshotAnchor(
        sequence: sequence, crc: crc, ledgerOffset: values[0], lastOffset: values[1]),
      tokenCount: values[2], groupCount: values[3], smallLength: values[5], smallCRC: reader.u32(),
      tokensOffset: values[6], heapOffset: values[7], heapLength: values[8],
      bySerialOffset: values[9], byGroupOffset: values[10], groupsOffset: values[11],
      tokensEnd: values[12], sumsCRC: reader.u32())
    guard page == pageSize, values[4] == smallOffset, values[13] == layout.sumsOffset,
      layout.isConsistent, layout.fileSize == fileSize
    else {
      throw .unavailable(
        "\(path): \(fileSize) bytes that do not match the sections its header names")
    }
    return layout
  }

  /// Every section where the counts say, in order, on page boundaries.
  private var isConsistent: Bool {
    let sizes = [
      (recordsOffset, tokenCount * Self.recordSize), (heapOffset, heapLength),
      (bySerialOffset, tokenCount * 4), (byGroupOffset, tokenCount * 4),
      (groupsOffset, groupCount * Self.groupSize),
    ]
    guard anchor.ledgerOffset >= 0, anchor.lastOffset >= 0,
      anchor.lastOffset <= anchor.ledgerOffset,
      tokenCount >= 0, tokenCount < Int(UInt32.max), groupCount >= 0, groupCount <= tokenCount,
      smallLength >= 0, smallLength % 8 == 0, heapLength >= 0, heapLength < Int(UInt32.max),
      tokensOffset == Self.tokensStart(smallLength: smallLength)
    else { return false }
    var next = tokensOffset
    for (offset, length) in sizes {
      guard offset == next, length < 1 << 40 else { return false }
      next = offset + Self.pages(length) * Self.pageSize
    }
    return next == tokensEnd
  }
}
