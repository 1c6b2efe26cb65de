import StockroomDomain
import TerminalUI

/// Why tokens came back (the seed's reasons, `ReturnReason`), optional: the control the
/// deallocation wizard's Reference step and the returns bench's held settings share.
public struct ReturnReasonField: Sendable {
  /// The first choice says no reason was given.
  public static let notGiven = "Not given"

  public internal(set) var choice: ChoiceField

  /// `width`: the field's cells, its position after it (` 2/5`) aside. `none`: the first
  /// choice's words ("Not given" on a transaction; a report's filter says "Any").
  public init(_ reason: ReturnReason? = nil, width: Int = 34, none: String = notGiven) {
    choice = ChoiceField(
      options: [none] + ReturnReason.allCases.map(\.title), selected: 0, width: width)
    select(reason)
  }

  /// The reason chosen, nil when none is.
  public var value: ReturnReason? {
    choice.selected == 0 ? nil : ReturnReason.allCases[choice.selected - 1]
  }

  mutating func select(_ reason: ReturnReason?) {
    choice.select(reason.flatMap { ReturnReason.allCases.firstIndex(of: $0) }.map { $0 + 1 } ?? 0)
  }

  mutating func update(_ key: Key) -> KeyResult { choice.update(key) }

  func describe() -> ControlDescription {
    ControlDescription(
      "Reason", kind: .choice, choices: choice.options, value: choice.value ?? "",
      rule: "optional; why the tokens came back")
  }

  /// What the control is for, shown while it has focus.
  static let explanation =
    "Reason (optional): why the tokens came back (not renewing, a warranty claim, the "
    + "correction of a fulfilment error, other); it appears in reports."

  /// The label at `labelX` and the field at `frame`.
  func render(labelX: Int, frame: Rect, focused: Bool, into buffer: inout Buffer) {
    buffer.put("Reason", x: labelX, y: frame.y, style: focused ? .title : .plain)
    choice.render(into: &buffer, in: frame, focused: focused)
  }
}
