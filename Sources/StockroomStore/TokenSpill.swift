import Glibc
import StockroomDomain

/// The hardware serials of a ledger split into parts by a hash of the serial, each part in a
/// temporary file, written while verify's first pass reads the ledger (docs/DESIGN.md
/// section 6): each later pass replays one part from its file, holding none of the other
/// parts' tokens and decoding no record again. A serial always lands in the same part, so a
/// part holds the whole history of each of its tokens. The files are unlinked as soon as they
/// are made: nothing is left behind, whatever happens to the process.
final class TokenSpill {
  /// One hardware item's serials of one part, as a pass reads them back.
  struct Entry {
    /// Where the record starts in the ledger, and its sequence.
    var offset: Int
    var sequence: UInt64
    /// The item's index in the change, and what it does to each serial.
    var item: Int
    var step: TokenStep
    var serials: [String]
    /// Each serial's place in the item.
    var positions: [Int]
    /// For a receipt, the index each serial gets in the whole table; -1 for one received
    /// again after its receive was reversed (it takes back its old place).
    var slots: [Int]
  }

  let parts: Int
  private let files: [POSIXFile]
  private var buffers: [[UInt8]]
  /// Bytes written to each part's file.
  private(set) var written: [Int]
  /// Tokens received into each part.
  private(set) var receipts: [Int]
  /// Tokens received in all (the index the next new serial gets).
  private var received = 0
  /// Serials taken out by a receive's reversal and not received since: received again, one
  /// takes back its place instead of a new one (`InventoryState.apply`), so it gets no index.
  private var removed = Set<String>()
  private var record: (offset: Int, sequence: UInt64) = (0, 0)
  private var failure: StoreError?
  /// Bytes a part buffers before writing them out: a few MiB in all, however many parts.
  private let flushAt: Int

  /// Makes `parts` empty temporary files in `folder`.
  init(parts: Int, folder: String) throws(StoreError) {
    self.parts = parts
    var files: [POSIXFile] = []
    for part in 0..<parts {
      let path =
        "\(folder)/stockroom-verify-\(getpid())-\(part)-\(UInt32.random(in: 0...UInt32.max))"
      let file = try POSIXFile.open(path, flags: O_RDWR | O_CREAT | O_EXCL)
      unlink(path)
      files.append(file)
    }
    self.files = files
    buffers = Array(repeating: [], count: parts)
    written = Array(repeating: 0, count: parts)
    receipts = Array(repeating: 0, count: parts)
    flushAt = max(64 << 10, (8 << 20) / max(1, parts))
  }

  /// The part a serial belongs to (FNV-1a of its bytes).
  func part(of serial: String) -> Int {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in serial.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return Int(hash % UInt64(parts))
  }

  /// The record whose items follow.
  func begin(offset: Int, sequence: UInt64) { record = (offset, sequence) }

  /// Writes a hardware item's serials, each to its part (a failure is kept for `finish`).
  func add(item: Int, step: TokenStep, serials: [String]) {
    var slots: [Int] = []
    if step.action == .receive {
      slots = serials.map { serial in
        if removed.remove(serial) != nil { return -1 }
        received += 1
        return received - 1
      }
    } else if step.action == .reverse {
      removed.formUnion(serials)
    }
    var split = Array(repeating: [Int](), count: parts)
    for (position, serial) in serials.enumerated() { split[part(of: serial)].append(position) }
    for part in 0..<parts where !split[part].isEmpty {
      if step.action == .receive { receipts[part] += split[part].count }
      var body: [UInt8] = []
      ByteWriter.u64(UInt64(record.offset), into: &body)
      ByteWriter.u64(record.sequence, into: &body)
      ByteWriter.u32(UInt32(item), into: &body)
      Self.encode(step, into: &body)
      ByteWriter.u32(UInt32(split[part].count), into: &body)
      for position in split[part] {
        let serial = serials[position].utf8
        Self.varint(position, into: &body)
        if !slots.isEmpty { Self.varint(slots[position] + 1, into: &body) }
        Self.varint(serial.count, into: &body)
        body.append(contentsOf: serial)
      }
      ByteWriter.u32(UInt32(body.count), into: &buffers[part])
      buffers[part] += body
      if buffers[part].count >= flushAt { flush(part) }
    }
  }

  /// Writes out what is buffered; throws what went wrong writing any part.
  func finish() throws(StoreError) {
    for part in 0..<parts { flush(part) }
    if let failure { throw failure }
  }

