import Foundation
import StockroomDomain
import TerminalUI

/// The new-order wizard: the type (with the seed's explanation), the details that type needs,
/// and Confirm showing exactly what will be submitted and to whom it goes for approval.
public struct NewOrderFlow: LegacyWizardFlow {
  public typealias Answers = NewOrderAnswers
  let state: InventoryState
  let session: OrderSession
  let now: Date

  var fields: OrderFields { OrderFields(book: state.orders, actor: session.actor) }

  static func screen(session: OrderSession, context: AppContext) -> LegacyWizardScreen<NewOrderFlow>
  {
    LegacyWizardScreen(
      flow: NewOrderFlow(state: context.state, session: session, now: context.now),
      answers: NewOrderAnswers())
  }

  public var name: String { "New wireless order" }
  public var steps: [String] { ["Type", "Details", "Confirm"] }

  func command(_ answers: Answers) -> Command {
    .order(
      .submit(
        fields.request(answers), actor: session.actor, at: OrderSession.iso(now),
        comment: answers.text(.comment)))
  }

  func checked(_ answers: Answers) -> Result<Change, DomainError> {
    do throws(DomainError) {
      return .success(try validate(command(answers), against: state))
    } catch {
      return .failure(error)
    }
  }

  public func controlCount(step: Int, answers: Answers) -> Int {
    switch step {
    case 0: return 1
    case 1: return OrderFields.keys(answers.type).count
    default: return 0
    }
  }

  public func refusal(step: Int, answers: Answers) -> String? {
    guard step >= 1 else { return nil }
    if case .failure(let error) = checked(answers) { return error.message }
    return nil
  }

  public func hasAnswers(_ answers: Answers) -> Bool {
    answers.typeIndex != 0 || !answers.choices.isEmpty || !answers.text(.comment).isEmpty
  }

  public func isTextField(step: Int, focus: Int, answers: Answers) -> Bool {
    guard step == 1 else { return false }
    let keys = OrderFields.keys(answers.type)
    return keys.indices.contains(focus) && keys[focus].isText
  }

  public func update(
    step: Int, focus: Int, key: Key, answers: inout Answers, context: AppContext
  ) -> KeyResult {
    if step == 0 {
      let count = OrderType.allCases.count
      switch key {
      case .up: answers.typeIndex = max(0, answers.typeIndex - 1)
      case .down: answers.typeIndex = min(count - 1, answers.typeIndex + 1)
      case .home: answers.typeIndex = 0
      case .end: answers.typeIndex = count - 1
      case .enter: return .activated
      default: return .ignored
      }
      answers.choices = [:]
      return .handled
    }
    guard step == 1 else { return .ignored }
    let keys = OrderFields.keys(answers.type)
    guard keys.indices.contains(focus) else { return .ignored }
    let field = keys[focus]
    if field.isText {
      var text = answers.field(field)
      let result = text.update(key)
      answers.texts[field] = text
      return result
    }
    let list = fields.options(field, answers)
    guard !list.isEmpty else { return .ignored }
    let current = answers.choices[field] ?? fields.defaultIndex(field, list)
    switch key {
    case .right, .character(" "), .character(">"):
      answers.choices[field] = (current + 1) % list.count
    case .left, .character("<"):
      answers.choices[field] = (current + list.count - 1) % list.count
    default: return .ignored
    }
    return .handled
  }

  public func hint(step: Int, focus: Int?, answers: Answers) -> StatusLine? {
    guard step == 1, let reason = refusal(step: step, answers: answers) else { return nil }
    return StatusLine(reason, kind: .error)
  }

  public func keyBindings(step: Int, focus: Int?, answers: Answers) -> [KeyBinding] {
    if step == 0 { return [.move] }
    if step == 1, let focus, !isTextField(step: step, focus: focus, answers: answers) {
      return [KeyBinding("← →", "choose")]
    }
    return []
  }

  public func help(step: Int) -> String {
    switch step {
    case 0:
      return "Choose what to order. New requests: "
        + OrderType.allCases.filter { $0.group == .new }.map(\.title).joined(separator: ", ")
        + ". Modify requests: "
        + OrderType.allCases.filter { $0.group == .modify }.map(\.title).joined(separator: ", ")
        + ". Delete requests: "
        + OrderType.allCases.filter { $0.group == .delete }.map(\.title).joined(separator: ", ")
        + ".\n\nThe highlighted type's explanation is shown under the list. The order goes "
        + "to the employee's approver; nobody approves their own order."
    case 1:
      return "Only what this type needs. ← and → (or Space) choose among the options; type "
        + "into text fields. Next is refused with the reason when a rule says no (a warranty "
        + "after the first year or for damage, a late restore)."
    default:
      return "Exactly what will be submitted, and who approves it. Confirm submits the order "
        + "and emails the requester and the approver.\n\n" + OrderRules.warrantyWarning
    }
  }

  public func view(
    step: Int, focus: Int?, answers: Answers, into buffer: inout Buffer, in rect: Rect,
    context: AppContext
  ) {
    switch step {
    case 0: viewTypes(answers, focused: focus != nil, into: &buffer, in: rect)
    case 1: viewDetails(answers, focus: focus, into: &buffer, in: rect)
    default: viewConfirm(answers, into: &buffer, in: rect)
    }
  }

