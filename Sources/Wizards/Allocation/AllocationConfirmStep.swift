import StockroomDomain
import TerminalUI

/// The Confirm step of the allocation wizard: exactly what will change, drawn from the
/// same summary `stockroom allocate` prints, then Confirm. And the result:
/// the Transaction ID and the account's allocation table as it now reads.
extension AllocationFlow {
  func summary(_ answers: AllocationAnswers, context: AppContext) -> StockSummary {
    let who = TransactionContext(
      user: context.userName, uid: context.userId, reference: answers.fields.reference.text,
      comment: answers.fields.comment.text, billing: answers.billing)
    return StockSummary(command: command(for: answers), context: who, state: context.state)
  }

  func viewConfirm(
    answers: AllocationAnswers, into buffer: inout Buffer, in rect: Rect, context: AppContext
  ) {
    var lines = summary(answers, context: context).lines(width: rect.width - 2)
    lines += ["", "Nothing is written until you confirm."]
    let room = rect.height
    if lines.count > room {
      lines = Array(lines.prefix(room - 1)) + ["… (\(lines.count - room + 1) more lines)"]
    }
    for (index, line) in lines.enumerated() {
      buffer.put(
        line, x: rect.x + 1, y: rect.y + index, style: index == 0 ? .title : .plain, clip: rect)
    }
  }

  public func viewResult(
    _ outcome: CommitOutcome, answers: AllocationAnswers, into buffer: inout Buffer,
    in rect: Rect, context: AppContext
  ) {
    guard case .committed(let transaction) = outcome else { return }
    let x = rect.x + 1
    let end = buffer.put("Allocated. Transaction ID ", x: x, y: rect.y, style: .success)
    buffer.put(transaction.transactionId, x: end, y: rect.y, style: .title)
    buffer.put(
      TextLayout.truncate(allocatingText(answers), to: rect.width - 2), x: x, y: rect.y + 1)
    buffer.put(
      TextLayout.truncate(
        "The Allocation table of \(TextSafety.neutralised(accountName)) now reads:",
        to: rect.width - 2), x: x, y: rect.y + 3, style: .hint)
    let state = context.state
    guard state.accounts.indices.contains(account) else { return }
    AllocationTableView.draw(
      state.allocationTable(account: account), x: x, y: rect.y + 5, into: &buffer)
    buffer.put(
      "Enter opens \(transaction.transactionId) and what it allocated · Esc goes back", x: x,
      y: rect.y + 12,
      style: .hint, clip: rect)
  }
}
