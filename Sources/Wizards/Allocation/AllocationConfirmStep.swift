import StockroomDomain
import TerminalUI

/// Step 4 of the allocation wizard: exactly what will change, drawn from the
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
    guard case .committed(let id) = outcome else { return }
    let x = rect.x + 1
    let end = buffer.put("Allocated. Transaction ID ", x: x, y: rect.y, style: .success)
    buffer.put(id, x: end, y: rect.y, style: .title)
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
      "Enter opens \(id) and what it allocated · Esc goes back", x: x, y: rect.y + 12,
      style: .hint, clip: rect)
  }

  public func help(step: Int) -> String {
    switch step {
    case 0:
      return """
        Allocation type. Rental: ownership stays with the service provider; the allocation \
        may draw on owned and leased stock, and rental SMS tokens bring one unit of capacity \
        each. Sale: ownership moves to the account, so only owned stock can be sold; check \
        "Automatically add capacity with this allocation" to allocate the same quantity of \
        capacity with SMS tokens. Capacity Only: units of capacity alone.

        ↑ ↓ choose, Space or Enter picks; Tab goes to the product (or hardware model). The \
        number beside each product is what can be allocated now.
        """
    case 1:
      return """
        Software tokens and capacity: type the quantity, never more than is available (the \
        limit and what it is made of are beside the field). Hardware: Quantity is the most \
        serials to list; Search lists the provider's available serials of the model in \
        Available (faulty and lost tokens are never offered; a sale offers owned tokens only). \
        Space marks, → or > moves to Allocate, ← or < moves back, / filters, * moves every \
        row shown, [ and ] mark a range. Scan or type a serial (or a range A..B) in the scan \
        field; paste a list, or Ctrl-O loads a file: a preview counts what matched before \
        anything moves. Ctrl-Z undoes the last move.
        """
    case 2:
      return """
        Billing references. Amount: exact decimal text such as 12.50 (at most 4 places), \
        never a floating-point number; empty means nothing is billed. Charged per unit or \
        per transaction (←→). Trigger: what starts billing. Customer ref: the customer's \
        own reference, such as a purchase order. Reference and Comment are the \
        transaction's own (optional).
        """
    default:
      return """
        Confirm shows exactly what will change; `stockroom allocate` prints the same lines. \
        Nothing is written until you press Confirm; then the allocation is one transaction \
        with its own Transaction ID, and the account's allocation table and the Inventory \
        screen show it at once. If another session took the stock meanwhile, Confirm is \
        refused naming it, and the wizard goes back to step 2 with every other answer kept.
        """
    }
  }
}
