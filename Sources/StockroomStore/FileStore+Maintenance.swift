import Foundation
import Glibc
import StockroomDomain

extension FileStore {
  /// Checks every record and the chain (by replaying the whole ledger), the snapshot (state
  /// from snapshot plus tail equals the full replay), the index (every place and subject it
  /// holds equals the ledger's), and the invariants. Returns one line per problem; throws
  /// `.unavailable` when the ledger cannot be read at all.
  public static func verify(at url: URL, options: Options = Options()) throws(StoreError)
    -> [String]
  {
    var full = options
    full.readOnly = true
    full.create = false
    full.useSnapshot = false
    let replayed = try FileStore.open(at: url, options: full)
    var problems = replayed.warnings.filter { !$0.contains("missing") }
    problems += replayed.state.invariantViolations()
    problems += replayed.indexProblems()
    var snapshotOptions = full
    snapshotOptions.useSnapshot = true
    do throws(StoreError) {
      let directory = try DataDirectory.prepare(
        url.path, create: false, environment: options.environment)
      if let snapshot = try Snapshot.read(
        in: directory, rebuild: tokenRebuilder(ledger: directory.file(ledgerName)))
      {
        if let damage = snapshot.damagedPage { problems.append(damage) }
        let fast = try FileStore.open(at: url, options: snapshotOptions)
        problems += fast.warnings.filter { !problems.contains($0) }
        if snapshot.anchor.sequence > replayed.lastSequence {
          problems.append("snapshot covers sequence \(snapshot.anchor.sequence), beyond the ledger")
        } else if fast.state != replayed.state {
          problems.append("snapshot plus ledger tail differs from a full replay of the ledger")
        }
      }
    } catch {
      problems.append(error.message)
    }
    return problems
  }

  /// Copies a consistent store (ledger up to the last record, plus a fresh snapshot and index) into an
  /// empty or new directory, holding the lock so no commit lands halfway.
  public func backup(to url: URL) throws(StoreError) {
    if FileStore.hasData(at: url) { throw .notEmpty(url.path) }
    let target = try DataDirectory.prepare(url.path, create: true, environment: options.environment)
    try withLock { () throws(StoreError) in
      try refresh()
      let copy = try POSIXFile.open(
        target.file(Self.ledgerName), flags: O_WRONLY | O_CREAT | O_TRUNC)
      target.adopt(copy)
      var offset = 0
      while offset < position.offset {
        let chunk = try ledger.read(
          at: offset, count: min(LedgerScanner.chunkSize, position.offset - offset))
        if chunk.isEmpty { throw .unavailable("\(ledgerPath): ended early while copying") }
        var failure: StoreError?
        chunk.withUnsafeBytes { raw in
          do throws(StoreError) { try copy.writeAll(raw) } catch { failure = error }
        }
        if let failure { throw failure }
        offset += chunk.count
      }
      if let reason = copy.sync() { throw .commitFailed("\(copy.path): fsync failed: \(reason)") }
      try Snapshot.write(
        SnapshotContents(anchor: snapshotAnchor, state: state, keys: keys), in: target)
      try writeIndex(in: target)
      if let reason = POSIXFile.syncDirectory(target.path) {
        throw .commitFailed("\(target.path): fsync failed: \(reason)")
      }
    }
  }

  /// Cuts the ledger at its first invalid record (the rest kept beside it as
  /// `ledger.jsonl.damaged-<offset>`), drops the snapshot and the index and rebuilds them.
  /// Returns what it did.
  public static func repair(at url: URL, options: Options = Options()) throws(StoreError)
    -> [String]
  {
    let directory = try DataDirectory.prepare(
      url.path, create: false, environment: options.environment)
    var raw = options
    raw.useSnapshot = false
    let store = try FileStore(directory: directory, options: raw)
    var done: [String] = []
    try store.withLock { () throws(StoreError) in
      let scanner = LedgerScanner(file: store.ledger, name: store.ledgerPath)
      var damage: String?
      do throws(StoreError) {
        _ = try scanner.scan(from: .start) { (frame, offset, line) throws(StoreError) in
          try store.applyRecord(frame, offset, line)
          store.position = .init(
            offset: offset + line.count + 1, sequence: frame.sequence, crc: frame.crc,
            last: offset)
        }
      } catch {
        damage = error.message
      }
      let size = try store.ledger.size()
      if size > store.position.offset {
        let cut = store.position.offset
        let bytes = try store.ledger.read(at: cut, count: size - cut)
        let keep = store.ledgerPath + ".damaged-\(cut)"
        let copy = try POSIXFile.open(keep, flags: O_WRONLY | O_CREAT | O_TRUNC)
        directory.adopt(copy)
        var failure: StoreError?
        bytes.withUnsafeBytes { buffer in
          do throws(StoreError) { try copy.writeAll(buffer) } catch { failure = error }
        }
        if let failure { throw failure }
        _ = copy.sync()
        if let reason = store.ledger.truncate(to: cut) {
          throw .unavailable("\(store.ledgerPath): cannot cut at byte \(cut): \(reason)")
        }
        _ = store.ledger.sync()
        done.append(
          "cut \(store.ledgerPath) at byte \(cut) (\(damage ?? "incomplete record")); "
            + "the \(size - cut) bytes after it are kept in \(keep)")
      }
      unlink(directory.file(Snapshot.fileName))
      unlink(directory.file(IndexFile.fileName))
      try store.writeSnapshot()
      done.append("rebuilt \(directory.file(Snapshot.fileName)) at sequence \(store.lastSequence)")
      if store.options.writeIndex {
        done.append(
          "rebuilt \(directory.file(IndexFile.fileName)) at sequence \(store.lastSequence)")
      }
    }
    return done
  }
}
