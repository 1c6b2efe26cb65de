/// The row of buttons at the foot of a wizard step,
/// `[ < Back ]  [ Next > ]  [ Cancel ]`. A button can be disabled with a
/// reason, so a refused Next always tells the user why.
public struct ButtonRow: Widget, Sendable {
  /// What a button does, so screens need not compare titles.
  public enum Role: Hashable, Sendable {
    case back, next, confirm, cancel, other
  }

  /// One button: its title, its role, and why it is disabled (nil: enabled).
  public struct Button: Hashable, Sendable {
    public var title: String
    public var role: Role
    public var disabledReason: String?

    public init(_ title: String, role: Role = .other, disabledReason: String? = nil) {
      self.title = title
      self.role = role
      self.disabledReason = disabledReason
    }

    public var isEnabled: Bool { disabledReason == nil }
    /// Next and Confirm move the wizard forward.
    public var isPrimary: Bool { role == .next || role == .confirm }

    public static let back = Button("< Back", role: .back)
    public static let next = Button("Next >", role: .next)
    public static let confirm = Button("Confirm", role: .confirm)
    public static let cancel = Button("Cancel", role: .cancel)
  }

  public private(set) var buttons: [Button]
  public private(set) var focusedIndex: Int
  /// The button the last key activated; nil after any other key.
  public private(set) var activatedButton: Int?
  /// Why the last Enter or Space did nothing (the focused button is disabled).
  public private(set) var refusal: String?

  public init(buttons: [Button], focused: Int? = nil) {
    self.buttons = buttons
    let primary = buttons.firstIndex { $0.isPrimary && $0.isEnabled }
    let firstEnabled = buttons.firstIndex(where: \.isEnabled)
    self.focusedIndex = focused ?? primary ?? firstEnabled ?? 0
  }

  /// Back, then Next (or Confirm on the last step), then Cancel; focus on
  /// the forward button.
  public static func wizard(lastStep: Bool) -> ButtonRow {
    ButtonRow(buttons: [.back, lastStep ? .confirm : .next, .cancel])
  }

  public var activatedRole: Role? { activatedButton.map { buttons[$0].role } }

  /// The index of Next or Confirm, if the row has one.
  public var primaryIndex: Int? { buttons.firstIndex(where: \.isPrimary) }

  /// Why the forward button is disabled, for the screen to show.
  public var primaryDisabledReason: String? {
    primaryIndex.flatMap { buttons[$0].disabledReason }
  }

  /// Enables a button (`reason` nil) or disables it with a reason.
  public mutating func setDisabledReason(_ reason: String?, at index: Int) {
    guard buttons.indices.contains(index) else { return }
    buttons[index].disabledReason = reason
  }

  /// Enables or disables every button with `role`.
  public mutating func setDisabledReason(_ reason: String?, for role: Role) {
    for index in buttons.indices where buttons[index].role == role {
      buttons[index].disabledReason = reason
    }
  }

  public mutating func update(_ key: Key) -> KeyResult {
    activatedButton = nil
    refusal = nil
    switch key {
    case .left:
      move(by: -1)
      return .handled
    case .right:
      move(by: 1)
      return .handled
    case .enter, .character(" "):
      return press(focusedIndex)
    default:
      return .ignored
    }
  }

  /// A mouse click at `point` on the row drawn in `rect`.
  public mutating func click(at point: Point, in rect: Rect) -> KeyResult {
    activatedButton = nil
    refusal = nil
    guard let index = frames(in: rect).firstIndex(where: { $0.contains(point) }) else {
      return .ignored
    }
    if buttons[index].isEnabled { focusedIndex = index }
    return press(index)
  }

  private mutating func press(_ index: Int) -> KeyResult {
    guard buttons.indices.contains(index) else { return .ignored }
    guard buttons[index].isEnabled else {
      refusal = buttons[index].disabledReason
      return .handled
    }
    activatedButton = index
    return .activated
  }

  private mutating func move(by step: Int) {
    var index = focusedIndex + step
    while buttons.indices.contains(index) {
      if buttons[index].isEnabled {
        focusedIndex = index
        return
      }
      index += step
    }
  }

  /// Where each button is drawn in `rect`: `[ title ]`, two cells apart.
  public func frames(in rect: Rect) -> [Rect] {
    var x = rect.x
    return buttons.map { button in
      let width = CharacterWidth.of(button.title) + 4
      defer { x += width + 2 }
      return Rect(x: x, y: rect.y, width: width, height: 1)
    }
  }

  public func render(into buffer: inout Buffer, in rect: Rect, focused: Bool) {
    let row = rect.row(0)
    guard !row.isEmpty else { return }
    buffer.fill(row)
    for (index, frame) in frames(in: rect).enumerated() {
      let button = buttons[index]
      var style: Style = button.isEnabled ? .plain : .hint
      if button.isPrimary && button.isEnabled { style.bold = true }
      if focused && index == focusedIndex { style.reverse = true }
      buffer.put("[ \(button.title) ]", x: frame.x, y: frame.y, style: style, clip: row)
    }
  }
}
