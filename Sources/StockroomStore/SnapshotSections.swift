import StockroomDomain

/// Writes one section of a snapshot's tokens at its place, a page at a time, keeping the
/// `PageSum` of each page; the last page is filled with zeros.
struct SectionWriter {
  let file: POSIXFile
  let start: Int
  /// Bytes given so far (the section's length, before the last page is filled).
  private(set) var length = 0
  private(set) var sums: [UInt32] = []
  private var buffer: [UInt8] = []
  private var flushed = 0

  init(file: POSIXFile, start: Int) {
    self.file = file
    self.start = start
    buffer.reserveCapacity(Self.chunk + SnapshotLayout.pageSize)
  }

  static let chunk = 256 * SnapshotLayout.pageSize

  mutating func append<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
    buffer.append(contentsOf: bytes)
    length += bytes.count
  }

  mutating func u32(_ value: UInt32) {
    ByteWriter.u32(value, into: &buffer)
    length += 4
  }

  /// Appends what `fill` adds to the buffer.
  mutating func write(_ fill: (inout [UInt8]) -> Void) {
    let before = buffer.count
    fill(&buffer)
    length += buffer.count - before
  }

  mutating func flushIfFull() throws(StoreError) {
    if buffer.count >= Self.chunk { try flush(final: false) }
  }

  /// Writes what is buffered (whole pages; every page when `final`, the last filled out).
  mutating func flush(final: Bool) throws(StoreError) {
    let page = SnapshotLayout.pageSize
    if final && buffer.count % page != 0 {
      buffer += Array(repeating: 0, count: page - buffer.count % page)
    }
    let whole = buffer.count / page * page
    guard whole > 0 else { return }
    var failure: StoreError?
    buffer.withUnsafeBytes { raw in
      for offset in stride(from: 0, to: whole, by: page) {
        sums.append(PageSum.of(UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + page)])))
      }
      do throws(StoreError) {
        try file.write(UnsafeRawBufferPointer(rebasing: raw[0..<whole]), at: start + flushed)
      } catch {
        failure = error
      }
    }
    if let failure { throw failure }
    flushed += whole
    buffer.removeFirst(whole)
  }

  /// Where the next section starts.
  var end: Int { start + SnapshotLayout.pages(length) * SnapshotLayout.pageSize }
}

/// The token sections of a snapshot written from a `TokenTable`: records and serials in one
/// pass, then the serial order (the base's merged with the tokens received since, or sorted
/// when there is no base) and the groups by a counting sort of it.
struct SnapshotSections {
  var heapOffset = 0
  var heapLength = 0
  var bySerialOffset = 0
  var byGroupOffset = 0
  var groupsOffset = 0
  var groupCount = 0
  var end = 0
  var sums: [UInt32] = []

  static func write(
    _ tokens: TokenTable, accounts: Int, models: Int, file: POSIXFile, at start: Int
  ) throws(StoreError) -> SnapshotSections {
    var sections = SnapshotSections()
    let count = tokens.count
    var records = SectionWriter(file: file, start: start)
    var heap = SectionWriter(
      file: file,
      start: start + SnapshotLayout.pages(count * SnapshotLayout.recordSize)
        * SnapshotLayout.pageSize)
    for index in 0..<count {
      var token = tokens[index]
      let offset = heap.length
      let length = token.serial.utf8.count
      guard length <= Int(UInt16.max), offset + length < Int(UInt32.max) else {
        throw .unavailable("cannot write a snapshot: the serials take more than 4 GiB")
      }
      token.serial.withUTF8 { heap.append($0) }
      records.write {
        Self.record(token, heapOffset: UInt32(offset), length: UInt16(length), into: &$0)
      }
      if index == count / 2 { FaultInjection.crash(at: .snapshotTokens) }
      try records.flushIfFull()
      try heap.flushIfFull()
    }
    try records.flush(final: true)
    try heap.flush(final: true)
    sections.heapOffset = heap.start
    sections.heapLength = heap.length
    let bySerial = try serialOrder(tokens)
    var serialWriter = SectionWriter(file: file, start: heap.end)
    try write(bySerial, with: &serialWriter)
    sections.bySerialOffset = serialWriter.start
    let (byGroup, groups) = try groupOrder(tokens, bySerial, accounts: accounts, models: models)
    var groupWriter = SectionWriter(file: file, start: serialWriter.end)
    try write(byGroup, with: &groupWriter)
    sections.byGroupOffset = groupWriter.start
    var groupTable = SectionWriter(file: file, start: groupWriter.end)
    for group in groups {
      groupTable.u32(UInt32(bitPattern: group.holder))
      groupTable.u32(UInt32(group.model))
      groupTable.u32(group.start)
      groupTable.u32(group.count)
    }
    try groupTable.flush(final: true)
    sections.groupsOffset = groupTable.start
    sections.groupCount = groups.count
    sections.end = groupTable.end
    sections.sums =
      records.sums + heap.sums + serialWriter.sums + groupWriter.sums + groupTable.sums
    return sections
  }

