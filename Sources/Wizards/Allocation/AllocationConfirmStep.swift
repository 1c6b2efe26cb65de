import StockroomDomain
import TerminalUI

/// The Confirm step of the allocation wizard: exactly what will change, drawn from the
/// same summary `stockroom allocate` prints, then Confirm. And the result:
/// the Transaction ID and the account's allocation table as it now reads.
extension AllocationFlow: SummaryConfirmFlow {
  public func summary(_ answers: AllocationAnswers, context: AppContext) -> StockSummary {
    let who = TransactionContext(
      user: context.userName, uid: context.userId, reference: answers.fields.reference.text,
      comment: answers.fields.comment.text, billing: answers.billing)
    return StockSummary(command: command(for: answers), context: who, state: context.state)
  }

  public func result(
    _ transaction: Transaction, answers: AllocationAnswers, context: AppContext
  ) -> any WizardResult {
    AllocationResult(
      "Allocated.", transaction, what: allocatingText(answers), enterOpens: "and what it allocated",
      account: account, accountName: accountName, state: context.state)
  }
}
