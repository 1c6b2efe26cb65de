/// Which serials of a list in serial order carry a mark (a token-side PIN): a bit per place,
/// so a pick list of millions of serials needs no set of strings.
public struct SerialMarks: Sendable, Equatable {
  /// The list the marks are about, in serial order.
  public internal(set) var serials: [String] = []
  private var bits: [UInt64] = []

  public init() {}

  /// Marks `serials` (sorted) wherever `marked` says so.
  public init(serials: [String], marked: (String) -> Bool) {
    self.serials = serials
    for (place, serial) in serials.enumerated() where marked(serial) { insert(place) }
  }

  /// Marks the serial at `place`.
  public mutating func insert(_ place: Int) {
    let word = place >> 6
    if bits.count <= word { bits += Array(repeating: 0, count: word + 1 - bits.count) }
    bits[word] |= 1 << UInt64(place & 63)
  }

  public func isMarked(_ place: Int) -> Bool {
    let word = place >> 6
    return word < bits.count && bits[word] & (1 << UInt64(place & 63)) != 0
  }

  /// True when `serial` is in the list and marked.
  public func contains(_ serial: String) -> Bool {
    var low = 0
    var high = serials.count
    while low < high {
      let middle = (low + high) / 2
      if serials[middle] < serial { low = middle + 1 } else { high = middle }
    }
    return low < serials.count && serials[low] == serial && isMarked(low)
  }

  public var isEmpty: Bool { bits.allSatisfy { $0 == 0 } }
}
