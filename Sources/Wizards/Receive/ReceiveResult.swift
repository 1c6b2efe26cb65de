import TerminalUI

/// What a committed receipt shows: the Transaction ID, what was received, and what is in
/// stock of it now, a line per model and container.
struct ReceiveResult: WizardResult {
  var transactionId: String
  /// What was received, in words ("3 RB-1 tokens").
  var what: String
  /// What is in stock now, one fact a line.
  var stock: [String]
  /// What Enter opens besides the transaction ("the serials").
  var enterOpens: String

  static let stockHeading = "In stock now, ready to allocate (Home › Inventory shows every count)."

  func draw(into buffer: inout Buffer, in rect: Rect) {
    let x = rect.x + 1
    let end = buffer.put("Received. Transaction ID ", x: x, y: rect.y, style: .success)
    buffer.put(transactionId, x: end, y: rect.y, style: .title)
    buffer.put(TextLayout.truncate(what, to: rect.width - 2), x: x, y: rect.y + 1)
    buffer.put(Self.stockHeading, x: x, y: rect.y + 3, style: .hint, clip: rect)
    for (index, line) in stock.prefix(6).enumerated() {
      buffer.put(TextLayout.truncate(line, to: rect.width - 4), x: x + 2, y: rect.y + 5 + index)
    }
    buffer.put(
      "Enter opens \(transactionId) and \(enterOpens) it received · Esc goes back", x: x,
      y: rect.y + 12, style: .hint, clip: rect)
  }

  var lines: [String] {
    ["Received. Transaction ID " + transactionId, what, Self.stockHeading] + stock
  }
}
