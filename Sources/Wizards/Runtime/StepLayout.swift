import TerminalUI

/// Where each control of a wizard step sits in the rectangle the step was
/// given. A step computes it with one function of that rectangle; drawing,
/// the cursor, mouse hit-testing and page sizes all read it, so they can never
/// disagree, and a resize is only a new rectangle.
public struct StepLayout<Control: Hashable & Sendable>: Sendable {
  /// The rectangle the step was given.
  public var area: Rect
  /// Each placed control's frame, in focus order.
  public private(set) var frames: [(control: Control, rect: Rect)] = []

  public init(area: Rect) {
    self.area = area
  }

  /// Places `control` at `rect` (clipped to the step's area).
  public mutating func place(_ control: Control, _ rect: Rect) {
    frames.append((control, rect.intersection(area)))
  }

  /// The frame of `control`, or nil when it is not shown.
  public subscript(_ control: Control) -> Rect? {
    frames.first { $0.control == control }?.rect
  }

  /// The frame of `control`, or an empty rectangle at the area's corner.
  public func frame(_ control: Control) -> Rect {
    self[control] ?? Rect(x: area.x, y: area.y, width: 0, height: 0)
  }

  /// The control under `point` (the last placed wins where frames overlap).
  public func control(at point: Point) -> Control? {
    frames.last { $0.rect.contains(point) }?.control
  }
}
