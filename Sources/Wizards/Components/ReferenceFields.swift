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

  /// How many controls: Container (if any), Reference, Comment.
  public var count: Int { container == nil ? 2 : 3 }
  /// The control index of Reference (Comment follows it).
  var referenceIndex: Int { container == nil ? 0 : 1 }

  var hasAnswers: Bool { !reference.text.isEmpty || !comment.text.isEmpty }

  /// The chosen container's code, nil without a Container.
  var containerCode: String? {
    guard let container, containerCodes.indices.contains(container.selected) else { return nil }
    return containerCodes[container.selected]
  }

  func isTextField(_ index: Int) -> Bool { index >= referenceIndex }

  mutating func selectContainer(_ name: String, state: InventoryState) {
    if let index = state.containerIndex(name) { container?.select(index) }
  }

  mutating func update(_ index: Int, key: Key) -> KeyResult {
    switch index - referenceIndex {
    case -1:
      guard var field = container else { return .ignored }
      let result = field.update(key)
      container = field
      return result
    case 0: return reference.update(key)
    default: return comment.update(key)
    }
  }

  /// Draws the labels at `labelX` and the fields at `fieldX` on `rows` (one per control);
  /// `focus` is the index of the focused control among these, if one is.
  func render(focus: Int?, labelX: Int, fieldX: Int, rows: [Int], into buffer: inout Buffer) {
    var row = 0
    if let container {
      buffer.put("Container", x: labelX, y: rows[0], style: focus == 0 ? .title : .plain)
      container.render(
        into: &buffer, in: Rect(x: fieldX, y: rows[0], width: 44, height: 1), focused: focus == 0)
      row = 1
    }
    let referenceY = rows[row]
    buffer.put("Reference", x: labelX, y: referenceY, style: focus == row ? .title : .plain)
    // Fields are drawn without their refusal beside them (it would be cut at
    // 80 columns): the refusal is shown under the fields and on the status line.
    reference.render(
      into: &buffer, in: Rect(x: fieldX, y: referenceY, width: 42, height: 1),
      focused: focus == row)
    buffer.put(
      reference.counterText, x: fieldX + 44, y: referenceY,
      style: reference.error == nil ? .hint : .error)
    let commentY = rows[row + 1]
    buffer.put("Comment", x: labelX, y: commentY, style: focus == row + 1 ? .title : .plain)
    comment.render(
      into: &buffer, in: Rect(x: fieldX, y: commentY, width: 58, height: 1),
      focused: focus == row + 1)
    let counter = comment.counterText
    buffer.put(
      counter, x: fieldX + 58 - CharacterWidth.of(counter), y: commentY + 1,
      style: comment.error == nil ? .hint : .error)
  }

  /// Why the last text typed into Reference or Comment was refused, the focused one's first.
  func textRefusal(focus: Int?) -> String? {
    let reference = self.reference.error.map { "Reference: " + $0 }
    let comment = self.comment.error.map { "Comment: " + $0 }
    return focus == referenceIndex + 1 ? (comment ?? reference) : (reference ?? comment)
  }

  /// The explanation of a focused control (nil when none of these is).
  func explanation(focus: Int?, containerText: String) -> String? {
    switch focus.map({ $0 - referenceIndex }) {
    case .some(-1): return containerText
    case .some(0):
      return "Reference (optional): an RMA, work order or similar number that authorizes this; "
        + "up to 64 letters, digits, spaces and - _ / . # :"
    case .some(1): return "Comment (optional): up to 128 characters; it appears in reports."
    default: return nil
    }
  }

  func cursor(_ index: Int, fieldX: Int, width: Int, rows: [Int]) -> Point? {
    let row = index - referenceIndex
    guard row == 0 || row == 1 else { return nil }
    let field = row == 0 ? reference : comment
    return field.cursorPosition(
      in: Rect(x: fieldX, y: rows[index], width: width, height: 1))
  }
}
