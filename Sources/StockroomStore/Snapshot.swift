import Foundation
import Glibc
import StockroomDomain

/// The snapshot file (`SnapshotLayout`): the state at a ledger position, so opening does not
/// replay the ledger, read in place so opening does not read the tokens either. Written to a
/// temporary name, fsynced, renamed into place and the folder fsynced.
enum Snapshot {
  static let fileName = "snapshot.bin"

  static func write(
    _ contents: SnapshotContents, in directory: DataDirectory, name: String = fileName
  ) throws(StoreError) {
    let final = directory.file(name)
    let temporary = final + ".tmp-\(getpid())"
    Leftovers.remove(in: directory.path, prefix: name + ".tmp-")
    let file = try POSIXFile.open(temporary, flags: O_WRONLY | O_CREAT | O_TRUNC)
    directory.adopt(file)
    do throws(StoreError) {
      var small = ChunkWriter(file: file)
      try encode(contents, into: &small)
      var smallBytes = small.buffer
      smallBytes += Array(repeating: 0, count: (8 - smallBytes.count % 8) % 8)
      try file.write(smallBytes, at: SnapshotLayout.smallOffset)
      let state = contents.state
      let tokensOffset = SnapshotLayout.tokensStart(smallLength: smallBytes.count)
      let sections = try SnapshotSections.write(
        state.tokens, accounts: state.accounts.count, models: state.models.count, file: file,
        at: tokensOffset)
      var sums: [UInt8] = []
      for sum in sections.sums { ByteWriter.u32(sum, into: &sums) }
      try file.write(sums, at: sections.end)
      let layout = SnapshotLayout(
        anchor: contents.anchor, tokenCount: state.tokens.count, groupCount: sections.groupCount,
        smallLength: smallBytes.count, smallCRC: CRC32C.checksum(smallBytes),
        tokensOffset: tokensOffset, heapOffset: sections.heapOffset,
        heapLength: sections.heapLength, bySerialOffset: sections.bySerialOffset,
        byGroupOffset: sections.byGroupOffset, groupsOffset: sections.groupsOffset,
        tokensEnd: sections.end, sumsCRC: CRC32C.checksum(sums))
      try file.write(layout.header(), at: 0)
      // Empty sections at the end write nothing: the file still ends where the header says.
      if let reason = file.truncate(to: layout.fileSize) {
        throw .commitFailed("\(temporary): cannot set its size: \(reason)")
      }
      if let reason = file.sync() { throw .commitFailed("\(temporary): fsync failed: \(reason)") }
      FaultInjection.crash(at: .snapshotTemp)
      if rename(temporary, final) != 0 {
        throw .commitFailed("\(final): cannot rename into place: \(POSIXFile.errnoText())")
      }
      FaultInjection.crash(at: .snapshotRenamed)
      if let reason = POSIXFile.syncDirectory(directory.path) {
        throw .commitFailed("\(directory.path): fsync failed: \(reason)")
      }
    } catch {
      unlink(temporary)
      throw error
    }
  }

  /// The small state: everything but the tokens.
  private static func encode(_ contents: SnapshotContents, into writer: inout ChunkWriter)
    throws(StoreError)
  {
    let state = contents.state
    writer.string(state.providerName)
    writer.i64(state.containers.count)
    for container in state.containers {
      writer.string(container.code)
      writer.string(container.name)
    }
    writer.i64(state.models.count)
    for model in state.models { writer.string(model) }
    writer.i64(state.accounts.count)
    for account in state.accounts {
      writer.string(account.code)
      writer.string(account.name)
      writer.string(account.contact ?? "")
      for holding in account.holdings {
        writer.i64(holding.maximum)
        writer.i64(holding.inUse)
        writer.i64(holding.leased)
      }
      for model in state.models.indices {
        writer.i64(account.hardwareAllocated[model])
        writer.i64(account.hardwareInUse[model])
      }
    }
    let stock = state.stock.sorted {
      ($0.key.product.rawValue, $0.key.ownership.rawValue, $0.key.container)
        < ($1.key.product.rawValue, $1.key.ownership.rawValue, $1.key.container)
    }
    writer.i64(stock.count)
    for (key, quantity) in stock {
      writer.u8(productCode(key.product))
      writer.u8(key.ownership == .owned ? 0 : 1)
      writer.i64(key.container)
      writer.i64(quantity)
    }
    writer.i64(Product.software.count * 2)
    for product in Product.software {
      for ownership in Ownership.allCases {
        writer.u8(productCode(product))
        writer.u8(ownership == .owned ? 0 : 1)
        writer.i64(state.received[product]?[ownership] ?? 0)
      }
    }
    writer.i64(contents.keys.count)
    for (key, sequence) in contents.keys.sorted(by: { $0.value < $1.value }) {
      writer.string(key)
      writer.u64(sequence)
    }
    // The smaller areas (subscriptions, orders) as JSON sections.
    writer.blob(try areaJSON(state.subscriptions))
    writer.blob(try areaJSON(state.orders))
    writer.blob(try areaJSON(state.reversals))
  }

