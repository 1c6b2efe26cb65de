import StockroomDomain

/// What `verify` checks `index.bin` against, gathered while it replays the ledger: every
/// record's place, and per record a count and an order-free digest of its postings, so a
/// ledger of millions of serials is checked without holding one posting per serial.
final class IndexAudit {
  private(set) var locations: [RecordLocation] = []
  /// Per record (sequence 1 on): how many postings, and the sum of their digests.
  private var counts: [Int] = []
  private var sums: [UInt64] = []

  /// Adds record `sequence` (the next one) and the postings the index must hold for it.
  func add(_ transaction: Transaction, sequence: UInt64, at location: RecordLocation) {
    guard sequence == UInt64(locations.count) + 1 else { return }
    locations.append(location)
    var hashes = IndexSubject.subjects(of: transaction).map(\.hash)
    hashes.sort()
    var count = 0
    var sum: UInt64 = 0
    for (index, hash) in hashes.enumerated() where index == 0 || hash != hashes[index - 1] {
      count += 1
      sum &+= Self.digest(Posting(hash: hash, sequence: sequence))
    }
    counts.append(count)
    sums.append(sum)
  }

  /// A well-mixed 64-bit value of one posting (SplitMix64's finalizer), summed order-free.
  static func digest(_ posting: Posting) -> UInt64 {
    var value = posting.hash ^ (posting.sequence &* 0x9E37_79B9_7F4A_7C15)
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }

  /// What is wrong with the index file against the records added (every record of the
  /// ledger, from sequence 1). Reads the file a page at a time.
  func problems(in directory: DataDirectory, ledger: POSIXFile) -> [String] {
    do throws(StoreError) {
      guard let file = try IndexFile.open(in: directory) else { return [] }
      guard try file.matches(ledger) else {
        return [
          "\(file.path) does not match the ledger (it covers sequence \(file.stamp.sequence))"
        ]
      }
      try file.checkWhole()
      let covered = Int(file.stamp.sequence)
      guard covered <= locations.count else {
        return ["\(file.path) covers sequence \(covered), beyond the records read"]
      }
      let stored = try file.allLocations()
      if let wrong = stored.indices.first(where: { stored[$0] != locations[$0] }) {
        return [
          "\(file.path): \(Transaction.identifier(sequence: UInt64(wrong) + 1)) is not where "
            + "the index says"
        ]
      }
      let expected = counts.prefix(covered).reduce(0, +)
      let expectedSum = sums.prefix(covered).reduce(0, &+)
      var count = 0
      var sum: UInt64 = 0
      var previous: Posting?
      var ordered = true
      try file.forEachPosting { posting in
        if let previous, !(previous < posting) { ordered = false }
        previous = posting
        count += 1
        sum &+= Self.digest(posting)
      }
      if !ordered { return ["\(file.path): its postings are out of order"] }
      if count != expected || sum != expectedSum {
        return [
          "\(file.path): its subjects differ from the ledger's (\(count) postings, "
            + "\(expected) expected)"
        ]
      }
      return []
    } catch {
      return [error.message]
    }
  }
}
