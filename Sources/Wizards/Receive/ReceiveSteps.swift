import StockroomDomain
import TerminalUI

/// How the receiving wizard's steps look: the stock (what, owned or leased,
/// where, PIN, reference), the serials or quantity, and Confirm.
extension ReceiveFlow {
  static let labelWidth = 14

  /// Rows of the container, reference and comment fields on step 1.
  func stockRows(_ rect: Rect) -> [Int] { [rect.y + 5, rect.y + 8, rect.y + 9] }

  func viewStock(
    focus: Int?, answers: ReceiveAnswers, into buffer: inout Buffer, in rect: Rect,
    context: AppContext
  ) {
    let x = rect.x + 1
    let fieldX = x + ReceiveFlow.labelWidth
    func label(_ text: String, _ y: Int, _ control: Int) {
      buffer.put(text, x: x, y: y, style: focus == control ? .title : .plain)
    }
    label("Receive", rect.y, 0)
    answers.item.render(
      into: &buffer, in: Rect(x: fieldX, y: rect.y, width: 34, height: 1), focused: focus == 0)
    label("Ownership", rect.y + 2, 1)
    answers.ownership.render(
      into: &buffer, in: Rect(x: fieldX, y: rect.y + 2, width: rect.maxX - fieldX, height: 2),
      focused: focus == 1)
    label("PIN", rect.y + 6, 3)
    let mark = answers.needsPIN ? "[x]" : "[ ]"
    let hardware = isHardware(answers)
    let end = buffer.put(
      "\(mark) Needs a token-side PIN", x: fieldX, y: rect.y + 6,
      style: !hardware ? .hint : (focus == 3 ? .highlight : .plain))
    buffer.put(
      hardware ? "  (RB-1 tokens issued with PINs)" : "  (hardware only)", x: end, y: rect.y + 6,
      style: .hint, clip: rect)
    let index = focus.flatMap { ReceiveFlow.fieldIndex[$0] }
    answers.fields.render(
      focus: index, labelX: x, fieldX: fieldX, rows: stockRows(rect), into: &buffer)
    let explainY = rect.y + 12
    var text =
      answers.fields.explanation(
        focus: index, containerText: "Container: where the new stock is placed.")
      ?? "Owned stock may be sold or rented; leased stock may only be rented."
    var style = Style.hint
    if let refusal = answers.fields.textRefusal(focus: index) {
      text = refusal
      style = .error
    }
    buffer.putWrapped(
      text, in: Rect(x: x, y: explainY, width: rect.width - 2, height: rect.maxY - explainY),
      style: style)
  }

  func viewItems(
    focus: Int?, answers: ReceiveAnswers, into buffer: inout Buffer, in rect: Rect,
    context: AppContext
  ) {
    let x = rect.x + 1
    let title = answers.item.value ?? ""
    let ownership = answers.ownership.selected == 1 ? "leased" : "owned"
    let container = context.state.containers.first { $0.code == answers.fields.containerCode }
    let into = TextSafety.neutralised(container?.name ?? "")
    if isHardware(answers) {
      buffer.putWrapped(
        "New \(title) serials (\(ownership)) into \(into). Duplicated or already known serials "
          + "are refused before anything is written.",
        in: Rect(x: x, y: rect.y, width: rect.width - 2, height: 2))
      _ = answers.serials.render(focus: focus, into: &buffer, in: rect)
      return
    }
    buffer.put("\(title) (\(ownership)) into \(into)", x: x, y: rect.y, clip: rect)
    buffer.put("Quantity", x: x, y: rect.y + 3, style: focus == 0 ? .title : .plain)
    let field = Rect(x: x + ReceiveFlow.labelWidth, y: rect.y + 3, width: 12, height: 1)
    answers.quantity.render(into: &buffer, in: field, focused: focus == 0)
    let note = answers.quantity.message ?? "a whole number from 1 to 1,000,000"
    buffer.put(
      note, x: field.x + 14, y: field.y, style: answers.quantity.message == nil ? .hint : .error,
      clip: rect)
  }

