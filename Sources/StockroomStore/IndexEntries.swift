import StockroomDomain

/// Where one ledger record lies and the checksum it must have: what the index answers with,
/// checked against the record each time it is read.
struct RecordLocation: Equatable, Sendable {
  /// The byte offset of the record's line.
  var offset: Int
  /// The bytes of the line, without its newline.
  var length: Int
  var crc: UInt32
}

/// One subject of one record: the subject's hash (`IndexSubject.hash`) and the sequence number.
/// The index keeps these sorted; two subjects may share a hash, so every answer is checked
/// against the decoded transaction.
struct Posting: Comparable, Hashable, Sendable {
  var hash: UInt64
  var sequence: UInt64

  static func < (left: Posting, right: Posting) -> Bool {
    (left.hash, left.sequence) < (right.hash, right.sequence)
  }
}

/// The records this process has read and decoded itself (the replay after the snapshot, its
/// refreshes and its own commits), indexed in memory from `start` on, so lookups cover them
/// without the index file being rewritten.
struct RecentRecords {
  /// The sequence number of `locations[0]`.
  private(set) var start: UInt64
  private(set) var locations: [RecordLocation] = []
  /// In sequence order.
  private(set) var postings: [Posting] = []

  init(start: UInt64) { self.start = start }

  /// The last sequence held (`start - 1` when empty).
  var end: UInt64 { start + UInt64(locations.count) - 1 }

  mutating func add(_ transaction: Transaction, sequence: UInt64, at location: RecordLocation) {
    guard sequence == end + 1 else { return }
    locations.append(location)
    for subject in IndexSubject.subjects(of: transaction) {
      postings.append(Posting(hash: subject.hash, sequence: sequence))
    }
  }

  /// Moves the postings out (to be written into the index file), leaving none.
  mutating func takePostings() -> [Posting] {
    var taken: [Posting] = []
    swap(&taken, &postings)
    return taken
  }

  /// Puts back postings taken (in any order) when the file could not take them over.
  mutating func restore(postings taken: [Posting]) { postings = taken + postings }

  func location(_ sequence: UInt64) -> RecordLocation? {
    guard sequence >= start, sequence <= end else { return nil }
    return locations[Int(sequence - start)]
  }

  func sequences(hash: UInt64) -> [UInt64] {
    postings.lazy.filter { $0.hash == hash }.map(\.sequence)
  }

  /// `earlier` (ending just before `start`) followed by these records.
  func appended(to earlier: RecentRecords) -> RecentRecords {
    var joined = earlier
    joined.locations += locations
    joined.postings += postings
    return joined
  }
}
