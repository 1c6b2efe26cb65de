/// Every problem that refuses a commit, each naming the answer it is about
/// (`DomainError.field`), so a screen can take the user to the control to fix and a
/// command can list them all. The store refuses with the first.
public enum CommitCheck {
  /// What is wrong with a transaction's Reference, Comment and billing, in that order.
  public static func problems(in context: TransactionContext) -> [DomainError] {
    var problems: [DomainError] = []
    func note(_ check: () throws(DomainError) -> Void) {
      do throws(DomainError) { try check() } catch { problems.append(error) }
    }
    note { () throws(DomainError) in try TextRules.checkReference(context.reference) }
    note { () throws(DomainError) in try TextRules.checkComment(context.comment) }
    if let billing = context.billing {
      note { () throws(DomainError) in _ = try billing.validated() }
    }
    return problems
  }

  /// Throws the first problem with a transaction's Reference, Comment and billing.
  public static func check(_ context: TransactionContext) throws(DomainError) {
    if let problem = problems(in: context).first { throw problem }
  }

  /// Every problem with committing `command` with `context` against `state`: the
  /// transaction's texts and billing, then the command's own (the first it finds).
  public static func problems(
    _ command: Command, context: TransactionContext, against state: InventoryState
  ) -> [DomainError] {
    var problems = problems(in: context)
    do throws(DomainError) {
      _ = try validate(command, against: state)
    } catch {
      problems.append(error)
    }
    return problems
  }
}
