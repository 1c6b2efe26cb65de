import StockroomDomain
import TerminalUI

/// The Confirm step of the receiving wizard: exactly what will change, drawn
/// from the same summary `stockroom receive` prints. And the result: the
/// Transaction ID and what is in stock now.
extension ReceiveFlow {
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
    guard case .committed(let transaction) = outcome else { return }
    let x = rect.x + 1
    let end = buffer.put("Received. Transaction ID ", x: x, y: rect.y, style: .success)
    buffer.put(transaction.transactionId, x: end, y: rect.y, style: .title)
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
      "Enter opens \(transaction.transactionId) and "
        + (isHardware(answers) ? "the serials" : "what")
        + " it received · Esc goes back", x: x, y: rect.y + 12,
      style: .hint, clip: rect)
  }
}
