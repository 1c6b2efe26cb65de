import StockroomDomain

/// Lookups by index: a transaction by ID and the transactions of an account, a serial, a
/// subscription, an order or a warehouse, each reading only the records the index names. Every record is
/// checked as it is read (its place, checksum and sequence, then that it is about the
/// subject); when one is not what the index says, the index is rebuilt from the ledger and
/// the lookup runs again, so a damaged or stale index never gives a wrong answer.
extension FileStore {
  public func transaction(id: String) throws(StoreError) -> Transaction? {
    guard let sequence = Transaction.sequence(of: id), sequence <= position.sequence else {
      return nil
    }
    return try answer { () throws(StoreError) -> Lookup<Transaction?> in
      switch try read(sequence) {
      case .found(let transaction): return .found(transaction)
      case .mismatch(let reason): return .mismatch(reason)
      }
    }
  }

  /// The transactions about `subject`, in ledger order.
  public func transactions(about subject: IndexSubject) throws(StoreError) -> [Transaction] {
    try answer { () throws(StoreError) -> Lookup<[Transaction]> in
      guard let sequences = candidates(subject.hash) else {
        return .mismatch("\(indexPath): a part of it cannot be read")
      }
      var found: [Transaction] = []
      for sequence in sequences {
        switch try read(sequence) {
        case .found(let transaction):
          if subject.matches(transaction) { found.append(transaction) }
        case .mismatch(let reason): return .mismatch(reason)
        }
      }
      return .found(found)
    }
  }

  /// An answer, or why the index could not give one.
  enum Lookup<Value> {
    case found(Value)
    case mismatch(String)
  }

  /// Runs `body` on the index; on a mismatch, rebuilds the index and runs it once more.
  private func answer<Value>(_ body: () throws(StoreError) -> Lookup<Value>) throws(StoreError)
    -> Value
  {
    try prepareIndex()
    switch try body() {
    case .found(let value): return value
    case .mismatch(let reason): try distrustIndex(reason)
    }
    switch try body() {
    case .found(let value): return value
    case .mismatch(let reason): throw .unavailable("\(ledgerPath) changed while read: \(reason)")
    }
  }

  /// The sequence numbers filed under `hash` up to `position`, in order; nil when the index
  /// file cannot be read.
  private func candidates(_ hash: UInt64) -> [UInt64]? {
    var found: [UInt64] = []
    if recent.start > 1 {
      guard let file = indexFile, let filed = try? file.sequences(hash: hash) else { return nil }
      found = filed.filter { $0 < recent.start }
    }
    found += recent.sequences(hash: hash).filter { $0 <= position.sequence }
    var seen = Set<UInt64>()
    return found.filter { seen.insert($0).inserted }
  }

  /// Reads record `sequence` where the index says it lies, checking that it is that record.
  private func read(_ sequence: UInt64) throws(StoreError) -> Lookup<Transaction> {
    let location: RecordLocation
    if let recentLocation = recent.location(sequence) {
      location = recentLocation
    } else if let file = indexFile, let filed = try? file.location(sequence) {
      location = filed
    } else {
      return .mismatch("\(indexPath): no place for \(Transaction.identifier(sequence: sequence))")
    }
    guard
      let (line, frame) = try LedgerRead.record(
        in: ledger, at: location, sequence: sequence, limit: position.offset)
    else {
      return .mismatch(
        "\(indexPath): \(Transaction.identifier(sequence: sequence)) is not at byte "
          + "\(location.offset) of the ledger with checksum \(CRC32C.hex(location.crc))")
    }
    var decoded: Result<[Transaction], StoreError> = .failure(.unavailable(ledgerPath))
    line.withUnsafeBytes { raw in
      do throws(StoreError) {
        decoded = .success(try Self.decode(raw, frame, at: location.offset, in: ledgerPath))
      } catch {
        decoded = .failure(error)
      }
    }
    let id = Transaction.identifier(sequence: sequence)
    guard let transaction = try decoded.get().first(where: { $0.transactionId == id }) else {
      return .mismatch("\(ledgerPath) at byte \(location.offset): record \(sequence) is not there")
    }
    return .found(transaction)
  }
}

/// Reads one record where the index says it lies.
enum LedgerRead {
  /// The record's line (without its newline) and frame, or nil when the bytes there are not a whole
  /// record holding sequence `sequence` and the location's checksum (its CRC checked).
  static func record(
    in ledger: POSIXFile, at location: RecordLocation, sequence: UInt64, limit: Int
  ) throws(StoreError) -> (line: [UInt8], frame: LedgerRecord.Frame)? {
    guard location.offset >= 0, location.length > 0,
      location.offset + location.length < limit
    else { return nil }
    var bytes = try ledger.read(at: location.offset, count: location.length + 1)
    guard bytes.count == location.length + 1, bytes.last == LedgerRecord.newline else {
      return nil
    }
    bytes.removeLast()
    let frame = bytes.withUnsafeBytes { LedgerRecord.frame($0) }
    guard case .success(let found) = frame, found.holds(sequence), found.crc == location.crc
    else { return nil }
    return (bytes, found)
  }
}
