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
    result(outcome, answers: answers, context: context)?.draw(into: &buffer, in: rect)
  }

  public func resultLines(
    _ outcome: CommitOutcome, answers: AllocationAnswers, context: AppContext
  ) -> [String]? {
    result(outcome, answers: answers, context: context)?.lines
  }

  private func result(
    _ outcome: CommitOutcome, answers: AllocationAnswers, context: AppContext
  ) -> AllocationResult? {
    guard case .committed(let transaction) = outcome else { return nil }
    let state = context.state
    return AllocationResult(
      done: "Allocated.", transactionId: transaction.transactionId,
      what: allocatingText(answers), accountName: accountName,
      cells: state.accounts.indices.contains(account)
        ? state.allocationTable(account: account) : [],
      enterOpens: "and what it allocated")
  }
}
