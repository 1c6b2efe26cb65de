/// F1 or `?` on any screen: a centered box, "Help — <screen>", with the
/// screen's explanation and every key it takes, built from the same
/// `[KeyBinding]` as the legend (including keys kept out of the legend), so
/// help and legend cannot disagree. Scrolls when longer than the box.
public struct HelpOverlay: Widget, Sendable {
  public var screenName: String
  /// Paragraphs of explanation, each wrapped to the box.
  public var paragraphs: [String]
  public var bindings: [KeyBinding]
  /// Which line of the text is at the top of the box.
  public private(set) var scroll: ListViewport

  public init(screenName: String, paragraphs: [String], bindings: [KeyBinding]) {
    self.screenName = screenName
    self.paragraphs = paragraphs
    self.bindings = bindings
    self.scroll = ListViewport()
  }

  public var title: String { "Help — \(screenName)" }

  /// Tells the overlay where it is drawn, so scrolling knows how far it goes.
  public mutating func layout(in rect: Rect) {
    let inner = frame(in: rect).inset(by: 1)
    scroll.setCount(lines(width: inner.width - 2).count)
    scroll.setHeight(inner.height)
  }

  /// ↑ ↓ PgUp PgDn Home End scroll; Esc, F1, `?` and `q` close (returned as
  /// `.activated`); every other key is swallowed while help is open.
  public mutating func update(_ key: Key) -> KeyResult {
    switch key {
    case .escape, .function(1), .character("?"), .character("q"): return .activated
    case .up: scroll.scroll(by: -1)
    case .down: scroll.scroll(by: 1)
    case .pageUp: scroll.scroll(by: -scroll.pageSize)
    case .pageDown: scroll.scroll(by: scroll.pageSize)
    case .home: scroll.scroll(by: -scroll.count)
    case .end: scroll.scroll(by: scroll.count)
    case .mouse(let mouse) where mouse.action == .wheelUp: scroll.scroll(by: -3)
    case .mouse(let mouse) where mouse.action == .wheelDown: scroll.scroll(by: 3)
    default: break
    }
    return .handled
  }

  public func render(into buffer: inout Buffer, in rect: Rect, focused: Bool) {
    let box = frame(in: rect)
    guard box.width >= 6, box.height >= 3 else { return }
    buffer.fill(box)
    Box.draw(into: &buffer, box, title: title)
    let inner = box.inset(by: 1)
    let text = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
    let content = lines(width: text.width)
    var view = scroll
    view.setCount(content.count)
    view.setHeight(text.height)
    let keysWidth = self.keysWidth(for: text.width)
    for index in view.top..<min(view.top + text.height, content.count) {
      let y = text.y + index - view.top
      switch content[index] {
      case .text(let line, let style):
        buffer.put(line, x: text.x, y: y, style: style, clip: text)
      case .binding(let keys, let action):
        buffer.put(keys, x: text.x, y: y, style: .title, clip: text)
        buffer.put(action, x: text.x + keysWidth + 2, y: y, clip: text)
      }
    }
    var hint = "Esc close"
    if content.count > text.height {
      hint = "↑↓ scroll \(view.top + 1)-\(view.top + text.height)/\(content.count) · " + hint
    }
    hint = " \(hint) "
    let x = box.maxX - 2 - CharacterWidth.of(hint)
    buffer.put(hint, x: x, y: box.maxY - 1, style: .hint, clip: box)
  }

  /// The box: up to 72 cells wide and two lines short of `rect`, centered.
  public func frame(in rect: Rect) -> Rect {
    let width = min(72, rect.width - 4)
    let needed = lines(width: width - 4).count + 2
    let height = min(needed, rect.height - 2)
    return Rect(
      x: rect.x + (rect.width - width) / 2, y: rect.y + (rect.height - height) / 2, width: width,
      height: height)
  }

  enum Line: Hashable {
    case text(String, Style)
    case binding(keys: String, action: String)
  }

  /// The whole help text at `width`: the paragraphs, then a Keys table.
  func lines(width: Int) -> [Line] {
    guard width > 0 else { return [] }
    var result: [Line] = []
    for paragraph in paragraphs {
      if !result.isEmpty { result.append(.text("", .plain)) }
      result += TextLayout.wrap(paragraph, width: width).map { .text($0, .plain) }
    }
    guard !bindings.isEmpty else { return result }
    if !result.isEmpty { result.append(.text("", .plain)) }
    result.append(.text("Keys", .title))
    let keysWidth = self.keysWidth(for: width)
    for binding in bindings {
      let actions = TextLayout.wrap(binding.action, width: max(1, width - keysWidth - 2))
      for (index, action) in actions.enumerated() {
        let keys = index == 0 ? TextLayout.truncate(binding.keys, to: keysWidth) : ""
        result.append(.binding(keys: keys, action: action))
      }
    }
    return result
  }

  private func keysWidth(for width: Int) -> Int {
    min(bindings.map { CharacterWidth.of($0.keys) }.max() ?? 0, width / 2)
  }
}
