/// What a widget did with a key, so the screen holding it knows whether to
/// look at the key itself (Tab to the next control, Esc to step back).
public enum KeyResult: Hashable, Sendable {
  /// The widget used the key; its state may have changed.
  case handled
  /// Not a key for this widget; the screen may use it.
  case ignored
  /// The widget was activated (Enter on a button, a cell or a list row).
  case activated
}

/// The shape every widget has: settings fixed when it is made, a small state
/// value changed only by `update`, and a pure `render`. The screen holding a
/// widget decides focus and where it is drawn.
public protocol Widget {
  /// Handles one key while the widget has focus.
  mutating func update(_ key: Key) -> KeyResult
  /// Draws the widget inside `rect`, never outside it.
  func render(into buffer: inout Buffer, in rect: Rect, focused: Bool)
}

/// Line-drawing for frames and boxes. The buffer always holds these Unicode
/// glyphs; the terminal layer swaps in ACS or ASCII where the locale lacks them.
public enum Box {
  public static let horizontal: Character = "─"
  public static let vertical: Character = "│"
  public static let topLeft: Character = "┌"
  public static let topRight: Character = "┐"
  public static let bottomLeft: Character = "└"
  public static let bottomRight: Character = "┘"

  /// Draws a box on the edge of `rect` with an optional title in the top
  /// line (`┌ Title ────┐`). The inside is left as it was.
  public static func draw(
    into buffer: inout Buffer, _ rect: Rect, title: String? = nil, style: Style = .frame,
    titleStyle: Style = .title
  ) {
    guard rect.width >= 2, rect.height >= 2 else { return }
    let right = rect.maxX - 1
    let bottom = rect.maxY - 1
    for x in (rect.x + 1)..<right {
      buffer[x, rect.y] = Cell(horizontal, style: style)
      buffer[x, bottom] = Cell(horizontal, style: style)
    }
    for y in (rect.y + 1)..<bottom {
      buffer[rect.x, y] = Cell(vertical, style: style)
      buffer[right, y] = Cell(vertical, style: style)
    }
    buffer[rect.x, rect.y] = Cell(topLeft, style: style)
    buffer[right, rect.y] = Cell(topRight, style: style)
    buffer[rect.x, bottom] = Cell(bottomLeft, style: style)
    buffer[right, bottom] = Cell(bottomRight, style: style)
    if let title, !title.isEmpty, rect.width > 4 {
      let clip = Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: 1)
      let end = buffer.put(" \(title) ", x: rect.x + 1, y: rect.y, style: titleStyle, clip: clip)
      _ = end
    }
  }
}

/// Text helpers for fitting words into a number of cells.
public enum TextLayout {
  /// `text` cut to at most `width` cells, ending in `…` when cut.
  public static func truncate(_ text: String, to width: Int) -> String {
    guard width > 0 else { return "" }
    if CharacterWidth.of(text) <= width { return text }
    var result = ""
    var used = 0
    for character in text {
      let w = CharacterWidth.of(character)
      if used + w > width - 1 { break }
      result.append(character)
      used += w
    }
    return result + "…"
  }

  /// `text` padded with spaces (or cut) to exactly `width` cells.
  public static func pad(_ text: String, to width: Int) -> String {
    let cut = truncate(text, to: width)
    let missing = width - CharacterWidth.of(cut)
    return missing > 0 ? cut + String(repeating: " ", count: missing) : cut
  }

  /// `text` right-aligned in `width` cells.
  public static func padLeft(_ text: String, to width: Int) -> String {
    let cut = truncate(text, to: width)
    let missing = width - CharacterWidth.of(cut)
    return missing > 0 ? String(repeating: " ", count: missing) + cut : cut
  }

  /// Splits `text` into lines of at most `width` cells, breaking at spaces
  /// where it can and keeping explicit newlines.
  public static func wrap(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = ""
      for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
        let candidate = line.isEmpty ? String(word) : line + " " + word
        if CharacterWidth.of(candidate) <= width {
          line = candidate
          continue
        }
        if !line.isEmpty { lines.append(line) }
        var rest = String(word)
        while CharacterWidth.of(rest) > width {
          var head = ""
          var used = 0
          for character in rest {
            let w = CharacterWidth.of(character)
            if used + w > width { break }
            head.append(character)
            used += w
          }
          lines.append(head)
          rest = String(rest.dropFirst(head.count))
        }
        line = rest
      }
      lines.append(line)
    }
    return lines
  }
}

/// A line of text: the simplest widget, for captions and explanations.
public struct Label: Widget {
  public var text: String
  public var style: Style

  public init(_ text: String, style: Style = .plain) {
    self.text = text
    self.style = style
  }

  public mutating func update(_ key: Key) -> KeyResult { .ignored }

  public func render(into buffer: inout Buffer, in rect: Rect, focused: Bool) {
    for (index, line) in TextLayout.wrap(text, width: rect.width).prefix(rect.height).enumerated() {
      buffer.put(line, x: rect.x, y: rect.y + index, style: style, clip: rect)
    }
  }
}
