import TerminalUI

/// A wizard's radio buttons choose as the arrows move (the answer is what is
/// highlighted), and a click chooses the option under it.
extension RadioGroup {
  /// ↑ ↓ move and choose, Space and Enter choose, a click chooses the option
  /// it lands on in `frame` (where the group is drawn).
  mutating func updateChoosing(_ key: Key, in frame: Rect) -> KeyResult {
    if case .mouse(let mouse) = key {
      guard mouse.action == .press, let index = option(at: mouse.position, in: frame) else {
        return .ignored
      }
      choose(index)
      return .handled
    }
    let result = update(key)
    if key == .up || key == .down { choose(highlighted) }
    return result
  }

  /// The option drawn at `point` when the group is drawn in `frame` (it
  /// scrolls to keep the highlighted option in view, as `render` does).
  func option(at point: Point, in frame: Rect) -> Int? {
    guard frame.contains(point) else { return nil }
    let first = max(0, min(highlighted - frame.height + 1, options.count - frame.height))
    let index = first + point.y - frame.y
    return options.indices.contains(index) ? index : nil
  }
}