  func viewTypes(_ answers: Answers, focused: Bool, into buffer: inout Buffer, in rect: Rect) {
    let types = OrderType.allCases
    let height = 10
    let top = min(max(0, answers.typeIndex - height / 2), types.count - height)
    for (row, index) in (top..<(top + height)).enumerated() {
      let type = types[index]
      let selected = index == answers.typeIndex
      let text = (selected ? "▸ " : "  ") + TextLayout.pad(type.title, to: 28) + type.group.rawValue
      buffer.put(
        text, x: rect.x + 1, y: rect.y + row,
        style: selected ? (focused ? .highlight : .title) : .plain, clip: rect)
    }
    let more = "\(answers.typeIndex + 1) of \(types.count) · ↑↓ for more"
    buffer.put(more, x: rect.x + 3, y: rect.y + height, style: .hint, clip: rect)
    let area = Rect(
      x: rect.x + 1, y: rect.y + height + 1, width: rect.width - 2,
      height: rect.height - height - 1)
    buffer.putWrapped(answers.type.explanation, in: area, style: .hint)
  }

  func viewDetails(
    _ answers: Answers, focus: Int?, into buffer: inout Buffer, in rect: Rect
  ) {
    buffer.put(answers.type.title, x: rect.x + 1, y: rect.y, style: .title, clip: rect)
    let keys = OrderFields.keys(answers.type)
    for (index, key) in keys.enumerated() {
      let y = rect.y + 2 + index * 2
      let focused = focus == index
      buffer.put(key.label, x: rect.x + 1, y: y, style: focused ? .highlight : .hint, clip: rect)
      let field = Rect(x: rect.x + 18, y: y, width: rect.width - 19, height: 1)
      if key.isText {
        var copy = answers
        let text = copy.field(key)
        text.render(
          into: &buffer, in: Rect(x: field.x, y: y, width: 42, height: 1), focused: focused)
        if key == .model && answers.type == .port {
          buffer.put("optional", x: field.x + 44, y: y, style: .hint, clip: field)
        }
      } else {
        let list = fields.options(key, answers)
        let label =
          list.isEmpty
          ? "(nothing to choose)"
          : list[min(answers.choices[key] ?? fields.defaultIndex(key, list), list.count - 1)]
            .label
        buffer.put(
          "‹ " + TextSafety.neutralised(label) + " ›", x: field.x, y: y,
          style: focused ? .highlight : .plain, clip: field)
      }
    }
    if let reason = refusal(step: 1, answers: answers) {
      let top = rect.y + 3 + keys.count * 2
      let area = Rect(x: rect.x + 1, y: top, width: rect.width - 2, height: rect.maxY - top)
      buffer.putWrapped(reason, in: area, style: .error)
    }
  }

  public func cursor(step: Int, focus: Int, answers: Answers, in rect: Rect) -> Point? {
    guard isTextField(step: step, focus: focus, answers: answers) else { return nil }
    let key = OrderFields.keys(answers.type)[focus]
    var copy = answers
    return copy.field(key).cursorPosition(
      in: Rect(x: rect.x + 18, y: rect.y + 2 + focus * 2, width: 42, height: 1))
  }

  func viewConfirm(_ answers: Answers, into buffer: inout Buffer, in rect: Rect) {
    let book = state.orders
    let area = rect.inset(by: 0)
    switch checked(answers) {
    case .failure(let error):
      buffer.putWrapped("Refused: " + error.message, in: area, style: .error)
    case .success(let change):
      guard let order = change.order?.order else { return }
      var rows = book.rows(order.request)
      rows.append(("Approver", book.person(order.approver)))
      if !order.timeline.isEmpty, !(order.timeline.first?.comment.isEmpty ?? true) {
        rows.append(("Comment", order.timeline.first?.comment ?? ""))
      }
      let inner = Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: area.height)
      let used = OrderRowsView.draw(rows, into: &buffer, in: inner)
      if let warning = book.warning(order.request) {
        let box = Rect(
          x: inner.x, y: inner.y + used + 1, width: inner.width,
          height: inner.height - used - 1)
        buffer.putWrapped("Warning: " + warning, in: box, style: .warning)
      }
    }
  }

  public func commit(answers: Answers, key: String) -> PendingCommit {
    PendingCommit(
      command: command(answers), comment: answers.text(.comment), performedBy: session.actor,
      key: key)
  }

  public func resultEffect(transactionId: String, answers: Answers, context: AppContext)
    -> Effect
  {
    .pop
  }

  public func viewResult(
    _ outcome: CommitOutcome, answers: Answers, into buffer: inout Buffer, in rect: Rect,
    context: AppContext
  ) {
    guard case .committed(let id) = outcome else { return }
    let book = context.state.orders
    let order = book.orders.last
    let text =
      "Order \(order?.number ?? "?") submitted (\(id)). It waits for "
      + "\(book.person(order?.approver ?? "")) to approve it; the requester and the approver "
      + "were emailed. Enter or Esc goes back to your orders."
    buffer.putWrapped(text, in: rect.inset(by: 1), style: .success)
  }
}
