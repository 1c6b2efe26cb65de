import Foundation
import Glibc
import StockroomDomain

/// The snapshot file: a compact binary copy of the state at a ledger position, so opening a
/// million tokens does not replay the whole ledger. Written to a temporary name, fsynced,
/// renamed into place and the folder fsynced; its last 4 bytes are a CRC-32C of the rest.
enum Snapshot {
  static let fileName = "snapshot.bin"
  static let magic = Array("STKSNAP1".utf8)
  static let version: UInt32 = 2

  static func write(_ contents: SnapshotContents, in directory: DataDirectory)
    throws(StoreError)
  {
    let final = directory.file(fileName)
    let temporary = final + ".tmp-\(getpid())"
    Leftovers.remove(in: directory.path, prefix: fileName + ".tmp-")
    let file = try POSIXFile.open(temporary, flags: O_WRONLY | O_CREAT | O_TRUNC)
    directory.adopt(file)
    do throws(StoreError) {
      var writer = ChunkWriter(file: file)
      try encode(contents, into: &writer)
      try writer.finish()
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

  private static func encode(_ contents: SnapshotContents, into writer: inout ChunkWriter)
    throws(StoreError)
  {
    let state = contents.state
    writer.buffer += magic
    writer.u32(version)
    writer.u64(contents.anchor.sequence)
    writer.u32(contents.anchor.crc)
    writer.i64(contents.anchor.ledgerOffset)
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
    writer.i64(state.tokens.count)
    for token in state.tokens {
      let serial = Array(token.serial.utf8)
      writer.u8(UInt8(serial.count))
      writer.buffer += serial
      writer.u8(token.model)
      writer.u8(token.container)
      writer.u8(stateCode(token.state))
      let flags: UInt8 =
        (token.ownership == .leased ? 1 : 0) | (token.inUse ? 2 : 0) | (token.needsPIN ? 4 : 0)
        | (token.sold ? 8 : 0)
      writer.u8(flags)
      writer.u32(UInt32(bitPattern: token.account))
      try writer.flushIfFull()
    }
    // The smaller areas (subscriptions, orders) as JSON sections.
    writer.blob(try areaJSON(state.subscriptions))
    writer.blob(try areaJSON(state.orders))
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

  /// Reads and checks a snapshot; throws `.unavailable` naming what is wrong.
  static func read(in directory: DataDirectory) throws(StoreError) -> SnapshotContents? {
    let path = directory.file(fileName)
    guard POSIXFile.exists(path) else { return nil }
    let file = try POSIXFile.open(path, flags: O_RDONLY)
    var reader = try ChunkReader(file: file)
    try reader.need(magic.count)
    if Array(reader.buffer[0..<magic.count]) != magic {
      throw .unavailable("\(path): not a Stockroom snapshot")
    }
    reader.position = magic.count
    let format = try reader.u32()
    if format != version { throw .unavailable("\(path): snapshot format \(format) not supported") }
    let anchor = SnapshotAnchor(
      sequence: try reader.u64(), crc: try reader.u32(), ledgerOffset: try reader.i64())
    var state = InventoryState(providerName: try reader.string())
    for _ in 0..<(try reader.count(limit: 256)) {
      state.containers.append(Container(code: try reader.string(), name: try reader.string()))
    }
    for _ in 0..<(try reader.count(limit: 256)) { state.models.append(try reader.string()) }
    for _ in 0..<(try reader.count(limit: 10_000_000)) {
      var account = Account(
        code: try reader.string(), name: try reader.string(), modelCount: state.models.count)
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
    let tokenCount = try reader.count()
    state.tokens.reserveCapacity(tokenCount)
    for _ in 0..<tokenCount {
      let length = Int(try reader.u8())
      try reader.need(length + 8)
      let start = reader.position
      let serial = String(decoding: reader.buffer[start..<(start + length)], as: UTF8.self)
      reader.position += length
      let model = try reader.u8()
      let container = try reader.u8()
      let tokenState = try tokenState(try reader.u8(), path)
      let flags = try reader.u8()
      let account = Int32(bitPattern: try reader.u32())
      state.tokens.append(
        HardwareToken(
          serial: serial, account: account, model: model, container: container,
          state: tokenState, ownership: flags & 1 != 0 ? .leased : .owned, inUse: flags & 2 != 0,
          needsPIN: flags & 4 != 0, sold: flags & 8 != 0))
    }
    state.subscriptions = try area(try reader.blob(), path)
    state.orders = try area(try reader.blob(), path)
    try reader.finish()
    state.rebuildLookups()
    return SnapshotContents(anchor: anchor, state: state, keys: keys)
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

  private static func stateCode(_ state: TokenState) -> UInt8 {
    UInt8(TokenState.allCases.firstIndex(of: state) ?? 0)
  }

  private static func tokenState(_ code: UInt8, _ path: String) throws(StoreError) -> TokenState {
    guard Int(code) < TokenState.allCases.count else {
      throw .unavailable("\(path): unknown token state \(code)")
    }
    return TokenState.allCases[Int(code)]
  }
}
