import StockroomDomain
import TerminalUI

/// The reference information every inventory transaction carries: the
/// Container (where stock goes, when the wizard moves stock into one), an
/// optional Reference (an RMA or order number) and Comment. One value the
/// deallocation, allocation and receiving wizards hold and draw alike.
public struct ReferenceFields: Sendable {
  /// Nil when the wizard has no container to choose.
  public internal(set) var container: ChoiceField?
  public internal(set) var containerCodes: [String]
  public internal(set) var reference = TextField(
    width: 40, maxLength: TextRules.referenceLimit, rule: .reference)
  public internal(set) var comment = TextField(width: 56, maxLength: TextRules.commentLimit)

  /// The fields for `state`'s containers, or without a Container.
  public init(state: InventoryState, withContainer: Bool = true) {
    containerCodes = withContainer ? state.containers.map(\.code) : []
    container =
      withContainer
      ? ChoiceField(
        options: state.containers.map { TextSafety.neutralised($0.name) }, selected: 0, width: 34)
      : nil
  }

  /// The fields' controls, named.
  public enum Control: String, Hashable, Sendable, Codable, CaseIterable {
    case container, reference, comment
  }

  /// The controls shown: Container (if any), Reference, Comment.
  var controls: [Control] { container == nil ? [.reference, .comment] : Control.allCases }

  /// Where each field goes: the labels at `labelX`, the fields at `fieldX`, one of `rows` each
  /// (the Comment's counter sits on the row under it).
  func layout(labelX: Int, fieldX: Int, rows: [Int]) -> [(control: Control, rect: Rect)] {
    let widths: [Control: Int] = [.container: 44, .reference: 42, .comment: 58]
    return zip(controls, rows).map { control, y in
      (control, Rect(x: fieldX, y: y, width: widths[control] ?? 40, height: 1))
    }
  }

  /// What each field says about itself, for help and the line mode.
  func describe(_ control: Control) -> ControlDescription {
    switch control {
    case .container:
      let names = container?.options ?? []
      let chosen = container.map { names.indices.contains($0.selected) ? names[$0.selected] : "" }
      return ControlDescription(
        "Container", kind: .choice, choices: names, value: chosen ?? "", isRequired: true)
    case .reference:
      return ControlDescription(
        "Reference", kind: .text, value: reference.text,
        rule: "optional; up to \(TextRules.referenceLimit) letters, digits, spaces and - _ / . # :")
    case .comment:
      return ControlDescription(
        "Comment", kind: .text, value: comment.text,
        rule: "optional; up to \(TextRules.commentLimit) characters")
    }
  }

  func isEditingText(_ control: Control) -> Bool { control != .container }

  mutating func update(_ control: Control, key: Key) -> KeyResult {
    switch control {
    case .container:
      guard var field = container else { return .ignored }
      let result = field.update(key)
      container = field
      return result
    case .reference: return reference.update(key)
    case .comment: return comment.update(key)
    }
  }

  var hasAnswers: Bool { !reference.text.isEmpty || !comment.text.isEmpty }

  /// The chosen container's code, nil without a Container.
  var containerCode: String? {
    guard let container, containerCodes.indices.contains(container.selected) else { return nil }
    return containerCodes[container.selected]
  }

  mutating func selectContainer(_ name: String, state: InventoryState) {
    if let index = state.containerIndex(name) { container?.select(index) }
  }

  /// Draws the labels at `labelX` and each field where `layout` puts it.
  func render(
    focus: Control?, labelX: Int, layout: [(control: Control, rect: Rect)],
    into buffer: inout Buffer
  ) {
    for (control, frame) in layout {
      let focused = focus == control
      let label = ["Container", "Reference", "Comment"][
        Control.allCases.firstIndex(of: control) ?? 0]
      buffer.put(label, x: labelX, y: frame.y, style: focused ? .title : .plain)
      switch control {
      case .container:
        container?.render(into: &buffer, in: frame, focused: focused)
      case .reference:
        // Fields are drawn without their refusal beside them (it would be cut at
        // 80 columns): the refusal is shown under the fields and on the status line.
        reference.render(into: &buffer, in: frame, focused: focused)
        buffer.put(
          reference.counterText, x: frame.maxX + 2, y: frame.y,
          style: reference.error == nil ? .hint : .error)
      case .comment:
        comment.render(into: &buffer, in: frame, focused: focused)
        let counter = comment.counterText
        buffer.put(
          counter, x: frame.maxX - CharacterWidth.of(counter), y: frame.y + 1,
          style: comment.error == nil ? .hint : .error)
      }
    }
  }

  /// Why the last text typed into Reference or Comment was refused, the focused one's first.
  func textRefusal(focused focus: Control?) -> String? {
    let reference = self.reference.error.map { "Reference: " + $0 }
    let comment = self.comment.error.map { "Comment: " + $0 }
    return focus == .comment ? (comment ?? reference) : (reference ?? comment)
  }

  /// The explanation of a focused control (nil when none of these is).
  func explanation(focused focus: Control?, containerText: String) -> String? {
    switch focus {
    case .container: return containerText
    case .reference:
      return "Reference (optional): an RMA, work order or similar number that authorizes this; "
        + "up to 64 letters, digits, spaces and - _ / . # :"
    case .comment: return "Comment (optional): up to 128 characters; it appears in reports."
    case nil: return nil
    }
  }

  /// Where the cursor belongs in `control`'s field at `frame`.
  func cursor(_ control: Control, in frame: Rect) -> Point? {
    switch control {
    case .container: return nil
    case .reference: return reference.cursorPosition(in: frame)
    case .comment: return comment.cursorPosition(in: frame)
    }
  }
}
