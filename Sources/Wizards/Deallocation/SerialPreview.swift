import StockroomDomain
import TerminalUI

/// What a list of serials (pasted, loaded from a file, or a typed range)
/// would move to Deallocate, counted before anything moves, so a manifest
/// with unknown or foreign serials is seen whole and confirmed once.
public struct SerialPreview: Hashable, Sendable {
  /// Where the serials came from: "Paste", "File returns.csv", "Range …".
  public var source: String
  /// How many serials were given (repeats included).
  public var given: Int
  /// The Allocated items that would move, in the order given.
  public var matched: [Int32]
  /// Serials already in Deallocate.
  public var alreadyChosen: [String] = []
  /// Serials no token has.
  public var unknown: [String] = []
  /// Serials given more than once (each named once).
  public var duplicated: [String] = []
  /// Known serials not allocated to this account and free (or not listed).
  public var notAllocated: [String] = []
  /// The list serials move to ("Deallocate", "Allocate").
  public var target = "Deallocate"
  /// The label of `notAllocated` in the box.
  public var foreign = "not allocated here or not listed"

  /// Matches `serials` against the pick list, and the state for the reason
  /// a serial is not in it.
  public static func make(
    source: String, serials: [String], list: PickList, state: InventoryState
  ) -> SerialPreview {
    var preview = SerialPreview(source: source, given: serials.count, matched: [])
    var seen = Set<String>()
    seen.reserveCapacity(serials.count)
    var named = Set<String>()
    for serial in serials {
      guard seen.insert(serial).inserted else {
        if named.insert(serial).inserted { preview.duplicated.append(serial) }
        continue
      }
      if let item = list.index(of: serial) {
        if list.isOnRight(item) {
          preview.alreadyChosen.append(serial)
        } else {
          preview.matched.append(item)
        }
      } else if state.token(serial: serial) == nil {
        preview.unknown.append(serial)
      } else {
        preview.notAllocated.append(serial)
      }
    }
    return preview
  }

  /// The preview of a range `first..last` of the Allocated list.
  public static func range(first: String, last: String, list: PickList) -> SerialPreview {
    let matched = list.items(from: first, to: last, on: .left)
    return SerialPreview(
      source: "Range \(TextSafety.neutralised(first))..\(TextSafety.neutralised(last))",
      given: matched.count, matched: matched)
  }

  /// The lines of the preview box, each naming a few serials of its kind.
  public var lines: [String] {
    var lines = ["\(Self.count(matched.count)) to move to \(target)"]
    for (label, serials) in [
      ("already in \(target)", alreadyChosen), ("unknown", unknown),
      ("duplicated", duplicated), (foreign, notAllocated),
    ] where !serials.isEmpty {
      let names = serials.prefix(3).map(TextSafety.neutralised).joined(separator: ", ")
      let more = serials.count > 3 ? ", …" : ""
      lines.append("\(Self.count(serials.count)) \(label): \(names)\(more)")
    }
    return lines
  }

  /// `1,234` with thousands separators.
  static func count(_ value: Int) -> String {
    let digits = String(value)
    var result = ""
    for (offset, digit) in digits.enumerated() {
      if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(",") }
      result.append(digit)
    }
    return result
  }
}
