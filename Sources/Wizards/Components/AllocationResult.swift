import StockroomDomain
import TerminalUI

/// What a committed allocation or deallocation shows: the Transaction ID, what moved, and
/// the account's allocation table as it now reads. Drawn on screen as the compact table, and
/// read in the line mode as one line a column with every value named, from the same values.
struct AllocationResult: WizardResult {
  /// "Allocated." or "Deallocated."
  var done: String
  var transactionId: String
  /// What moved, in words ("1 × RB-1: RB1-1100383").
  var what: String
  var accountName: String
  /// The account's allocation table now; empty when the account is not known.
  var cells: [AllocationCell]
  /// What Enter opens ("and the tokens it returned").
  var enterOpens: String

  /// The result of `transaction` on the account at `account` in `state` (the allocation and
  /// deallocation wizards alike).
  init(
    _ done: String, _ transaction: Transaction, what: String, enterOpens: String,
    account: Int, accountName: String, state: InventoryState
  ) {
    self.done = done
    transactionId = transaction.transactionId
    self.what = what
    self.accountName = accountName
    cells = state.accounts.indices.contains(account) ? state.allocationTable(account: account) : []
    self.enterOpens = enterOpens
  }

  var tableHeading: String {
    "The Allocation table of \(TextSafety.neutralised(accountName)) now reads:"
  }

  func draw(into buffer: inout Buffer, in rect: Rect) {
    let x = rect.x + 1
    let end = buffer.put(done + " Transaction ID ", x: x, y: rect.y, style: .success)
    buffer.put(transactionId, x: end, y: rect.y, style: .title)
    buffer.put(TextLayout.truncate(what, to: rect.width - 2), x: x, y: rect.y + 1)
    buffer.put(
      TextLayout.truncate(tableHeading, to: rect.width - 2), x: x, y: rect.y + 3, style: .hint)
    guard !cells.isEmpty else { return }
    AllocationTableView.draw(cells, x: x, y: rect.y + 5, into: &buffer)
    buffer.put(
      "Enter opens \(transactionId) \(enterOpens) · Esc goes back", x: x, y: rect.y + 12,
      style: .hint, clip: rect)
  }

  /// The same, as lines: the table a line per column, each value named.
  var lines: [String] {
    [done + " Transaction ID " + transactionId, what]
      + (cells.isEmpty ? [] : [tableHeading] + AllocationTableView.namedRows(cells))
  }
}
