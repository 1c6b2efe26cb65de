/// How a list of serials (pasted, loaded from a file) falls against what a pick list offers,
/// counted before anything moves, so a manifest with unknown or foreign serials is seen whole
/// and confirmed once.
public struct SerialTally: Hashable, Sendable {
  /// How many serials were given (repeats included).
  public var given: Int
  /// The offered items that would move, in the order given.
  public var matched: [Int32] = []
  /// Offered serials already chosen.
  public var alreadyChosen: [String] = []
  /// Serials no token has.
  public var unknown: [String] = []
  /// Serials given more than once (each named once).
  public var duplicated: [String] = []
  /// Known serials that are not offered.
  public var notOffered: [String] = []

  public init(given: Int, matched: [Int32] = []) {
    self.given = given
    self.matched = matched
  }

  /// Counts `serials`: `offered` gives a serial's item on the list and whether it is
  /// already chosen (nil: not offered), `state` tells unknown serials from foreign ones.
  public init(
    _ serials: [String], state: InventoryState,
    offered: (String) -> (item: Int32, chosen: Bool)?
  ) {
    self.init(given: serials.count)
    var seen = Set<String>()
    seen.reserveCapacity(serials.count)
    var named = Set<String>()
    for serial in serials {
      guard seen.insert(serial).inserted else {
        if named.insert(serial).inserted { duplicated.append(serial) }
        continue
      }
      if let found = offered(serial) {
        if found.chosen {
          alreadyChosen.append(serial)
        } else {
          matched.append(found.item)
        }
      } else if state.token(serial: serial) == nil {
        unknown.append(serial)
      } else {
        notOffered.append(serial)
      }
    }
  }
}
