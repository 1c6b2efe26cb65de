/// A change as validation worked it out, with where it found each hardware serial in the
/// state it checked: applying it to that same state (`apply(_: CheckedChange)`) looks no serial
/// up again, which at millions of tokens is most of a commit's cost.
public struct CheckedChange: Sendable {
  public var change: Change
  /// For each item of `change.items` that moves known tokens, the index of each serial's token.
  private var positions: [[Int]]

  init(_ change: Change, positions: [[Int]] = []) {
    self.change = change
    self.positions = positions
  }

  /// Where the serials of item `item` were found (nil: not known).
  func positions(of item: Int) -> [Int]? { item < positions.count ? positions[item] : nil }

  /// Parts checked one by one (a return's dispositions), joined into one change: the first
  /// part's action and account, every part's items and positions in order.
  init(joining parts: [CheckedChange]) {
    var change = parts.first?.change ?? Change(action: .deallocateHardware)
    change.items = []
    var positions: [[Int]] = []
    for part in parts {
      for item in part.change.items.indices {
        change.items.append(part.change.items[item])
        positions.append(part.positions(of: item) ?? [])
      }
    }
    self.init(change, positions: positions)
  }
}
