/// Tells a barcode scanner from a person. A scanner types a whole serial and
/// Enter within a few milliseconds; the terminal loop collects such a burst
/// (keys that arrive with gaps shorter than `maximumGap`) and asks this type
/// what it was.
public enum ScanBurst {
  /// The longest gap between two keys of one burst, in milliseconds; people
  /// type with gaps of 50 ms and more.
  public static let maximumGap: Int32 = 12
  /// The fewest characters a scan has.
  public static let minimumLength = 4

  /// True when a burst that starts with `key` is worth collecting.
  public static func starts(with key: Key) -> Bool {
    if case .character = key { return true }
    return false
  }

  /// True when `key` ends a burst being collected.
  public static func ends(with key: Key) -> Bool {
    if case .character = key { return false }
    return true
  }

  /// A burst of at least `minimumLength` characters followed by Enter is one
  /// `.scan`; anything else stays the keys it was.
  public static func classify(_ burst: [Key]) -> [Key] {
    guard burst.count > minimumLength, burst.last == .enter else { return burst }
    var text = ""
    for key in burst.dropLast() {
      guard case .character(let character) = key else { return burst }
      text.append(character)
    }
    return [.scan(text)]
  }
}