  private func flush(_ part: Int) {
    guard failure == nil, !buffers[part].isEmpty else { return }
    buffers[part].withUnsafeBytes { raw in
      do throws(StoreError) { try files[part].writeAll(raw) } catch { failure = error }
    }
    written[part] += buffers[part].count
    buffers[part] = []
  }

  /// Reads part `part` back, entry by entry in ledger order; `read` is told the bytes read.
  func read(
    part: Int, _ body: (Entry) throws(StoreError) -> Bool, read: (Int) -> Void = { _ in }
  ) throws(StoreError) {
    let file = files[part]
    let size = written[part]
    var buffer: [UInt8] = []
    var start = 0
    var offset = 0
    func fill(_ count: Int) throws(StoreError) {
      guard buffer.count - start < count else { return }
      buffer.removeFirst(start)
      start = 0
      let more = try file.read(at: offset, count: max(count - buffer.count, 1 << 20))
      offset += more.count
      buffer += more
      if buffer.count < count { throw .unavailable("\(file.path): a temporary file ended early") }
      read(offset)
    }
    while offset < size || start < buffer.count {
      try fill(4)
      var length = ByteReader(Array(buffer[start..<(start + 4)]))
      let count = Int(length.u32())
      try fill(4 + count)
      var reader = ByteReader(Array(buffer[(start + 4)..<(start + 4 + count)]))
      start += 4 + count
      let entryOffset = Int(reader.u64())
      let sequence = reader.u64()
      let item = Int(reader.u32())
      let step = Self.decode(&reader)
      let serialCount = Int(reader.u32())
      var serials: [String] = []
      var positions: [Int] = []
      var slots: [Int] = []
      serials.reserveCapacity(serialCount)
      positions.reserveCapacity(serialCount)
      for _ in 0..<serialCount {
        positions.append(Self.varint(&reader))
        if step.action == .receive { slots.append(Self.varint(&reader) - 1) }
        let length = Self.varint(&reader)
        serials.append(
          String(
            decoding: reader.bytes[reader.position..<(reader.position + length)], as: UTF8.self))
        reader.position += length
      }
      let entry = Entry(
        offset: entryOffset, sequence: sequence, item: item, step: step, serials: serials,
        positions: positions, slots: slots)
      if !(try body(entry)) { return }
    }
  }

  /// A number in 7-bit groups, low first (a serial's place and length take a byte or three).
  private static func varint(_ value: Int, into bytes: inout [UInt8]) {
    var rest = UInt(value)
    while rest >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }

  private static func varint(_ reader: inout ByteReader) -> Int {
    var value = 0
    var shift = 0
    while reader.position < reader.count {
      let byte = reader.bytes[reader.position]
      reader.position += 1
      value |= Int(byte & 0x7F) << shift
      if byte < 0x80 { break }
      shift += 7
    }
    return value
  }

  private static func encode(_ step: TokenStep, into bytes: inout [UInt8]) {
    func code<T: CaseIterable & Equatable>(_ value: T?) -> UInt8 {
      guard let value, let index = Array(T.allCases).firstIndex(of: value) else { return 0xFF }
      return UInt8(index)
    }
    bytes.append(code(step.action))
    ByteWriter.u32(UInt32(bitPattern: Int32(step.holder ?? -1)), into: &bytes)
    bytes.append(step.model)
    bytes.append(step.container ?? 0)
    bytes.append(step.container == nil ? 0 : 1)
    bytes.append(code(step.type))
    bytes.append(code(step.disposition))
    bytes.append(code(step.ownership))
    bytes.append(step.needsPIN ? 1 : 0)
    bytes.append(step.inUse ? 1 : 0)
  }

  private static func decode(_ reader: inout ByteReader) -> TokenStep {
    func byte() -> UInt8 {
      defer { reader.position += 1 }
      return reader.bytes[reader.position]
    }
    func value<T: CaseIterable>(_ code: UInt8) -> T? {
      let all = Array(T.allCases)
      return Int(code) < all.count ? all[Int(code)] : nil
    }
    let action: ActionCode = value(byte()) ?? .define
    let holder = Int(Int32(bitPattern: reader.u32()))
    let model = byte()
    let container = byte()
    let hasContainer = byte() == 1
    let type: AllocationType? = value(byte())
    let disposition: Disposition? = value(byte())
    let ownership: Ownership = value(byte()) ?? .owned
    let needsPIN = byte() == 1
    let inUse = byte() == 1
    return TokenStep(
      action: action, holder: holder < 0 ? nil : holder, model: model,
      container: hasContainer ? container : nil, type: type, disposition: disposition,
      ownership: ownership, needsPIN: needsPIN, inUse: inUse)
  }
}
