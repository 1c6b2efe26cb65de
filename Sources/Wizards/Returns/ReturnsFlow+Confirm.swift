import Foundation
import StockroomDomain
import TerminalUI

/// The bench's Confirm (one summary per account, as the deallocation wizard's Confirm draws
/// it), its result (each account's Transaction ID and receipt) and its help.
extension ReturnsFlow {
  /// Every line of the Confirm step: a heading, then each account's summary.
  func confirmLines(answers: ReturnsAnswers, width: Int, context: AppContext) -> [String] {
    let session = answers.session
    let commands = session.commands(
      context: TransactionContext(user: context.userName, uid: context.userId))
    let serials = commands.reduce(0) { $0 + $1.serials.count }
    var lines = [
      "Returning \(serials) serials from \(commands.count) "
        + (commands.count == 1 ? "account" : "accounts") + " in one commit, session \(session.id):",
      "every account's transaction is written, or none is.",
      "",
    ]
    for command in commands {
      lines += DeallocationSummary(
        command: command.command, context: command.context, state: context.state
      ).lines(width: width)
      lines.append("")
    }
    if let check = session.rmaCheck {
      lines.append(
        RMAListKind.allCases.map { "\($0.title): \($0.serials(check).count)" }.joined(
          separator: " · "))
    }
    let refused = session.refusedScans.count
    if refused > 0 { lines.append("\(refused) refused scans are not returned.") }
    lines.append("Nothing is written until you confirm.")
    return lines
  }

  func viewConfirm(
    answers: ReturnsAnswers, frame: Rect, into buffer: inout Buffer, context: AppContext
  ) {
    let lines = confirmLines(answers: answers, width: frame.width, context: context)
    var viewport = answers.summary
    viewport.setCount(lines.count)
    viewport.layout(in: lines.count > frame.height ? frame.splitRows(frame.height - 1).0 : frame)
    for row in viewport.visibleRows {
      guard let line = viewport.screenRow(of: row) else { continue }
      buffer.put(
        lines[row], x: frame.x, y: frame.y + line, style: row == 0 ? .title : .plain, clip: frame)
    }
    if viewport.hiddenBelow > 0 {
      buffer.put(
        "↓ \(viewport.hiddenBelow) more lines (↑ ↓ PgUp PgDn)", x: frame.x, y: frame.maxY - 1,
        style: .hint, clip: frame)
    }
  }

  /// The session's transactions as the store has them, one per account in scan order.
  func committed(_ session: ReturnsSession, context: AppContext) -> [Transaction] {
    guard let store = context.store else { return [] }
    return session.accounts.compactMap { account in
      (try? store.transactions(account: account))?.last { $0.session == session.id }
    }
  }

  public func viewResult(
    _ outcome: CommitOutcome, answers: ReturnsAnswers, into buffer: inout Buffer,
    in rect: Rect, context: AppContext
  ) {
    guard case .committed = outcome else { return }
    let x = rect.x + 1
    let session = answers.session
    let transactions = committed(session, context: context)
    buffer.put(
      "Returned. Session \(session.id): \(transactions.count) "
        + (transactions.count == 1 ? "transaction" : "transactions"), x: x, y: rect.y,
      style: .success, clip: rect)
    buffer.put(
      TextLayout.truncate(
        "Account      Transaction  Serials  Receipt (in receipts/)", to: rect.width - 2), x: x,
      y: rect.y + 2,
      style: .hint, clip: rect)
    var y = rect.y + 3
    for transaction in transactions {
      guard y < rect.maxY - 2 else { break }
      let account = transaction.account ?? ""
      let count = transaction.items.reduce(0) { $0 + ($1.serials?.count ?? 0) }
      let line =
        TextLayout.pad(TextLayout.truncate(TextSafety.neutralised(account), to: 12), to: 13)
        + TextLayout.pad(transaction.transactionId, to: 13)
        + TextLayout.padLeft("\(count)", to: 7) + "  "
        + (context.receipts[transaction.transactionId].map {
          TextSafety.neutralised(URL(fileURLWithPath: $0).lastPathComponent)
        } ?? "")
      buffer.put(line, x: x, y: y, clip: rect)
      y += 1
    }
    if let check = session.rmaCheck {
      buffer.put(
        RMAListKind.allCases.map { "\($0.title): \($0.serials(check).count)" }.joined(
          separator: " · "), x: x, y: y + 1, style: .plain, clip: rect)
    }
    buffer.put(
      "Enter opens the first transaction · Esc goes back", x: x, y: rect.maxY - 1,
      style: .hint, clip: rect)
  }

  public func resultEffect(
    transaction: Transaction, answers: ReturnsAnswers, context: AppContext
  ) -> Effect {
    .replace(TransactionScreen(transaction: transaction, context: context))
  }

  public func help(step: Step) -> String {
    switch step {
    case .scan:
      return """
        The returns bench: scan the returned tokens of any account, one after another, as \
        fast as the scanner fires. The scan field has focus when the bench opens; a scan or \
        a typed serial and Enter gets its line at once: the serial, its account, its model \
        and what will happen to it. Serials are matched exactly, never completed or guessed.

        A serial that is unknown, not allocated, in use, faulty or lost, or already scanned \
        in this session gets a line saying which and rings the bell once (Bell: Off turns it \
        off); the next scan never waits. Ctrl-Z takes the last scan back. On the list of \
        scans, ← → change the highlighted scan's own disposition (a token that turns out to \
        be faulty). Counts per account and model are on the right.

        The held settings at the top apply to the scans that follow. Return as: \
        \(DeallocationFlow.explanation(.return)) \(DeallocationFlow.explanation(.initialize)) \
        \(DeallocationFlow.explanation(.faulty)) \(DeallocationFlow.explanation(.lost)) \
        Container: where the returned tokens are placed. Reference (an RMA, work order or \
        similar number) and Comment go on every account's transaction.

        Ctrl-E loads an RMA list (one serial a line, or a CSV with a serial column and \
        optional account and rma columns): the bench then shows what matched, what is still \
        missing, what arrived unexpected and what arrived from another account than \
        announced; Tab to the list, ← → choose which. Ctrl-O loads a file of serials to scan.
        """
    case .confirm:
      return """
        Confirm shows one summary per account. Nothing is written until you press Confirm; \
        then every account's deallocation is written, each with its own Transaction ID, or \
        none is. If another session took a serial meanwhile, Confirm is refused naming it \
        and who took it, and the bench goes back to the scan list with everything else kept. \
        A receipt per account is written to receipts/ in the data directory.
        """
    }
  }
}
