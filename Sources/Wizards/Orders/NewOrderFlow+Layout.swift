import StockroomDomain
import TerminalUI

/// Where the new-order wizard's controls go, and how each step is drawn from that one layout:
/// the type list takes the rows the terminal has (10 at 80x24), each detail field a row.
extension NewOrderFlow {
  /// The rows of types shown in a step `height` rows tall, leaving 7 for the count and the
  /// explanation: 10 at 80x24, every type on a taller terminal.
  static func typeRows(height: Int) -> Int {
    min(OrderType.allCases.count, max(3, height - 7))
  }

  /// The columns before a detail field's value (its label).
  static let labelWidth = 17
  /// The width of a text field's box.
  static let textBoxWidth = 42

  public func layout(step shown: Step, answers: Answers, in rect: Rect) -> StepLayout<Control> {
    var layout = StepLayout<Control>(area: rect)
    switch shown {
    case .type:
      layout.place(
        .type,
        Rect(x: rect.x, y: rect.y, width: rect.width, height: Self.typeRows(height: rect.height)))
    case .details:
      for (index, key) in answers.type.spec.fields.enumerated() {
        layout.place(
          .field(key),
          Rect(x: rect.x + 1, y: rect.y + 2 + index * 2, width: rect.width - 2, height: 1))
      }
    case .confirm:
      break
    }
    return layout
  }

  /// Where a detail field's value goes in its frame (after the label).
  static func valueRect(_ frame: Rect) -> Rect {
    Rect(
      x: frame.x + labelWidth, y: frame.y, width: frame.width - labelWidth, height: frame.height)
  }

  /// The box of a text field in its frame.
  static func textBox(_ frame: Rect) -> Rect {
    Rect(x: frame.x + labelWidth, y: frame.y, width: textBoxWidth, height: 1)
  }

  /// The first type shown when the list shows `rows` of them around the highlighted one.
  static func firstTypeShown(_ answers: Answers, rows: Int) -> Int {
    min(max(0, answers.typeIndex - rows / 2), OrderType.allCases.count - rows)
  }

  /// A choice field's value as drawn: "‹ Option ›".
  func choiceText(_ key: OrderFieldKey, _ answers: Answers) -> String {
    let fields = fields(answers)
    let label: String
    if fields.options(key, answers).isEmpty {
      label = "(nothing to choose)"
    } else {
      label = fields.chosen(key, answers)?.label ?? "(choose one)"
    }
    return "‹ " + TextSafety.neutralised(label) + " ›"
  }

  public func view(
    step shown: Step, focus: Control?, answers: Answers, layout: StepLayout<Control>,
    into buffer: inout Buffer, context: AppContext
  ) {
    switch shown {
    case .type: viewTypes(answers, focused: focus != nil, layout: layout, into: &buffer)
    case .details: viewDetails(answers, focus: focus, layout: layout, into: &buffer)
    case .confirm: viewConfirm(answers, into: &buffer, in: layout.area)
    }
  }

  func viewTypes(
    _ answers: Answers, focused: Bool, layout: StepLayout<Control>, into buffer: inout Buffer
  ) {
    let rect = layout.area
    let list = layout.frame(.type)
    let types = OrderType.allCases
    let top = Self.firstTypeShown(answers, rows: list.height)
    for (row, index) in (top..<(top + list.height)).enumerated() {
      let type = types[index]
      let selected = index == answers.typeIndex
      let text = (selected ? "▸ " : "  ") + TextLayout.pad(type.title, to: 28) + type.group.rawValue
      buffer.put(
        text, x: list.x + 1, y: list.y + row,
        style: selected ? (focused ? .highlight : .title) : .plain, clip: rect)
    }
    var more = "\(answers.typeIndex + 1) of \(types.count)"
    if list.height < types.count { more += " · ↑↓ for more" }
    buffer.put(more, x: rect.x + 3, y: list.maxY, style: .hint, clip: rect)
    let area = Rect(
      x: rect.x + 1, y: list.maxY + 1, width: rect.width - 2, height: rect.maxY - list.maxY - 1)
    buffer.putWrapped(answers.type.explanation, in: area, style: .hint)
  }

  func viewDetails(
    _ answers: Answers, focus: Control?, layout: StepLayout<Control>, into buffer: inout Buffer
  ) {
    let rect = layout.area
    buffer.put(answers.type.title, x: rect.x + 1, y: rect.y, style: .title, clip: rect)
    for (control, frame) in layout.frames {
      guard case .field(let key) = control else { continue }
      let focused = focus == control
      buffer.put(
        key.label, x: frame.x, y: frame.y, style: focused ? .highlight : .hint, clip: rect)
      let value = Self.valueRect(frame)
      if key.isText {
        var copy = answers
        copy.field(key).render(into: &buffer, in: Self.textBox(frame), focused: focused)
        if answers.type.spec.optional.contains(key) {
          buffer.put(
            "optional", x: value.x + Self.textBoxWidth + 2, y: value.y, style: .hint, clip: value)
        }
      } else {
        buffer.put(
          choiceText(key, answers), x: value.x, y: value.y,
          style: focused ? .highlight : .plain, clip: value)
      }
    }
    if let reason = refusal(step: .details, answers: answers)?.message {
      let top = (layout.frames.last?.rect.maxY ?? rect.y + 1) + 2
      let area = Rect(x: rect.x + 1, y: top, width: rect.width - 2, height: rect.maxY - top)
      buffer.putWrapped(reason, in: area, style: .error)
    }
  }

  /// What Confirm shows: the order's rows and a warning, or why it is refused.
  func confirmation(_ answers: Answers) -> NewOrderConfirmation {
    let book = answers.state.orders
    switch checked(answers) {
    case .failure(let error):
      return NewOrderConfirmation(refused: error.message)
    case .success(let change):
      guard let order = change.order?.order else { return NewOrderConfirmation() }
      var rows = book.rows(order.request)
      rows.append(("Approver", book.person(order.approver)))
      if !order.timeline.isEmpty, !(order.timeline.first?.comment.isEmpty ?? true) {
        rows.append(("Comment", order.timeline.first?.comment ?? ""))
      }
      return NewOrderConfirmation(rows: rows, warning: book.warning(order.request))
    }
  }

  func viewConfirm(_ answers: Answers, into buffer: inout Buffer, in area: Rect) {
    let confirmation = confirmation(answers)
    if let refused = confirmation.refused {
      buffer.putWrapped("Refused: " + refused, in: area, style: .error)
      return
    }
    let inner = Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: area.height)
    let used = OrderRowsView.draw(confirmation.rows, into: &buffer, in: inner)
    if let warning = confirmation.warning {
      let box = Rect(
        x: inner.x, y: inner.y + used + 1, width: inner.width, height: inner.height - used - 1)
      buffer.putWrapped("Warning: " + warning, in: box, style: .warning)
    }
  }

  public func confirmLines(answers: Answers, context: AppContext) -> [String] {
    confirmation(answers).lines
  }

  public func cursor(
    _ control: Control, step: Step, answers: Answers, layout: StepLayout<Control>
  ) -> Point? {
    guard case .field(let key) = control, key.isText, let frame = layout[control] else {
      return nil
    }
    var copy = answers
    return copy.field(key).cursorPosition(in: Self.textBox(frame))
  }
}
