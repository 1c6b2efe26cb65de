import Glibc
import StockroomDomain
import Synchronization

/// The tokens of a snapshot file read in place: the file is memory-mapped and a token page is
/// read (and its `PageSum` and the bounds of what it holds checked) only when something asks
/// for a token on it, so opening ten million tokens costs what opening one does. A page that
/// fails its check is never used: the tokens are then rebuilt by replaying the ledger up to
/// the snapshot's stamp (`rebuild`), with the same indices, and every answer comes from that.
final class MappedTokens: TokenBase {
  private let mapping: Mapping
  private let layout: SnapshotLayout
  private let sums: [UInt32]
  private let checked: AtomicBits
  /// What a token may name: accounts, models and containers of the snapshot's small state.
  private let limits: (accounts: Int, models: Int, containers: Int)
  private let rebuild: @Sendable () -> any TokenBase
  private let replaced = Atomic<Bool>(false)
  private let replacement = Mutex<(any TokenBase)?>(nil)
  let path: String

  init(
    mapping: Mapping, layout: SnapshotLayout, sums: [UInt32], path: String,
    limits: (accounts: Int, models: Int, containers: Int),
    rebuild: @escaping @Sendable () -> any TokenBase
  ) {
    self.mapping = mapping
    self.layout = layout
    self.sums = sums
    self.path = path
    self.limits = limits
    self.rebuild = rebuild
    checked = AtomicBits(count: layout.pageCount)
  }

  var count: Int { layout.tokenCount }

  /// True once a damaged page made this read its tokens from the ledger instead.
  var isReplaced: Bool { replaced.load(ordering: .acquiring) }

  // MARK: - TokenBase

  func token(at index: Int) -> HardwareToken {
    if let other = current() { return other.token(at: index) }
    guard var token = readFacts(index), let serial = readSerial(index) else {
      return failOver().token(at: index)
    }
    token.serial = serial
    return token
  }

  func facts(at index: Int) -> HardwareToken {
    if let other = current() { return other.facts(at: index) }
    guard let token = readFacts(index) else { return failOver().facts(at: index) }
    return token
  }

  func serial(at index: Int) -> String {
    if let other = current() { return other.serial(at: index) }
    guard let serial = readSerial(index) else { return failOver().serial(at: index) }
    return serial
  }

  func index(of serial: String) -> Int? {
    if let other = current() { return other.index(of: serial) }
    var query = serial
    let found: Int?? = query.withUTF8 { wanted in
      var low = 0
      var high = count
      while low < high {
        let middle = (low + high) / 2
        guard let index = permutation(layout.bySerialOffset, middle),
          let order = withSerialBytes(
            Int(index), { SerialOrder.compare($0, UnsafeRawBufferPointer(wanted)) })
        else { return .none }
        if order < 0 { low = middle + 1 } else { high = middle }
      }
      guard low < count else { return .some(nil) }
      guard let index = permutation(layout.bySerialOffset, low),
        let order = withSerialBytes(
          Int(index), { SerialOrder.compare($0, UnsafeRawBufferPointer(wanted)) })
      else { return .none }
      return .some(order == 0 ? Int(index) : nil)
    }
    guard let found else { return failOver().index(of: serial) }
    return found
  }

  func withSerialOrder<Result>(_ body: (UnsafeBufferPointer<UInt32>) -> Result) -> Result {
    if let other = current() { return other.withSerialOrder(body) }
    guard let run = indices(at: layout.bySerialOffset, from: 0, count: count) else {
      return failOver().withSerialOrder(body)
    }
    return body(run)
  }

  func withMembers<Result>(
    holder: Int32, model: Int, _ body: (UnsafeBufferPointer<UInt32>) -> Result
  ) -> Result {
    if let other = current() { return other.withMembers(holder: holder, model: model, body) }
    guard let (start, size) = group(holder: holder, model: model),
      let run = indices(at: layout.byGroupOffset, from: start, count: size)
    else { return failOver().withMembers(holder: holder, model: model, body) }
    return body(run)
  }

  // MARK: - Reading checked pages

  private func current() -> (any TokenBase)? {
    guard replaced.load(ordering: .acquiring) else { return nil }
    return replacement.withLock { $0 }
  }

  /// The tokens replayed from the ledger, made the first time a page fails its check.
  private func failOver() -> any TokenBase {
    replacement.withLock { other in
      if let other { return other }
      let rebuilt = rebuild()
      other = rebuilt
      replaced.store(true, ordering: .releasing)
      return rebuilt
    }
  }

