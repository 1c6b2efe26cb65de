import StockroomDomain

extension PendingCommit {
  /// Who and why, as the store records them: the user at the keyboard, and this
  /// commit's Reference, Comment, performer and billing.
  func transactionContext(_ context: AppContext) -> TransactionContext {
    TransactionContext(
      user: context.userName, uid: context.userId, performedBy: performedBy,
      reference: reference, comment: comment, billing: billing, session: returns?.id,
      returnReason: returnReason)
  }
}

extension WizardFlow {
  /// Every problem the domain finds now with committing `answers` (their texts and
  /// billing, then the command), each naming the answer it is about: what `recover`
  /// reads, before it repairs anything, to say where a refusal at Confirm belongs.
  public func problems(committing answers: Answers, context: AppContext) -> [DomainError] {
    let pending = commit(answers: answers, key: "")
    return CommitCheck.problems(
      pending.command, context: pending.transactionContext(context), against: context.state)
  }

  /// Where the first of `problems` that names an answer of this wizard is given.
  public func place(
    of problems: [DomainError], answers: Answers
  ) -> WizardPlace<Step, Control>? {
    problems.lazy.compactMap(\.field).compactMap { place(for: $0, answers: answers) }.first
  }
}
