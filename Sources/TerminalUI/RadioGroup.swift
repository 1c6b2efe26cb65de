/// A short list of exclusive choices, `(•) Label` / `( ) Label`, for
/// questions with a few fixed answers. Options that cannot be chosen stay
/// visible, dim, with the reason beside them, and the highlight skips them.
public struct RadioGroup: Widget, Sendable {
  /// One answer: its label, an optional hint, and why it cannot be chosen.
  public struct Option: Hashable, Sendable {
    public var label: String
    public var hint: String?
    /// Non-nil when the option is disabled; says why.
    public var disabledReason: String?

    public init(_ label: String, hint: String? = nil, disabledReason: String? = nil) {
      self.label = label
      self.hint = hint
      self.disabledReason = disabledReason
    }

    public var isEnabled: Bool { disabledReason == nil }
  }

  public let options: [Option]
  /// The chosen option, nil until one is chosen.
  public private(set) var selected: Int?
  /// The row the arrows are on.
  public private(set) var highlighted: Int

  public init(options: [Option], selected: Int? = nil) {
    self.options = options
    self.selected = selected.flatMap { options.indices.contains($0) ? $0 : nil }
    let firstEnabled = options.firstIndex(where: \.isEnabled) ?? 0
    self.highlighted = self.selected ?? firstEnabled
  }

  public var selectedOption: Option? { selected.map { options[$0] } }

  public mutating func update(_ key: Key) -> KeyResult {
    switch key {
    case .up:
      move(by: -1)
      return .handled
    case .down:
      move(by: 1)
      return .handled
    case .character(" "):
      choose()
      return .handled
    case .enter:
      return choose() ? .activated : .handled
    default:
      return .ignored
    }
  }

  /// Moves the highlight to the next enabled option in `step`'s direction.
  private mutating func move(by step: Int) {
    var index = highlighted + step
    while options.indices.contains(index) {
      if options[index].isEnabled {
        highlighted = index
        return
      }
      index += step
    }
  }

  /// Chooses option `index` (and highlights it), when it is enabled.
  public mutating func choose(_ index: Int) {
    guard options.indices.contains(index), options[index].isEnabled else { return }
    highlighted = index
    selected = index
  }

  @discardableResult
  private mutating func choose() -> Bool {
    guard options.indices.contains(highlighted), options[highlighted].isEnabled else {
      return false
    }
    selected = highlighted
    return true
  }

  public func render(into buffer: inout Buffer, in rect: Rect, focused: Bool) {
    guard !rect.isEmpty else { return }
    let first = max(0, min(highlighted - rect.height + 1, options.count - rect.height))
    for (row, index) in (first..<min(options.count, first + rect.height)).enumerated() {
      let option = options[index]
      let line = rect.row(row)
      buffer.fill(line)
      let marker = index == selected ? "(•) " : "( ) "
      let main: Style = option.isEnabled ? .plain : .hint
      let end = buffer.put(marker + option.label, x: line.x, y: line.y, style: main, clip: line)
      if focused && index == highlighted {
        buffer.restyle(Rect(x: line.x, y: line.y, width: end - line.x, height: 1)) {
          $0.reverse = true
        }
      }
      if let note = option.disabledReason ?? option.hint {
        buffer.put("  " + note, x: end, y: line.y, style: .hint, clip: line)
      }
    }
  }
}
