import TerminalUI

/// What a committed subscription action shows: the action and its Transaction ID, then what
/// the system did, a step a line.
struct SubscriptionActionResult: WizardResult {
  /// "Swap Installed Item done. Transaction ID T000012"
  var done: String
  /// What the system did, one step each, neutralised.
  var steps: [String]

  static let processing = "System processing"

  func draw(into buffer: inout Buffer, in rect: Rect) {
    let inner = Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: rect.height)
    buffer.put(done, x: inner.x, y: inner.y, style: .success, clip: inner)
    buffer.put(Self.processing, x: inner.x, y: inner.y + 2, style: .title, clip: inner)
    var y = inner.y + 3
    for step in steps where y < inner.maxY - 2 {
      y += buffer.putWrapped(
        "· " + step,
        in: Rect(x: inner.x + 1, y: y, width: inner.width - 1, height: inner.maxY - 2 - y))
    }
    buffer.put(
      "Enter opens the subscription history · Esc goes back", x: inner.x, y: inner.maxY - 1,
      style: .hint, clip: inner)
  }

  var lines: [String] { [done, Self.processing + ":"] + steps }
}
