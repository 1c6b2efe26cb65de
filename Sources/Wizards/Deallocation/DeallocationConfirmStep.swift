import StockroomDomain
import TerminalUI

/// Step 3 of the deallocation wizard: exactly what will change, drawn from
/// the same summary the headless twins print, then Confirm. And the result.
extension DeallocationFlow: SummaryConfirmFlow {
  public func summary(_ answers: DeallocationAnswers, context: AppContext) -> DeallocationSummary {
    let who = TransactionContext(
      user: context.userName, uid: context.userId, reference: answers.reference.text,
      comment: answers.comment.text, returnReason: answers.returnReason.value)
    return DeallocationSummary(command: command(for: answers), context: who, state: context.state)
  }

  public func result(
    _ transaction: Transaction, answers: DeallocationAnswers, context: AppContext
  ) -> any WizardResult {
    AllocationResult(
      "Deallocated.", transaction, what: deallocatingText(answers),
      enterOpens: "and the tokens it returned",
      account: account, accountName: accountName, state: context.state)
  }

  public func help(step: Step) -> String {
    switch step {
    case .select:
      switch kind {
      case .software:
        return """
          Deallocate SMS software tokens or capacity. For each Product and Type, the Quantity \
          column is the most not in use in the account's Virtual Server. ↑ ↓ choose a row \
          (the radio button activates its Deallocate field); Tab goes to the field.

          Rental: the tokens were allocated as a rental, bundling each token with a unit of \
          capacity, so a unit of capacity is deallocated with each SMS token. Sale: the \
          tokens were sold; no capacity goes with them. Legacy: ST-1 software tokens imported \
          from legacy systems. Software tokens and capacity return to the provider's stock at \
          once, available for reallocation to other accounts.
          """
      case .mobilePass:
        return """
          Deallocate MobilePASS tokens: type the quantity, from 1 to what is not in use. \
          They return to the provider's stock at once, available for reallocation.
          """
      case .hardware:
        return """
          As a general rule, do not deallocate hardware tokens until the account has returned \
          them: deallocation adds them to your inventory, and a discrepancy with what is \
          actually returned causes confusion.

          Quantity is the most serials to list; Search lists the serials allocated to the \
          account and not in use in Allocated. Space marks, → or > moves the marked serials \
          (or the highlighted one) to Deallocate, ← or < moves them back, / filters a list. \
          Or scan or type a serial in the scan field and press Enter: it moves at once, and \
          the scanner's Enter never presses Next.

          Many at once: type a range such as RB1-1100000..RB1-1100999 in the scan field, or \
          press [ on one row and ] on another to mark every row between; * moves every row a \
          list shows (filter it first with /). Paste a list of serials (one a line, or \
          separated by commas or spaces, up to 1 MiB), or press Ctrl-O to load a file (a list \
          or a CSV column of an RMA manifest): a preview counts what matched and what is \
          unknown, duplicated or not allocated before anything moves; Enter moves, Esc \
          cancels. Ctrl-Z undoes the last move into Deallocate (a scan, a range, a paste).
          """
      }
    case .reference:
      return """
        Reference information. Return as: \(DeallocationFlow.explanation(.return)) \
        \(DeallocationFlow.explanation(.initialize)) \(DeallocationFlow.explanation(.faulty)) \
        \(DeallocationFlow.explanation(.lost))

        Container: where the returned items are placed. Reference: an RMA, work order or \
        similar number (optional; up to 64 letters, digits, spaces and - _ / . # :). \
        Comment: why (optional; up to 128 characters; it appears in reports).
        """
    case .confirm:
      return """
        Confirm shows exactly what will change. Nothing is written until you press Confirm; \
        then the change is one transaction with its own Transaction ID. If another session \
        took a serial meanwhile, Confirm is refused naming it, and the wizard goes back to \
        the pick list with every other answer kept.
        """
    }
  }
}
