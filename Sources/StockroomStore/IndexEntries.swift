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

/// One subject of one record: the subject's hash (see `Posting.hash`) and the sequence number.
/// The index keeps these sorted; two subjects may share a hash, so every answer is checked
/// against the decoded transaction.
struct Posting: Comparable, Hashable, Sendable {
  var hash: UInt64
  var sequence: UInt64

  static func < (left: Posting, right: Posting) -> Bool {
    (left.hash, left.sequence) < (right.hash, right.sequence)
  }

  /// FNV-1a over the kind and the normalised key: the same in every process and version.
  static func hash(_ subject: TransactionSubject) -> UInt64 {
    let kind: UInt8
    let text: String
    switch subject.normalised {
    case .account(let code): (kind, text) = (1, code)
    case .serial(let serial): (kind, text) = (2, serial)
    case .subscription(let number): (kind, text) = (3, number)
    case .order(let number): (kind, text) = (4, number)
    }
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    value = (value ^ UInt64(kind)) &* 0x100_0000_01b3
    for byte in text.utf8 { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return value
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
    transaction.forEachSubject { subject in
      postings.append(Posting(hash: Posting.hash(subject), sequence: sequence))
    }
  }

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
