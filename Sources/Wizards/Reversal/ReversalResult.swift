import TerminalUI

/// What a committed reversal shows: its Transaction ID, and that the original stays, marked.
struct ReversalResult: WizardResult {
  var transactionId: String
  /// The reversed transaction's ID.
  var original: String

  var marked: String {
    "\(original) stays as it was, marked Reversed by \(transactionId)."
  }

  func draw(into buffer: inout Buffer, in rect: Rect) {
    let x = rect.x + 1
    let end = buffer.put("Reversed. Transaction ID ", x: x, y: rect.y, style: .success)
    buffer.put(transactionId, x: end, y: rect.y, style: .title)
    buffer.put(marked, x: x, y: rect.y + 1, clip: rect)
    buffer.put("Enter goes back to \(original)", x: x, y: rect.y + 3, style: .hint, clip: rect)
  }

  var lines: [String] { ["Reversed. Transaction ID " + transactionId, marked] }
}
