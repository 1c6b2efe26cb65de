import TerminalUI

/// What a wizard shows once its change is committed, as one value: the screen draws it and the
/// line mode reads its `lines`, so a result's words are written once and no renderer reads
/// another's drawing.
public protocol WizardResult {
  /// Draws the result inside the wizard's frame.
  func draw(into buffer: inout Buffer, in rect: Rect)
  /// The same values as whole sentences and named facts ("Name: value"), one a line and not
  /// wrapped (the line mode wraps them to the terminal); without the screen's key hints.
  var lines: [String] { get }
}