  func viewConfirm(
    answers: ReceiveAnswers, into buffer: inout Buffer, in rect: Rect, context: AppContext
  ) {
    let who = TransactionContext(
      user: context.userName, uid: context.userId, reference: answers.fields.reference.text,
      comment: answers.fields.comment.text)
    var lines = StockSummary(command: command(for: answers), context: who, state: context.state)
      .lines(width: rect.width - 2)
    lines += ["", "Nothing is written until you confirm."]
    if lines.count > rect.height {
      lines =
        Array(lines.prefix(rect.height - 1)) + ["… (\(lines.count - rect.height + 1) more lines)"]
    }
    for (index, line) in lines.enumerated() {
      buffer.put(
        line, x: rect.x + 1, y: rect.y + index, style: index == 0 ? .title : .plain, clip: rect)
    }
  }

  public func viewResult(
    _ outcome: CommitOutcome, answers: ReceiveAnswers, into buffer: inout Buffer, in rect: Rect,
    context: AppContext
  ) {
    guard case .committed(let id) = outcome else { return }
    let x = rect.x + 1
    let end = buffer.put("Received. Transaction ID ", x: x, y: rect.y, style: .success)
    buffer.put(id, x: end, y: rect.y, style: .title)
    let what =
      isHardware(answers)
      ? "\(SerialPreview.count(answers.serials.serials.count)) \(answers.item.value ?? "") tokens"
      : "\(answers.quantity.value ?? 0) \(answers.item.value ?? "")"
    buffer.put(TextLayout.truncate(what, to: rect.width - 2), x: x, y: rect.y + 1)
    buffer.put(
      "In stock now, ready to allocate (Home › Inventory shows every count).", x: x,
      y: rect.y + 3, style: .hint, clip: rect)
    let state = context.state
    var y = rect.y + 5
    if case .software(let product)? = item(answers) {
      buffer.put(
        "\(product.title): \(state.stockQuantity(product, ownership: .owned)) owned, "
          + "\(state.stockQuantity(product, ownership: .leased)) leased", x: x + 2, y: y)
      y += 1
    } else if case .hardware(let model)? = item(answers) {
      let name = answers.modelNames.indices.contains(model) ? answers.modelNames[model] : ""
      for row in state.inventorySummary().hardware where row.model == name {
        let box = state.containers.first { $0.code == row.container }?.name ?? row.container
        buffer.put(
          TextLayout.truncate(
            "\(TextSafety.neutralised(name)) in \(TextSafety.neutralised(box)): "
              + "\(row.available) available, \(row.faulty) faulty, \(row.lost) lost",
            to: rect.width - 4), x: x + 2, y: y)
        y += 1
        if y > rect.y + 10 { break }
      }
    }
    buffer.put(
      "Enter opens \(id) and " + (isHardware(answers) ? "the serials" : "what")
        + " it received · Esc goes back", x: x, y: rect.y + 12,
      style: .hint, clip: rect)
  }

  public func help(step: Int) -> String {
    switch step {
    case 0:
      return """
        What arrives: a hardware model, or software tokens or capacity (←→ choose). Owned \
        stock was bought and may be sold or rented; leased stock may only be rented. \
        Container: where it is placed. Needs a token-side PIN: for RB-1 tokens issued with \
        PINs (Space). Reference and Comment are optional (e.g. a delivery note number).
        """
    case 1:
      return """
        Hardware: scan or type each serial and press Enter; paste a list (one a line, or \
        separated by commas or spaces); or press Ctrl-O to load a manifest file (one serial \
        a line, or a CSV column by name or number). A preview counts the new serials and \
        names the refused ones (listed twice, or already in the inventory) before anything \
        is added; Enter adds the new ones. Delete takes the highlighted serial off the list; \
        Ctrl-Z undoes the last addition. Software: the quantity received.
        """
    default:
      return """
        Confirm shows exactly what will change; `stockroom receive` prints the same lines. \
        Nothing is written until you press Confirm; the receipt is one transaction with its \
        own Transaction ID.
        """
    }
  }
}
