import Foundation
import StockroomDomain

/// One commit of a batch: the command, who and why, its key and (for demo data) its time.
public struct CommitRequest: Sendable {
  public var command: Command
  public var context: TransactionContext
  public var key: String
  public var time: Date?

  public init(
    command: Command, context: TransactionContext, key: String = ProcessIdentity.newKey(),
    time: Date? = nil
  ) {
    self.command = command
    self.context = context
    self.key = key
    self.time = time
  }
}

extension FileStore {
  public func commit(
    _ command: Command, context: TransactionContext, key: String = ProcessIdentity.newKey()
  ) throws(StoreError) -> CommitResult {
    let results = try commitAll([CommitRequest(command: command, context: context, key: key)])
    guard let result = results.first else { throw .commitFailed("nothing committed") }
    if !result.alreadyCommitted && result.transaction.order != nil {
      postOrderMail(result.transaction)
    }
    return result
  }

  /// Commits several transactions under one lock with one write and one fsync: all or none.
  /// On a refusal the in-memory state is reloaded from disk. `asGroup` writes them as one
  /// group record, so a torn tail drops all of them or none (docs/DESIGN.md section 6).
  public func commitAll(_ requests: [CommitRequest], asGroup: Bool = false) throws(StoreError)
    -> [CommitResult]
  {
    if options.readOnly { throw .unavailable("\(directory.path): opened read-only") }
    for request in requests {
      do throws(DomainError) {
        try CommitCheck.check(request.context)
      } catch {
        throw .refused(error)
      }
    }
    return try withLock { () throws(StoreError) -> [CommitResult] in
      let seen = position.sequence
      try refresh()
      return try appendLocked(requests, seen: seen, asGroup: asGroup)
    }
  }

  private func appendLocked(_ requests: [CommitRequest], seen: UInt64, asGroup: Bool)
    throws(StoreError) -> [CommitResult]
  {
    let intervening = lastApplied
    let start = position
    var results: [CommitResult] = []
    var records: [[Transaction]] = []
    var changed = false
    var fresh: UInt64 = 0
    for request in requests {
      if let sequence = keys[request.key] {
        results.append(try existing(sequence: sequence, key: request.key))
        continue
      }
      let checked: CheckedChange
      do throws(DomainError) {
        checked = try validated(request.command, against: state)
      } catch {
        if changed { try reload() }
        if position.sequence != seen && requests.count == 1 {
          throw .conflict(after: intervening, error.message)
        }
        throw .refused(error)
      }
      fresh += 1
      let sequence = start.sequence + fresh
      let time = ProcessIdentity.format(request.time ?? clock())
      let transaction = Transaction(
        sequence: sequence, key: request.key, version: StoreVersion.format, time: time,
        change: checked.change, context: request.context)
      do throws(DomainError) {
        try state.apply(checked, as: transaction)
      } catch {
        try reload()
        throw .refused(error)
      }
      changed = true
      keys[request.key] = sequence
      if asGroup, !records.isEmpty {
        records[records.count - 1].append(transaction)
      } else {
        records.append([transaction])
      }
      results.append(CommitResult(transaction: transaction, alreadyCommitted: false))
    }
    var lines: [UInt8] = []
    var next = position
    var written: [(Transaction, UInt64, RecordLocation)] = []
    for members in records {
      let first = next.sequence + 1
      let (line, crc) = try LedgerRecord.encode(group: members, first: first, previous: next.crc)
      lines += line
      let location = RecordLocation(offset: next.offset, length: line.count - 1, crc: crc)
      for (index, transaction) in members.enumerated() {
        written.append((transaction, first + UInt64(index), location))
      }
      next = .init(
        offset: next.offset + line.count, sequence: first + UInt64(members.count) - 1, crc: crc,
        last: next.offset)
    }
    guard !lines.isEmpty else { return results }
    let size = try ledger.size()
    if size != start.offset {
      try reload()
      throw .unavailable("\(ledgerPath): changed size while locked (\(size) ≠ \(start.offset))")
    }
    FaultInjection.crash(at: .beforeWrite)
    if let reason = ledger.appendOnce(lines) {
      throw try failCommit("\(ledgerPath): write failed: \(reason)", cutTo: size)
    }
    FaultInjection.crash(at: .afterWrite)
    if let reason = ledger.sync() {
      throw try failCommit("\(ledgerPath): fsync failed: \(reason)", cutTo: size)
    }
    FaultInjection.crash(at: .afterFsync)
    position = next
    for (transaction, sequence, location) in written {
      recent.add(transaction, sequence: sequence, at: location)
    }
    return results
  }

  /// Cuts back a failed append (never retrying the fsync) and restores the state from disk.
  private func failCommit(_ message: String, cutTo size: Int) throws(StoreError) -> StoreError {
    var text = message
    if let reason = ledger.truncate(to: size) {
      text +=
        "; cutting it back failed too (\(reason)): the outcome is unknown, retry with the "
        + "same key"
    } else {
      _ = ledger.sync()
    }
    try reload()
    return .commitFailed(text)
  }

  /// Rebuilds the in-memory state from the files (after a refused batch or a failed write).
  func reload() throws(StoreError) {
    let fresh = try FileStore.open(
      at: URL(fileURLWithPath: directory.path), options: reloadOptions)
    state = fresh.state
    keys = fresh.keys
    position = fresh.position
    snapshotSequence = fresh.snapshotSequence
    recent = fresh.recent
    indexFile = nil
    indexReady = false
  }

  private var reloadOptions: Options {
    var copy = options
    copy.writeSnapshot = false
    copy.readOnly = true
    return copy
  }

  private func existing(sequence: UInt64, key: String) throws(StoreError) -> CommitResult {
    guard let found = try transaction(id: Transaction.identifier(sequence: sequence)) else {
      throw .unavailable("\(ledgerPath): key \(key) names missing sequence \(sequence)")
    }
    return CommitResult(transaction: found, alreadyCommitted: true)
  }
}