  private static func areaJSON<T: Encodable>(_ value: T) throws(StoreError) -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    do {
      return Array(try encoder.encode(value))
    } catch {
      throw .unavailable("cannot encode the snapshot: \(error)")
    }
  }

  private static func area<T: Decodable>(_ bytes: [UInt8], _ path: String) throws(StoreError) -> T {
    do {
      return try JSONDecoder().decode(T.self, from: Data(bytes))
    } catch {
      throw .unavailable("\(path): a snapshot section cannot be read: \(error)")
    }
  }

  /// Opens a snapshot: checks its header, small state and page sums, decodes the small state
  /// and maps the file, whose tokens are then read in place as asked (`MappedTokens`). Throws
  /// `.unavailable` naming what is wrong. `rebuild` gives the tokens at the snapshot's stamp
  /// from the ledger, should a token page fail its check.
  static func read(
    in directory: DataDirectory, name: String = fileName,
    rebuild: @escaping @Sendable (_ anchor: SnapshotAnchor, _ count: Int) -> any TokenBase
  ) throws(StoreError) -> SnapshotContents? {
    let path = directory.file(name)
    guard POSIXFile.exists(path) else { return nil }
    let file = try POSIXFile.open(path, flags: O_RDONLY)
    let size = try file.size()
    let layout = try SnapshotLayout.read(
      try file.read(at: 0, count: SnapshotLayout.headerSize), fileSize: size, path: path)
    let small = try file.read(at: SnapshotLayout.smallOffset, count: layout.smallLength)
    if small.count != layout.smallLength || CRC32C.checksum(small) != layout.smallCRC {
      throw .unavailable("\(path): checksum mismatch in the small state")
    }
    let sumBytes = try file.read(at: layout.sumsOffset, count: layout.pageCount * 4)
    if sumBytes.count != layout.pageCount * 4 || CRC32C.checksum(sumBytes) != layout.sumsCRC {
      throw .unavailable("\(path): checksum mismatch in the page sums")
    }
    var sumReader = ByteReader(sumBytes)
    let sums = (0..<layout.pageCount).map { _ in sumReader.u32() }
    var reader = SnapshotReader(small, path: path)
    var state = InventoryState(providerName: try reader.string())
    for _ in 0..<(try reader.count(limit: 256)) {
      state.containers.append(Container(code: try reader.string(), name: try reader.string()))
    }
    for _ in 0..<(try reader.count(limit: 256)) { state.models.append(try reader.string()) }
    for _ in 0..<(try reader.count(limit: 10_000_000)) {
      var account = Account(
        code: try reader.string(), name: try reader.string(), modelCount: state.models.count)
      let contact = try reader.string()
      account.contact = contact.isEmpty ? nil : contact
      for column in account.holdings.indices {
        account.holdings[column] = Holding(
          maximum: try reader.i64(), inUse: try reader.i64(), leased: try reader.i64())
      }
      for model in state.models.indices {
        account.hardwareAllocated[model] = try reader.i64()
        account.hardwareInUse[model] = try reader.i64()
      }
      state.accounts.append(account)
    }
    for _ in 0..<(try reader.count()) {
      let product = try product(try reader.u8(), path)
      let ownership: Ownership = try reader.u8() == 0 ? .owned : .leased
      let key = StockKey(product: product, ownership: ownership, container: try reader.i64())
      state.stock[key] = try reader.i64()
    }
    for _ in 0..<(try reader.count()) {
      let product = try product(try reader.u8(), path)
      let ownership: Ownership = try reader.u8() == 0 ? .owned : .leased
      let quantity = try reader.i64()
      if quantity != 0 { state.received[product, default: [:]][ownership] = quantity }
    }
    var keys: [String: UInt64] = [:]
    for _ in 0..<(try reader.count()) { keys[try reader.string()] = try reader.u64() }
    state.subscriptions = try area(try reader.blob(), path)
    state.orders = try area(try reader.blob(), path)
    state.reversals = try area(try reader.blob(), path)
    try reader.finish()
    state.rebuildLookups()
    let anchor = layout.anchor
    let count = layout.tokenCount
    state.tokens = TokenTable(
      base: MappedTokens(
        mapping: try Mapping(file: file, size: size), layout: layout, sums: sums, path: path,
        limits: (state.accounts.count, state.models.count, state.containers.count),
        rebuild: { rebuild(anchor, count) }))
    return SnapshotContents(anchor: anchor, state: state, keys: keys)
  }

  /// The sequence the snapshot on disk covers, reading its header only (nil: none usable).
  static func sequence(in directory: DataDirectory, name: String = fileName) -> UInt64? {
    layout(in: directory, name: name)?.anchor.sequence
  }

  /// How many tokens the snapshot on disk holds, reading its header only.
  static func tokenCount(in directory: DataDirectory, name: String = fileName) -> Int? {
    layout(in: directory, name: name)?.tokenCount
  }

  private static func layout(in directory: DataDirectory, name: String) -> SnapshotLayout? {
    let path = directory.file(name)
    guard let file = try? POSIXFile.open(path, flags: O_RDONLY), let size = try? file.size(),
      let header = try? file.read(at: 0, count: SnapshotLayout.headerSize)
    else { return nil }
    return try? SnapshotLayout.read(header, fileSize: size, path: path)
  }

  private static func productCode(_ product: Product) -> UInt8 {
    UInt8(Product.allCases.firstIndex(of: product) ?? 0)
  }

  private static func product(_ code: UInt8, _ path: String) throws(StoreError) -> Product {
    guard Int(code) < Product.allCases.count else {
      throw .unavailable("\(path): unknown product code \(code)")
    }
    return Product.allCases[Int(code)]
  }
}
