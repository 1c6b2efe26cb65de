/// What a field accepts, judged on the whole text it would hold after an edit, with the
/// sentence that says why not. A screen hands a field the rule its commit applies (the
/// domain's, for a Reference or Comment), so the field refuses on the key exactly what
/// Confirm would refuse, however characters combine.
public struct FieldRule: Sendable {
  /// Why `text` may not be the field's text (e.g. "only letters, digits, … are allowed"),
  /// nil when it may.
  public let refusal: @Sendable (String) -> String?

  public init(refusal: @escaping @Sendable (String) -> String?) {
    self.refusal = refusal
  }

  /// A rule on each character: `message` when one is not allowed.
  public init(message: String, allows: @escaping @Sendable (Character) -> Bool) {
    refusal = { text in text.allSatisfy(allows) ? nil : message }
  }

  /// ASCII digits only.
  public static let digits = FieldRule(message: "Digits only, please") { character in
    character.isASCII && character.isWholeNumber
  }
}

/// A one-line input box, `[text      ]`, for names, references and serials.
/// It exists so every field in Stockroom refuses the same things the same
/// way: control, C1 and bidi characters never enter, a maximum length (in
/// characters as the text counts them, not bytes) and the field's rule are
/// enforced on the text an edit would make, and a refusal keeps the text as it
/// was and sets `error` to a sentence saying why.
public struct TextField: Widget, Sendable {
  /// Cells of text shown between the brackets.
  public let width: Int
  /// The most characters the text may hold.
  public let maxLength: Int
  /// What the text must satisfy; nil accepts any printable text.
  public let rule: FieldRule?

  /// The text's characters as the text counts them: re-read after every edit, so
  /// characters that combine ("e" then a combining accent) are one.
  public private(set) var characters: [Character]
  /// Where the cursor is, as an index into `characters` (0...count).
  public private(set) var cursor: Int
  /// The first character shown in the box.
  public private(set) var scrollOffset = 0
  /// Why the last key was refused; cleared by the next accepted edit.
  public private(set) var error: String?

  public static let controlMessage = "Control characters are not allowed"

  public init(width: Int, maxLength: Int, rule: FieldRule? = nil, text: String = "") {
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
  /// cursor at the end; unsafe characters are neutralised, excess is cut, and
  /// `error` says why the rule refuses what is left (a draft saved under an older rule).
  public mutating func setText(_ text: String) {
    characters = Array(String(TextSafety.neutralised(text).prefix(maxLength)))
    cursor = characters.count
    error = rule?.refusal(self.text)
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
      settle(characters[..<(cursor - 1)], characters[cursor...])
      error = nil
    case .delete:
      guard cursor < characters.count else { return .handled }
      settle(characters[..<cursor], characters[(cursor + 1)...])
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

  /// The sentence explaining why `incoming` cannot be inserted at the cursor, or nil:
  /// control characters, then the length and the rule of the text it would make.
  public func refusal(for incoming: [Character]) -> String? {
    if incoming.contains(where: { $0.unicodeScalars.contains(where: TextSafety.isUnsafe) }) {
      return Self.controlMessage
    }
    let made = String(characters[..<cursor]) + String(incoming) + String(characters[cursor...])
    if made.count > maxLength {
      return "At most \(maxLength) characters"
    }
    return rule?.refusal(made)
  }

  private mutating func insert(_ incoming: [Character]) {
    guard !incoming.isEmpty else { return }
    if let refusal = refusal(for: incoming) {
      error = refusal
      return
    }
    settle(characters[..<cursor] + incoming, characters[cursor...])
    error = nil
  }

  /// Makes the text `before` + `after`, read again as characters, the cursor between them.
  private mutating func settle(_ before: ArraySlice<Character>, _ after: ArraySlice<Character>) {
    let head = String(before)
    characters = Array(head + String(after))
    cursor = min(head.count, characters.count)
  }

  /// What a paste inserts: its first line, without surrounding spaces.
  public static func firstLine(of pasted: String) -> Substring {
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
