import StockroomDomain
import TerminalUI

/// What a list of serials (pasted, loaded from a file, or a typed range) would move on the
/// pick list, in the box the user confirms: the domain's `SerialTally`, with where the list
/// came from and the list's words.
public struct SerialPreview: Hashable, Sendable {
  /// Where the serials came from: "Paste", "File returns.csv", "Range …".
  public var source: String
  /// The counts.
  public var tally: SerialTally
  /// The list serials move to ("Deallocate", "Allocate").
  public var target = "Deallocate"
  /// The label of the serials not offered, in the box.
  public var foreign = "not allocated here or not listed"

  /// How many serials were given (repeats included).
  public var given: Int { tally.given }
  /// The left-hand items that would move, in the order given.
  public var matched: [Int32] { tally.matched }

  /// Matches `serials` against the pick list, and the state for the reason
  /// a serial is not in it.
  public static func make(
    source: String, serials: [String], list: PickList, state: InventoryState
  ) -> SerialPreview {
    let tally = SerialTally(serials, state: state) { serial in
      list.index(of: serial).map { ($0, list.isOnRight($0)) }
    }
    return SerialPreview(source: source, tally: tally)
  }

  /// The preview of a range `first..last` of the left-hand list.
  public static func range(first: String, last: String, list: PickList) -> SerialPreview {
    let matched = list.items(from: first, to: last, on: .left)
    return SerialPreview(
      source: "Range \(TextSafety.neutralised(first))..\(TextSafety.neutralised(last))",
      tally: SerialTally(given: matched.count, matched: matched))
  }

  /// The lines of the preview box, each naming a few serials of its kind.
  public var lines: [String] {
    var lines = ["\(Self.count(matched.count)) to move to \(target)"]
    for (label, serials) in [
      ("already in \(target)", tally.alreadyChosen), ("unknown", tally.unknown),
      ("duplicated", tally.duplicated), (foreign, tally.notOffered),
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
