import Foundation
import Glibc
import StockroomDomain

extension FileStore {
  /// Checks every record and the chain (by replaying the whole ledger), the snapshot (state
  /// from snapshot plus tail equals the full replay), the index (every place and subject it
  /// holds equals the ledger's), and the invariants. Returns one line per problem; throws
  /// `.unavailable` when the ledger cannot be read at all, or names the first record that
  /// cannot be read or applied. Holds one state at a time (the replay's is gone before the
  /// snapshot is read), and of a large ledger's tokens one part at a time (`VerifyReplay`).
  public static func verify(at url: URL, options: Options = Options()) throws(StoreError)
    -> [String]
  {
    var full = options
    full.readOnly = true
    full.create = false
    full.useSnapshot = false
    full.progress = nil
    let directory = try DataDirectory.prepare(
      url.path, create: false, environment: options.environment)
    let size = (try? POSIXFile.open(directory.file(ledgerName), flags: O_RDONLY).size()) ?? 0
    let parts = VerifyReplay.parts(
      directory, ledgerSize: size, partTokens: options.verifyPartTokens)
    // One line of progress for the whole pass: the ledger, the parts' serials when it is
    // replayed in parts (half as much again), and the snapshot (a quarter).
    let total = size + (parts > 1 ? size / 2 : 0) + size / 4
    let report = options.progress
    let replayed = try VerifyReplay(
      directory: directory, options: full, parts: parts,
      progress: report.map { report in { @Sendable done in report(done, total) } }
    ).run(ledgerSize: size)
    var problems = replayed.problems
    let snapshotStart = total - size / 4
    report?(snapshotStart, total)
    var snapshotOptions = full
    snapshotOptions.useSnapshot = true
    defer { report?(total, total) }
    if POSIXFile.exists(directory.file(Snapshot.fileName)) {
      do throws(StoreError) {
        // A snapshot that is damaged (every token page is checked) or does not match the
        // ledger is named.
        if let snapshot = try Snapshot.read(
          in: directory, rebuild: tokenRebuilder(ledger: directory.file(ledgerName))),
          let damage = snapshot.damagedPage
        {
          problems.append(damage)
        }
        report?(snapshotStart + size / 8, total)
        let fast = try FileStore.open(at: url, options: snapshotOptions)
        problems += fast.warnings.filter { !problems.contains($0) }
        if StateFingerprint(fast.state) != replayed.fingerprint {
          problems.append("snapshot plus ledger tail differs from a full replay of the ledger")
        }
      } catch {
        problems.append(error.message)
      }
    }
    return problems
  }

  /// Copies a consistent store (ledger up to the last record, plus a fresh snapshot and index) into an
  /// empty or new directory, holding the lock so no commit lands halfway. The ledger is copied
  /// a chunk at a time, and so is the index when it covers every record; `progress` is told
  /// the bytes copied (the snapshot and index being the last fifth).
  public func backup(
    to url: URL, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
  ) throws(StoreError) {
    if FileStore.hasData(at: url) { throw .notEmpty(url.path) }
    let target = try DataDirectory.prepare(url.path, create: true, environment: options.environment)
    try withLock { () throws(StoreError) in
      try refresh()
      let total = position.offset + position.offset / 4
      try copy(ledger, bytes: position.offset, to: target.file(Self.ledgerName), in: target) {
        progress?($0, total)
      }
      try Snapshot.write(
        SnapshotContents(anchor: snapshotAnchor, state: state, keys: keys), in: target)
      if !(try copyCurrentIndex(to: target)) { try writeIndex(in: target) }
      if let reason = POSIXFile.syncDirectory(target.path) {
        throw .commitFailed("\(target.path): fsync failed: \(reason)")
      }
      progress?(total, total)
    }
  }

  /// Copies `index.bin` as it is when it covers exactly the records up to `position` and
  /// checks whole; false when it must be written anew.
  private func copyCurrentIndex(to target: DataDirectory) throws(StoreError) -> Bool {
    guard let file = try? IndexFile.open(in: directory),
      file.stamp.sequence == position.sequence, file.stamp.ledgerLength == position.offset,
      (try? file.matches(ledger)) == true, (try? file.checkWhole()) != nil
    else { return false }
    try copy(
      file.file, bytes: try file.file.size(), to: target.file(IndexFile.fileName), in: target
    ) { _ in }
    return true
  }

  /// Copies the first `bytes` of `source` into a new file at `path`, a chunk at a time, and
  /// fsyncs it.
  private func copy(
    _ source: POSIXFile, bytes: Int, to path: String, in target: DataDirectory,
    _ copied: (Int) -> Void
  ) throws(StoreError) {
    let copy = try POSIXFile.open(path, flags: O_WRONLY | O_CREAT | O_TRUNC)
    target.adopt(copy)
    var offset = 0
    while offset < bytes {
      let chunk = try source.read(at: offset, count: min(LedgerScanner.chunkSize, bytes - offset))
      if chunk.isEmpty { throw .unavailable("\(source.path): ended early while copying") }
      var failure: StoreError?
      chunk.withUnsafeBytes { raw in
        do throws(StoreError) { try copy.writeAll(raw) } catch { failure = error }
      }
      if let failure { throw failure }
      offset += chunk.count
      copied(offset)
    }
    if let reason = copy.sync() { throw .commitFailed("\(copy.path): fsync failed: \(reason)") }
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
      // Progress: reading the ledger is four fifths, the new snapshot and index the rest.
      let progress = options.progress
      let total = try store.ledger.size()
      defer { progress?(total + total / 4, total + total / 4) }
      do throws(StoreError) {
        _ = try scanner.scan(from: .start) { (frame, offset, line) throws(StoreError) in
          progress?(offset, total + total / 4)
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
