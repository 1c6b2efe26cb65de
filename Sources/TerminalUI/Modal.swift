/// A question that stops everything until it is answered ("Leave without
/// saving?"): a centered box with a title, wrapped message and buttons. The
/// screen reads `chosen` after `.activated`. Esc always means the cancel
/// button, so a user who panics never confirms by accident.
public struct Modal: Widget, Sendable {
  public var title: String
  public var message: String
  public var buttons: [String]
  /// The button Esc chooses; the last one unless said otherwise.
  public var cancelIndex: Int
  /// Letters that choose a button at once, e.g. `["y": 0, "n": 1]`.
  public var shortcuts: [Character: Int]
  /// The button Enter would press.
  public private(set) var selected: Int
  /// The button pressed, set when `update` returns `.activated`.
  public private(set) var chosen: Int?
  private var area = Rect(x: 0, y: 0, width: 0, height: 0)

  public init(
    title: String, message: String, buttons: [String], selected: Int = 0,
    cancelIndex: Int? = nil, shortcuts: [Character: Int] = [:]
  ) {
    self.title = title
    self.message = message
    self.buttons = buttons
    self.cancelIndex = cancelIndex ?? max(0, buttons.count - 1)
    self.shortcuts = shortcuts
    self.selected = min(max(0, selected), max(0, buttons.count - 1))
  }

  /// The label of the button pressed, if any.
  public var chosenButton: String? { chosen.map { buttons[$0] } }

  public mutating func update(_ key: Key) -> KeyResult {
    guard !buttons.isEmpty else { return key == .escape || key == .enter ? .activated : .ignored }
    switch key {
    case .left, .backTab:
      selected = (selected + buttons.count - 1) % buttons.count
    case .right, .tab:
      selected = (selected + 1) % buttons.count
    case .enter:
      return choose(selected)
    case .escape:
      return choose(cancelIndex)
    case .character(let character):
      let lower = Character(character.lowercased())
      guard let index = shortcuts[lower] ?? shortcuts[character] else { return .handled }
      return choose(index)
    case .mouse(let mouse) where mouse.action == .press:
      let frames = buttonFrames(in: frame(in: area))
      guard let index = frames.firstIndex(where: { $0.contains(mouse.position) }) else {
        return .handled
      }
      return choose(index)
    default:
      // A dialog swallows every other key: nothing behind it may react.
      return .handled
    }
    return .handled
  }

  private mutating func choose(_ index: Int) -> KeyResult {
    selected = min(max(0, index), buttons.count - 1)
    chosen = selected
    return .activated
  }

  /// Clears and draws the dialog box in the middle of `rect`.
  public func render(into buffer: inout Buffer, in rect: Rect, focused: Bool) {
    let box = frame(in: rect)
    guard box.width >= 4, box.height >= 3 else { return }
    buffer.fill(box)
    Box.draw(into: &buffer, box, title: title)
    let inner = box.inset(by: 1)
    let textArea = Rect(
      x: inner.x + 1, y: inner.y + 1, width: inner.width - 2, height: inner.height - 3)
    for (index, line) in lines(width: textArea.width).enumerated() {
      buffer.put(line, x: textArea.x, y: textArea.y + index, clip: textArea)
    }
    for (index, button) in buttonFrames(in: box).enumerated() {
      let style: Style = index == selected && focused ? .highlight : .plain
      buffer.put("[ \(buttons[index]) ]", x: button.x, y: button.y, style: style, clip: inner)
    }
  }

  /// Tells the dialog where it is drawn, so a click can press a button.
  public mutating func layout(in rect: Rect) {
    area = rect
  }

  /// Where each button is drawn, on the box's last inside line.
  private func buttonFrames(in box: Rect) -> [Rect] {
    var x = box.x + 1 + (box.width - 2 - CharacterWidth.of(buttonRow)) / 2
    return buttons.map { button in
      let width = CharacterWidth.of("[ \(button) ]")
      defer { x += width + 2 }
      return Rect(x: x, y: box.maxY - 2, width: width, height: 1)
    }
  }

  /// Where the dialog goes: as wide as its text needs (at most 60 cells),
  /// centered in `rect`.
  public func frame(in rect: Rect) -> Rect {
    let longest = TextLayout.wrap(message, width: 56).map(CharacterWidth.of).max() ?? 0
    let wanted = max(longest, CharacterWidth.of(buttonRow), CharacterWidth.of(title) + 2) + 4
    let width = min(max(wanted, 30), rect.width)
    let height = min(lines(width: width - 4).count + 5, rect.height)
    return Rect(
      x: rect.x + (rect.width - width) / 2, y: rect.y + (rect.height - height) / 2, width: width,
      height: height)
  }

  private var buttonRow: String {
    buttons.map { "[ \($0) ]" }.joined(separator: "  ")
  }

  private func lines(width: Int) -> [String] {
    TextLayout.wrap(message, width: width)
  }
}
