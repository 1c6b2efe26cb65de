import TerminalUI

/// What a submitted order shows: its number and Transaction ID, and who must approve it.
/// Drawn as one wrapped paragraph; read in the line mode a sentence a line.
struct NewOrderResult: WizardResult {
  var sentences: [String]

  func draw(into buffer: inout Buffer, in rect: Rect) {
    let text = (sentences + ["Enter or Esc goes back to your orders."]).joined(separator: " ")
    buffer.putWrapped(text, in: rect.inset(by: 1), style: .success)
  }

  var lines: [String] { sentences }
}
