/// Shows a wizard's steps and where the user is, `Step 2 of 3 · Reference`,
/// or as a breadcrumb `Select › Reference › Confirm` with the current step
/// bold, so nobody wonders how much is left.
public struct StepIndicator: Widget, Sendable {
  public let titles: [String]
  /// The current step, from 0.
  public var current: Int

  public init(titles: [String], current: Int = 0) {
    self.titles = titles
    self.current = current
  }

  /// "Step 2 of 3 · Reference".
  public var text: String {
    guard titles.indices.contains(current) else { return "" }
    return "Step \(current + 1) of \(titles.count) · \(titles[current])"
  }

  /// "Select › Reference › Confirm".
  public var breadcrumb: String { titles.joined(separator: " › ") }

  public mutating func update(_ key: Key) -> KeyResult { .ignored }

  /// Draws `text` right-aligned on the first row of `rect`, the title bold.
  public func render(into buffer: inout Buffer, in rect: Rect, focused: Bool) {
    let row = rect.row(0)
    guard !row.isEmpty, titles.indices.contains(current) else { return }
    let shown = TextLayout.truncate(text, to: row.width)
    let x = row.maxX - CharacterWidth.of(shown)
    let prefix = "Step \(current + 1) of \(titles.count) · "
    let end = buffer.put(String(shown.prefix(prefix.count)), x: x, y: row.y, clip: row)
    buffer.put(String(shown.dropFirst(prefix.count)), x: end, y: row.y, style: .title, clip: row)
  }

  /// Draws `breadcrumb` from the left of the first row, the current step bold.
  public func renderBreadcrumb(into buffer: inout Buffer, in rect: Rect) {
    let row = rect.row(0)
    guard !row.isEmpty else { return }
    var x = row.x
    for (index, title) in titles.enumerated() {
      if index > 0 { x = buffer.put(" › ", x: x, y: row.y, style: .hint, clip: row) }
      let style: Style = index == current ? .title : .plain
      x = buffer.put(title, x: x, y: row.y, style: style, clip: row)
    }
  }
}
