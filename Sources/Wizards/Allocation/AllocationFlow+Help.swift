import StockroomDomain
import TerminalUI

/// The allocation wizard's words around the controls: each step's help, the
/// legend's keys, and the status line's hint (what a scan did, a refused key).
extension AllocationFlow {
  public func help(step current: Step) -> String {
    switch current {
    case .type:
      return """
        Allocation type. Rental: ownership stays with the service provider; the allocation \
        may draw on owned and leased stock, and rental SMS tokens bring one unit of capacity \
        each. Sale: ownership moves to the account, so only owned stock can be sold; check \
        "Automatically add capacity with this allocation" to allocate the same quantity of \
        capacity with SMS tokens. Capacity Only: units of capacity alone.

        ↑ ↓ choose, Space or Enter picks; Tab goes to the product (or hardware model). The \
        number beside each product is what can be allocated now.
        """
    case .select:
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
    case .billing:
      return """
        Billing references. Amount: exact decimal text such as 12.50 (at most 4 places), \
        never a floating-point number; empty means nothing is billed. Charged per unit or \
        per transaction (←→). Trigger: what starts billing. Customer ref: the customer's \
        own reference, such as a purchase order. Reference and Comment are the \
        transaction's own (optional).
        """
    case .confirm:
      return """
        Confirm shows exactly what will change; `stockroom allocate` prints the same lines. \
        Nothing is written until you press Confirm; then the allocation is one transaction \
        with its own Transaction ID, and the account's allocation table and the Inventory \
        screen show it at once. If another session took the stock meanwhile, Confirm is \
        refused naming it, and the wizard goes back to step 2 with every other answer kept.
        """
    }
  }

  public func keyBindings(step: Step, focus: Control?, answers: AllocationAnswers) -> [KeyBinding] {
    if step == .confirm { return [KeyBinding("Enter", "confirm")] }
    if step == .select && isHardware(answers) {
      var picking: SerialPickStep.Control?
      if case .pick(let control)? = focus { picking = control }
      return answers.pick.keyBindings(focus: picking)
    }
    switch focus {
    case .type?, .product?: return [KeyBinding("↑↓", "choose")]
    case .withCapacity?: return [KeyBinding("Space", "add capacity or not")]
    case .per?, .trigger?: return [KeyBinding("←→", "choose")]
    default: return []
    }
  }

  public func hint(step current: Step, focus: Control?, answers: AllocationAnswers) -> StatusLine? {
    switch current {
    case .select where isHardware(answers): return answers.pick.scanNotice ?? answers.restoreNotice
    case .billing:
      let text = [
        answers.amount.error.map { "Amount: " + $0 },
        answers.customerReference.error.map { "Customer reference: " + $0 },
        answers.fields.textRefusal(focused: AllocationFlow.focusedField(focus)),
      ].compactMap { $0 }.first
      return text.map { StatusLine($0, kind: .error) } ?? answers.restoreNotice
    default: return answers.restoreNotice
    }
  }
}
