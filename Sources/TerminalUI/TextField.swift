/// Which characters a text field accepts, with the sentence that explains the
/// rule when a character is refused, so the refusal always says why.
public struct CharacterRule: Sendable {
  /// The refusal message, e.g. "Reference allows letters, digits, spaces and - _ / . # :".
  public let message: String
  public let allows: @Sendable (Character) -> Bool

  public init(message: String, allows: @escaping @Sendable (Character) -> Bool) {
    self.message = message
    self.allows = allows
  }

  /// A Reference (DESIGN.md section 4): letters, digits, spaces and `- _ / . # :`.
  public static let reference = CharacterRule(
    message: "Reference allows letters, digits, spaces and - _ / . # :"
  ) { character in
    character.isLetter || character.isWholeNumber || " -_/.#:".contains(character)
  }

  /// ASCII digits only.
  public static let digits = CharacterRule(message: "Digits only, please") { character in
    character.isASCII && character.isWholeNumber
  }
}

/// A one-line input box, `[text      ]`, for names, references and serials.
/// It exists so every field in Stockroom refuses the same things the same
/// way: control, C1 and bidi characters never enter, a character rule and a
/// maximum length (in characters, not bytes) are enforced, and a refusal keeps
/// the text as it was and sets `error` to a sentence saying why.
public struct TextField: Widget, Sendable {
  /// Cells of text shown between the brackets.
  public let width: Int
  /// The most characters the text may hold.
  public let maxLength: Int
  /// Extra rule for characters; nil accepts any printable character.
  public let rule: CharacterRule?

  public private(set) var characters: [Character]
  /// Where the cursor is, as an index into `characters` (0...count).
  public private(set) var cursor: Int
  /// The first character shown in the box.
  public private(set) var scrollOffset = 0
  /// Why the last key was refused; cleared by the next accepted edit.
  public private(set) var error: String?

  public static let controlMessage = "Control characters are not allowed"

  public init(width: Int, maxLength: Int, rule: CharacterRule? = nil, text: String = "") {
    self.width = max(1, width)
    self.maxLength = max(0, maxLength)
    self.rule = rule
    self.characters = []
    self.cursor = 0
    setText(text)
  }

  public var text: String { String(characters) }

  /// "14/64": how many characters are used of how many allowed.
  public var counterText: String { "\(characters.count)/\(maxLength)" }

  /// Replaces the whole text (for example when a screen fills in a default),
  /// cursor at the end; unsafe characters are neutralised, excess is cut.
  public mutating func setText(_ text: String) {
    characters = Array(TextSafety.neutralised(text).prefix(maxLength))
    cursor = characters.count
    error = nil
    keepCursorVisible()
  }

  public mutating func update(_ key: Key) -> KeyResult {
    switch key {
    case .character(let character):
      insert([character])
    case .paste(let pasted):
      insert(Array(Self.firstLine(of: pasted)))
    case .left:
      cursor = max(0, cursor - 1)
    case .right:
      cursor = min(characters.count, cursor + 1)
    case .home, .control("a"):
      cursor = 0
    case .end, .control("e"):
      cursor = characters.count
    case .backspace:
      guard cursor > 0 else { return .handled }
      characters.remove(at: cursor - 1)
      cursor -= 1
      error = nil
    case .delete:
      guard cursor < characters.count else { return .handled }
      characters.remove(at: cursor)
      error = nil
    case .control("u"):
      characters.removeAll()
      cursor = 0
      error = nil
    case .enter:
      return .activated
    default:
      return .ignored
    }
    keepCursorVisible()
    return .handled
  }

  /// The sentence explaining why `incoming` cannot be inserted, or nil.
  public func refusal(for incoming: [Character]) -> String? {
    if incoming.contains(where: { $0.unicodeScalars.contains(where: TextSafety.isUnsafe) }) {
      return Self.controlMessage
    }
    if let rule, incoming.contains(where: { !rule.allows($0) }) {
      return rule.message
    }
    if characters.count + incoming.count > maxLength {
      return "At most \(maxLength) characters"
    }
    return nil
  }

  private mutating func insert(_ incoming: [Character]) {
    guard !incoming.isEmpty else { return }
    if let refusal = refusal(for: incoming) {
      error = refusal
      return
    }
    characters.insert(contentsOf: incoming, at: cursor)
    cursor += incoming.count
    error = nil
  }

  /// A paste is taken as its first line, without surrounding spaces.
  static func firstLine(of pasted: String) -> Substring {
    let line = pasted.split(whereSeparator: \.isNewline).first ?? ""
    let start = line.firstIndex { !$0.isWhitespace } ?? line.endIndex
    let end = line.lastIndex { !$0.isWhitespace }.map(line.index(after:)) ?? start
    return line[start..<max(start, end)]
  }

  private func cells(_ range: Range<Int>) -> Int {
    characters[range].reduce(0) { $0 + CharacterWidth.of($1) }
  }

  /// Scrolls so the cursor cell is in the box, and back when text shrinks.
  private mutating func keepCursorVisible() {
    scrollOffset = min(scrollOffset, cursor)
    let cursorCells = cursor < characters.count ? max(1, CharacterWidth.of(characters[cursor])) : 1
    while scrollOffset < cursor && cells(scrollOffset..<cursor) + cursorCells > width {
      scrollOffset += 1
    }
    let tail = cursor == characters.count ? 1 : 0
    while scrollOffset > 0 && cells((scrollOffset - 1)..<characters.count) + tail <= width {
      scrollOffset -= 1
    }
  }

  /// Where the terminal should put its cursor when this field has focus.
  public func cursorPosition(in rect: Rect) -> Point? {
    let point = Point(x: rect.x + 1 + cells(scrollOffset..<cursor), y: rect.y)
    return rect.contains(point) ? point : nil
  }

  public func render(into buffer: inout Buffer, in rect: Rect, focused: Bool) {
    renderBox(into: &buffer, in: rect, focused: focused)
    renderMessage(error, into: &buffer, in: rect)
  }

  /// Draws `[text      ]` on the first row of `rect`, the cursor cell in
  /// reverse video when focused.
  func renderBox(into buffer: inout Buffer, in rect: Rect, focused: Bool) {
    let row = rect.row(0)
    guard !row.isEmpty else { return }
    let inner = Rect(x: rect.x + 1, y: rect.y, width: width, height: 1).intersection(row)
    buffer.fill(Rect(x: rect.x, y: rect.y, width: width + 2, height: 1).intersection(row))
    buffer.put("[", x: rect.x, y: rect.y, clip: row)
    var x = inner.x
    var index = scrollOffset
    while index < characters.count {
      let character = characters[index]
      let cellWidth = CharacterWidth.of(character)
      if x + cellWidth > rect.x + 1 + width { break }
      let style: Style = focused && index == cursor ? .highlight : .plain
      buffer.put(String(character), x: x, y: rect.y, style: style, clip: inner)
      x += cellWidth
      index += 1
    }
    if focused && cursor == characters.count {
      buffer.put(" ", x: x, y: rect.y, style: .highlight, clip: inner)
    }
    buffer.put("]", x: rect.x + 1 + width, y: rect.y, clip: row)
  }

  /// Draws `message` in the error style two cells right of the box.
  func renderMessage(_ message: String?, into buffer: inout Buffer, in rect: Rect) {
    guard let message else { return }
    buffer.put(message, x: rect.x + width + 4, y: rect.y, style: .error, clip: rect.row(0))
  }
}