  private static func write(_ indices: [UInt32], with writer: inout SectionWriter)
    throws(StoreError)
  {
    for start in stride(from: 0, to: indices.count, by: 1 << 16) {
      for index in indices[start..<min(start + (1 << 16), indices.count)] { writer.u32(index) }
      try writer.flushIfFull()
    }
    try writer.flush(final: true)
  }

  /// A token's 16-byte record: account, model, container, state, flags, serial place, length.
  static func record(
    _ token: HardwareToken, heapOffset: UInt32, length: UInt16, into bytes: inout [UInt8]
  ) {
    ByteWriter.u32(UInt32(bitPattern: token.account), into: &bytes)
    bytes.append(token.model)
    bytes.append(token.container)
    bytes.append(SnapshotLayout.code(token.state))
    bytes.append(
      (token.ownership == .leased ? 1 : 0) | (token.inUse ? 2 : 0) | (token.needsPIN ? 4 : 0)
        | (token.sold ? 8 : 0))
    ByteWriter.u32(heapOffset, into: &bytes)
    bytes.append(UInt8(truncatingIfNeeded: length))
    bytes.append(UInt8(truncatingIfNeeded: length >> 8))
    bytes.append(0)
    bytes.append(0)
  }

  /// Every index in serial order: the base's order with the tokens received since merged in.
  static func serialOrder(_ tokens: TokenTable) throws(StoreError) -> [UInt32] {
    guard let base = tokens.base else {
      var order = (0..<UInt32(tokens.count)).map { $0 }
      order.sort { tokens.serial(at: Int($0)) < tokens.serial(at: Int($1)) }
      return order
    }
    var arrivals = (base.count..<tokens.count).map { UInt32($0) }
    arrivals.sort { tokens.serial(at: Int($0)) < tokens.serial(at: Int($1)) }
    return base.withSerialOrder { order in
      var merged: [UInt32] = []
      merged.reserveCapacity(tokens.count)
      var copied = 0
      for arrival in arrivals {
        let serial = tokens.serial(at: Int(arrival))
        var low = copied
        var high = order.count
        while low < high {
          let middle = (low + high) / 2
          if base.serial(at: Int(order[middle])) < serial {
            low = middle + 1
          } else {
            high = middle
          }
        }
        merged += order[copied..<low]
        merged.append(arrival)
        copied = low
      }
      merged += order[copied...]
      return merged
    }
  }

  /// One group of the table: a holder's tokens of a model, a run of the group order.
  struct Group {
    var holder: Int32
    var model: Int
    var start: UInt32
    var count: UInt32
  }

  /// The serial order sorted (stably, by counting) by holder then model, and its groups.
  static func groupOrder(
    _ tokens: TokenTable, _ bySerial: [UInt32], accounts: Int, models: Int
  ) throws(StoreError) -> ([UInt32], [Group]) {
    let modelCount = max(1, models)
    func key(_ index: UInt32) throws(StoreError) -> Int {
      let token = tokens.facts(at: Int(index))
      let holder = Int(token.account) + 1
      guard holder >= 0, holder <= accounts, Int(token.model) < modelCount else {
        throw .unavailable(
          "cannot write a snapshot: token \(index) names an unknown account or model")
      }
      return holder * modelCount + Int(token.model)
    }
    var next = [Int](repeating: 0, count: (accounts + 1) * modelCount)
    for index in bySerial { next[try key(index)] += 1 }
    var groups: [Group] = []
    var start = 0
    for slot in next.indices {
      let size = next[slot]
      if size > 0 {
        groups.append(
          Group(
            holder: Int32(slot / modelCount - 1), model: slot % modelCount, start: UInt32(start),
            count: UInt32(size)))
      }
      next[slot] = start
      start += size
    }
    var byGroup = [UInt32](repeating: 0, count: bySerial.count)
    for index in bySerial {
      let slot = try key(index)
      byGroup[next[slot]] = index
      next[slot] += 1
    }
    return (byGroup, groups)
  }
}