  /// True when the bytes `offset..<offset + length` lie on pages that passed their check.
  private func check(_ offset: Int, _ length: Int) -> Bool {
    guard length > 0 else { return true }
    let first = (offset - layout.tokensOffset) / SnapshotLayout.pageSize
    let last = (offset + length - 1 - layout.tokensOffset) / SnapshotLayout.pageSize
    for page in first...last where !checked.contains(page) {
      guard page >= 0, page < sums.count, isSound(page) else { return false }
      checked.insert(page)
    }
    return true
  }

  /// The page's sum matches, and everything on it points inside the file and the state.
  private func isSound(_ page: Int) -> Bool {
    let start = layout.tokensOffset + page * SnapshotLayout.pageSize
    let bytes = mapping.bytes(start, SnapshotLayout.pageSize)
    guard PageSum.of(bytes) == sums[page] else { return false }
    let end = start + SnapshotLayout.pageSize
    func span(_ offset: Int, _ length: Int, _ size: Int) -> Range<Int> {
      let low = max(start, offset)
      let high = min(end, offset + length)
      return low < high ? ((low - offset) / size)..<((high - offset) / size) : 0..<0
    }
    for record in span(layout.recordsOffset, count * SnapshotLayout.recordSize, 16) {
      let at = layout.recordsOffset + record * SnapshotLayout.recordSize
      let account = Int(Int32(bitPattern: mapping.u32(at)))
      let serial = Int(mapping.u32(at + 8)) + Int(mapping.u16(at + 12))
      guard account >= -1, account < limits.accounts, Int(mapping.u8(at + 4)) < limits.models,
        Int(mapping.u8(at + 5)) < limits.containers,
        Int(mapping.u8(at + 6)) < TokenState.allCases.count, serial <= layout.heapLength
      else { return false }
    }
    for section in [layout.bySerialOffset, layout.byGroupOffset] {
      for place in span(section, count * 4, 4) where Int(mapping.u32(section + place * 4)) >= count
      {
        return false
      }
    }
    for group in span(layout.groupsOffset, layout.groupCount * SnapshotLayout.groupSize, 16) {
      let at = layout.groupsOffset + group * SnapshotLayout.groupSize
      let holder = Int(Int32(bitPattern: mapping.u32(at)))
      guard holder >= -1, holder < limits.accounts, Int(mapping.u32(at + 4)) < limits.models,
        Int(mapping.u32(at + 8)) + Int(mapping.u32(at + 12)) <= count
      else { return false }
    }
    return true
  }

  private func readFacts(_ index: Int) -> HardwareToken? {
    guard index >= 0, index < count else { return nil }
    let at = layout.recordsOffset + index * SnapshotLayout.recordSize
    guard check(at, SnapshotLayout.recordSize) else { return nil }
    let flags = mapping.u8(at + 7)
    return HardwareToken(
      serial: "", account: Int32(bitPattern: mapping.u32(at)), model: mapping.u8(at + 4),
      container: mapping.u8(at + 5), state: TokenState.allCases[Int(mapping.u8(at + 6))],
      ownership: flags & 1 != 0 ? .leased : .owned, inUse: flags & 2 != 0,
      needsPIN: flags & 4 != 0, sold: flags & 8 != 0)
  }

  private func withSerialBytes<Result>(
    _ index: Int, _ body: (UnsafeRawBufferPointer) -> Result
  ) -> Result? {
    guard index >= 0, index < count else { return nil }
    let at = layout.recordsOffset + index * SnapshotLayout.recordSize
    guard check(at, SnapshotLayout.recordSize) else { return nil }
    let offset = layout.heapOffset + Int(mapping.u32(at + 8))
    let length = Int(mapping.u16(at + 12))
    guard check(offset, length) else { return nil }
    return body(mapping.bytes(offset, length))
  }

  private func readSerial(_ index: Int) -> String? {
    withSerialBytes(index) { String(decoding: $0, as: UTF8.self) }
  }

  private func permutation(_ section: Int, _ place: Int) -> UInt32? {
    let at = section + place * 4
    guard check(at, 4) else { return nil }
    return mapping.u32(at)
  }

  private func indices(at section: Int, from start: Int, count size: Int)
    -> UnsafeBufferPointer<UInt32>?
  {
    guard check(section + start * 4, size * 4) else { return nil }
    return mapping.words(section + start * 4, size)
  }

  /// The first place and size of a group in the group order, by binary search of the table;
  /// (0, 0) when there is none; nil when a page fails its check.
  private func group(holder: Int32, model: Int) -> (Int, Int)? {
    var low = 0
    var high = layout.groupCount
    while low < high {
      let middle = (low + high) / 2
      let at = layout.groupsOffset + middle * SnapshotLayout.groupSize
      guard check(at, SnapshotLayout.groupSize) else { return nil }
      let key = (Int32(bitPattern: mapping.u32(at)), Int(mapping.u32(at + 4)))
      if key == (holder, model) { return (Int(mapping.u32(at + 8)), Int(mapping.u32(at + 12))) }
      if key < (holder, model) { low = middle + 1 } else { high = middle }
    }
    return (0, 0)
  }

