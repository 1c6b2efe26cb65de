/// A band of whole rows that moved up or down between two frames, as when a
/// list scrolls by a line. The terminal layer turns it into a scroll region
/// (a few bytes) instead of rewriting every row of the band.
public struct BufferShift: Hashable, Sendable {
  /// The first row of the band.
  public var top: Int
  /// The last row of the band (included).
  public var bottom: Int
  /// Rows the content moved up (positive) or down (negative).
  public var by: Int
}

extension Buffer {
  /// The band of rows that moved between `previous` and this frame, when
  /// scrolling it would leave at least `minimumRows` rows that no longer
  /// need rewriting; nil otherwise (or for another size).
  public func verticalShift(since previous: Buffer?, minimumRows: Int = 3) -> BufferShift? {
    guard let previous, previous.size == size, height >= 3, width > 0 else { return nil }
    let new = rowHashes()
    let old = previous.rowHashes()
    var best: (gain: Int, shift: BufferShift)?
    for by in -3...3 where by != 0 {
      // Rows that equal the old row `by` away and not the old row in place.
      var first = -1
      var last = -1
      var gain = 0
      for y in 0..<height {
        let source = y + by
        guard source >= 0, source < height, new[y] == old[source], new[y] != old[y],
          rowsEqual(y, previous, source)
        else { continue }
        if first < 0 { first = y }
        last = y
        gain += 1
      }
      guard gain >= minimumRows, gain > (best?.gain ?? 0) else { continue }
      // Rows of the band that are equal in place would be rewritten by a
      // scroll: they count against it.
      let top = by > 0 ? first : first + by
      let bottom = by > 0 ? last + by : last
      var kept = 0
      for y in top...bottom where new[y] == old[y] && rowsEqual(y, previous, y) { kept += 1 }
      guard gain - kept >= minimumRows else { continue }
      best = (gain - kept, BufferShift(top: top, bottom: bottom, by: by))
    }
    return best?.shift
  }

  /// This frame with a band scrolled as a terminal scrolls it: rows move by
  /// `shift.by` inside the band and the rows uncovered are blank.
  public func scrolled(_ shift: BufferShift) -> Buffer {
    var result = self
    let top = max(0, shift.top)
    let bottom = min(height - 1, shift.bottom)
    guard top <= bottom else { return result }
    for y in top...bottom {
      let source = y + shift.by
      for x in 0..<width {
        result[x, y] = source >= top && source <= bottom ? self[x, source] : .blank
      }
    }
    return result
  }

  private func rowHashes() -> [Int] {
    (0..<height).map { y in
      var hasher = Hasher()
      for x in 0..<width { hasher.combine(cells[y * width + x]) }
      return hasher.finalize()
    }
  }

  private func rowsEqual(_ y: Int, _ other: Buffer, _ otherY: Int) -> Bool {
    cells[(y * width)..<((y + 1) * width)] == other.cells[(otherY * width)..<((otherY + 1) * width)]
  }
}
