/// A field for a whole number in a range, such as a quantity. It keeps
/// whatever printable text was typed (invalid input is never lost, docs/DESIGN.md
/// section 4) and says in `validation` what is wrong with it, so the screen
/// can refuse Next with that sentence while the user corrects the text.
public struct NumberField: Widget, Sendable {
  public let range: ClosedRange<Int>
  /// What `validation` says when the field is empty.
  public let emptyMessage: String
  /// The text box underneath; control characters never enter it.
  public private(set) var field: TextField

  public init(
    range: ClosedRange<Int>, width: Int = 8, maxLength: Int = 9, text: String = "",
    emptyMessage: String = "Type a quantity"
  ) {
    self.range = range
    self.emptyMessage = emptyMessage
    self.field = TextField(width: width, maxLength: maxLength, text: text)
  }

  public var text: String { field.text }

  /// Why the text is not a valid number, or nil when it is.
  public var validation: String? {
    let digits = trimmed
    if digits.isEmpty { return emptyMessage }
    guard digits.allSatisfy({ $0.isASCII && $0.isWholeNumber }) else {
      return "A whole number, please"
    }
    guard let number = Int(digits), range.contains(number) else {
      return "From \(range.lowerBound) to \(range.upperBound)"
    }
    return nil
  }

  /// The number, when the text is valid.
  public var value: Int? {
    validation == nil ? Int(trimmed) : nil
  }

  /// What to show beside the field: a refused key first, then what is wrong
  /// with non-empty text. An empty field is explained only when Next is
  /// refused, by the screen, using `validation`.
  public var message: String? {
    field.error ?? (text.isEmpty ? nil : validation)
  }

  public mutating func setText(_ text: String) {
    field.setText(text)
  }

  public mutating func update(_ key: Key) -> KeyResult {
    field.update(key)
  }

  public func cursorPosition(in rect: Rect) -> Point? {
    field.cursorPosition(in: rect)
  }

  public func render(into buffer: inout Buffer, in rect: Rect, focused: Bool) {
    field.renderBox(into: &buffer, in: rect, focused: focused)
    field.renderMessage(message, into: &buffer, in: rect)
  }

  /// The text without leading and trailing spaces.
  private var trimmed: Substring {
    let start = text.firstIndex { $0 != " " } ?? text.endIndex
    let end = text.lastIndex { $0 != " " }.map(text.index(after:)) ?? start
    return text[start..<max(start, end)]
  }
}
