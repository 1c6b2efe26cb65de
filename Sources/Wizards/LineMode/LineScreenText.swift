import Foundation
import TerminalUI

/// The text a screen draws, as lines: how the line mode reads a screen that is not
/// `LineReadable` yet (a wizard's Confirm and result never: its flow says them). Drawn into a
/// tall buffer so nothing is cut off; frames become spaces, blank lines are dropped.
public enum LineScreenText {
  /// The width and height screens are drawn at for reading: wide enough for every layout.
  public static let drawingSize = Size(width: 100, height: 120)

  /// `screen`'s body as non-blank lines, trimmed.
  public static func lines(of screen: any Screen, context: AppContext) -> [String] {
    var buffer = Buffer(size: drawingSize)
    screen.view(into: &buffer, in: Rect(size: drawingSize), context: context)
    return lines(of: buffer)
  }

  /// The non-blank rows of `buffer`, box drawing made spaces, trimmed at both ends.
  public static func lines(of buffer: Buffer) -> [String] {
    (0..<buffer.height).compactMap { y in
      let row = LineText.cleaned(buffer.line(y)).trimmingCharacters(in: .whitespaces)
      return row.isEmpty ? nil : row
    }
  }
}