  /// Checks every page (`verify`): nil, or what is wrong with the first bad one. The pages are
  /// let go of as they are checked.
  func damagedPage() -> String? {
    defer { releasePages() }
    for page in 0..<sums.count where !checked.contains(page) {
      guard isSound(page) else {
        return
          "\(path): token page \(page) (byte \(layout.tokensOffset + page * SnapshotLayout.pageSize)) is damaged"
      }
      checked.insert(page)
      if page & 0xFF == 0xFF { releasePages() }
    }
    return nil
  }

  /// Lets go of the file's pages read so far (a pass over every token, in `verify`): a mapped
  /// page counts as this process's memory until then; the next read maps it again from the
  /// page cache.
  func releasePages() { mapping.release() }
}

/// A file mapped read-only, unmapped when the last reader lets go.
final class Mapping: @unchecked Sendable {
  let base: UnsafeRawPointer
  let size: Int

  init(file: POSIXFile, size: Int) throws(StoreError) {
    guard size > 0, let address = mmap(nil, size, PROT_READ, MAP_SHARED, file.fd, 0),
      address != MAP_FAILED
    else { throw .unavailable("\(file.path): cannot map: \(POSIXFile.errnoText())") }
    // Pages are read where a lookup lands, not in runs: no read-ahead around them.
    _ = madvise(address, size, MADV_RANDOM)
    base = UnsafeRawPointer(address)
    self.size = size
  }

  deinit { munmap(UnsafeMutableRawPointer(mutating: base), size) }

  /// Drops the pages read so far from this process (they stay in the page cache).
  func release() { _ = madvise(UnsafeMutableRawPointer(mutating: base), size, MADV_DONTNEED) }

  func bytes(_ offset: Int, _ count: Int) -> UnsafeRawBufferPointer {
    UnsafeRawBufferPointer(start: base + offset, count: count)
  }

  func u8(_ offset: Int) -> UInt8 { base.load(fromByteOffset: offset, as: UInt8.self) }

  func u16(_ offset: Int) -> UInt16 {
    UInt16(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt16.self))
  }

  func u32(_ offset: Int) -> UInt32 {
    UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
  }

  /// `count` little-endian words at `offset` (4-byte aligned), read in place.
  func words(_ offset: Int, _ count: Int) -> UnsafeBufferPointer<UInt32> {
    UnsafeBufferPointer(
      start: (base + offset).assumingMemoryBound(to: UInt32.self), count: count)
  }
}

/// A fixed set of small numbers that threads may test and insert at once (which token pages
/// passed their check).
final class AtomicBits: @unchecked Sendable {
  private let words: UnsafeMutablePointer<Atomic<UInt64>>
  private let wordCount: Int

  init(count: Int) {
    wordCount = (count + 63) / 64
    words = .allocate(capacity: max(1, wordCount))
    for index in 0..<wordCount { (words + index).initialize(to: Atomic(0)) }
  }

  deinit {
    words.deinitialize(count: wordCount)
    words.deallocate()
  }

  func contains(_ bit: Int) -> Bool {
    bit >= 0 && bit < wordCount * 64
      && words[bit >> 6].load(ordering: .acquiring) & (1 << UInt64(bit & 63)) != 0
  }

  func insert(_ bit: Int) {
    guard bit >= 0, bit < wordCount * 64 else { return }
    words[bit >> 6].bitwiseOr(1 << UInt64(bit & 63), ordering: .releasing)
  }
}

/// Serial order on bytes read in place: the order of `String` (bytes when both are ASCII,
/// which is the same order; the strings otherwise).
enum SerialOrder {
  static func compare(_ left: UnsafeRawBufferPointer, _ right: UnsafeRawBufferPointer) -> Int {
    if isASCII(left) && isASCII(right) {
      let shared = min(left.count, right.count)
      if shared > 0, let a = left.baseAddress, let b = right.baseAddress {
        let order = memcmp(a, b, shared)
        if order != 0 { return Int(order) }
      }
      return left.count - right.count
    }
    let a = String(decoding: left, as: UTF8.self)
    let b = String(decoding: right, as: UTF8.self)
    return a < b ? -1 : (a == b ? 0 : 1)
  }

  private static func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
    bytes.allSatisfy { $0 < 0x80 }
  }
}
