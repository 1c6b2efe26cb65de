import Glibc
import StockroomDomain

/// Keeping the index: checked like the snapshot (by its stamp), extended from the ledger for
/// the records it lacks, rebuilt when missing, damaged or stale, written beside the ledger.
extension FileStore {
  var indexPath: String { directory.file(IndexFile.fileName) }

  private var canWriteIndex: Bool { !options.readOnly && options.writeIndex }

  /// Checks the index now (rebuilding or extending it when needed) rather than at the first
  /// lookup, so a long rebuild happens where its progress can be shown.
  public func prepareLookups() throws(StoreError) { try prepareIndex() }

  /// Makes the index file and `recent` together cover every record up to `position`: the
  /// file is used when its stamp matches the ledger, extended by decoding only the records
  /// between its stamp and `recent`, and rebuilt from the whole ledger otherwise.
  func prepareIndex() throws(StoreError) {
    if indexReady { return }
    var changed = false
    if recent.start > 1 {
      var problem: String?
      var file: IndexFile?
      do throws(StoreError) {
        file = try IndexFile.open(in: directory)
        if let opened = file {
          if try !opened.matches(ledger) {
            problem =
              "\(indexPath) does not match the ledger (it covers sequence "
              + "\(opened.stamp.sequence))"
            file = nil
          }
        } else {
          problem = "\(indexPath) is missing"
        }
      } catch {
        problem = error.message
        file = nil
      }
      if let file {
        if file.stamp.sequence + 1 < recent.start {
          try extendIndex(
            from: .init(
              offset: file.stamp.ledgerLength, sequence: file.stamp.sequence, crc: file.stamp.crc,
              last: file.stamp.lastOffset),
            progress: nil)
          changed = true
        }
        indexFile = file
      } else {
        try extendIndex(from: .start, progress: options.indexProgress)
        changed = true
        warnings.append(
          (problem ?? "\(indexPath) cannot be used") + "; rebuilt from the ledger"
            + (canWriteIndex ? "" : " (in memory: opened read-only)"))
      }
    }
    indexReady = true
    if changed { persistIndexQuietly() }
  }

  /// Decodes the records from `start` up to where `recent` begins and puts them before it.
  private func extendIndex(
    from start: LedgerScanner.Position,
    progress: (@Sendable (_ read: Int, _ total: Int) -> Void)?
  ) throws(StoreError) {
    let limit = recent.locations.first?.offset ?? position.offset
    var earlier = RecentRecords(start: start.sequence + 1)
    let scanner = LedgerScanner(file: ledger, name: ledgerPath)
    let total = limit - start.offset
    _ = try scanner.scan(from: start, to: limit) { (frame, offset, line) throws(StoreError) in
      var sequence = frame.first
      for transaction in try Self.decode(line, frame, at: offset, in: ledgerPath) {
        earlier.add(
          transaction, sequence: sequence,
          at: RecordLocation(offset: offset, length: line.count, crc: frame.crc))
        sequence += 1
      }
      indexDecodes += 1
      progress?(offset + line.count + 1 - start.offset, total)
    }
    if earlier.end + 1 != recent.start {
      throw .unavailable(
        "\(ledgerPath) at byte \(limit): expected sequence \(recent.start), found the ledger "
          + "ending at sequence \(earlier.end)")
    }
    recent = recent.appended(to: earlier)
  }

  /// Forgets the index file and rebuilds the index from the whole ledger, after a record
  /// was not what the index said or a part of the file was damaged.
  func distrustIndex(_ reason: String, persist: Bool = true) throws(StoreError) {
    indexFile = nil
    recent = RecentRecords(start: position.sequence + 1)
    try extendIndex(from: .start, progress: options.indexProgress)
    indexReady = true
    warnings.append(reason + "; rebuilt from the ledger")
    if persist { persistIndexQuietly() }
  }

  /// Writes the index when this store may; a failure is only a warning (the index is a cache).
  private func persistIndexQuietly() {
    guard canWriteIndex else { return }
    do throws(StoreError) { try writeIndex(in: directory) } catch {
      warnings.append("a new index could not be written: \(error.message)")
    }
  }

  /// Writes an index of every record up to `position` into `target` (this data directory,
  /// or a backup's): the index file's entries before `recent`, merged with `recent`.
  func writeIndex(in target: DataDirectory) throws(StoreError) {
    try prepareIndex()
    let before = recent.start - 1
    var locations: [RecordLocation] = []
    var postings: [Posting] = []
    if before > 0 {
      do throws(StoreError) {
        guard let file = indexFile else { throw .unavailable("\(indexPath) is missing") }
        locations = Array(try file.allLocations().prefix(Int(before)))
        postings = try file.allPostings().filter { $0.sequence <= before }
      } catch {
        try distrustIndex(error.message, persist: false)
        return try writeIndex(in: target)
      }
    }
    locations += recent.locations
    // Written into this directory, the file takes over `recent`: its postings move into the
    // file rather than being copied (they are as many as the serials named).
    let inPlace = target.path == directory.path
    var added = inPlace ? recent.takePostings() : recent.postings
    Self.sortUnique(&added)
    let stamp = IndexFile.Stamp(
      ledgerLength: position.offset, sequence: position.sequence, crc: position.crc,
      lastOffset: locations.last?.offset ?? 0)
    do throws(StoreError) {
      try IndexFile.write(
        stamp: stamp, locations: Array(locations.prefix(Int(position.sequence))),
        postings: Self.merge(postings, added), in: target)
    } catch {
      if inPlace { recent.restore(postings: added) }
      throw error
    }
    guard inPlace else { return }
    // The file now covers what `recent` held: a long session keeps only what comes next.
    if let written = try? IndexFile.open(in: directory) {
      indexFile = written
      recent = RecentRecords(start: position.sequence + 1)
    } else {
      recent.restore(postings: added)
    }
  }

  /// Sorts `postings` in place and drops repeats.
  static func sortUnique(_ postings: inout [Posting]) {
    postings.sort()
    var kept = 0
    for index in postings.indices where index == 0 || postings[index] != postings[kept - 1] {
      postings[kept] = postings[index]
      kept += 1
    }
    postings.removeLast(postings.count - kept)
  }

  /// Two sorted lists as one.
  static func merge(_ left: [Posting], _ right: [Posting]) -> [Posting] {
    if left.isEmpty { return right }
    if right.isEmpty { return left }
    var merged: [Posting] = []
    merged.reserveCapacity(left.count + right.count)
    var (i, j) = (0, 0)
    while i < left.count && j < right.count {
      if left[i] < right[j] {
        merged.append(left[i])
        i += 1
      } else {
        merged.append(right[j])
        j += 1
      }
    }
    merged += left[i...]
    merged += right[j...]
    return merged
  }
}
