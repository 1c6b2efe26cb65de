import TerminalUI

/// What a new order's Confirm shows: the order's rows (type, details, approver, comment) and a
/// warning, or why it is refused. Drawn as labelled rows; read a row a line, "Label: value".
struct NewOrderConfirmation {
  /// Why the order is refused; nil when it may be submitted.
  var refused: String?
  /// The order's rows, label and value (not yet neutralised).
  var rows: [(String, String)] = []
  var warning: String?

  var lines: [String] {
    if let refused { return ["Refused: " + refused] }
    return rows.map { "\($0.0): " + TextSafety.neutralised($0.1) }
      + (warning.map { ["Warning: " + $0] } ?? [])
  }
}
