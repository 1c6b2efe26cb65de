import Foundation
import StockroomDomain
import TerminalUI

/// The bench's Confirm (one summary per account, as the deallocation wizard's Confirm draws
/// it), its result (each account's Transaction ID and receipt) and its help.
extension ReturnsFlow {
  /// Every line of the Confirm step, wrapped to `width`; nil: as the line mode reads it,
  /// nothing wrapped and every row named.
  func confirmLines(answers: ReturnsAnswers, width: Int?, context: AppContext) -> [String] {
    let session = answers.session
    let commands = session.commands(
      context: TransactionContext(user: context.userName, uid: context.userId))
    let serials = commands.reduce(0) { $0 + $1.serials.count }
    let heading = [
      "Returning \(serials) serials from \(commands.count) "
        + (commands.count == 1 ? "account" : "accounts") + " in one commit, session \(session.id):",
      "every account's transaction is written, or none is.",
    ]
    var lines = width == nil ? [heading.joined(separator: " ")] : heading + [""]
    for command in commands {
      let summary = DeallocationSummary(
        command: command.command, context: command.context, state: context.state)
      lines += width.map { summary.lines(width: $0) + [""] } ?? summary.namedLines
    }
    let rma = Self.rmaCounts(session)
    if !rma.isEmpty { lines += width == nil ? rma : [rma.joined(separator: " · ")] }
    let refused = session.refusedScans.count
    if refused > 0 { lines.append("\(refused) refused scans are not returned.") }
    lines.append(SummaryConfirm.nothingYet)
    return lines
  }

  public func confirmLines(answers: ReturnsAnswers, context: AppContext) -> [String] {
    confirmLines(answers: answers, width: nil, context: context)
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

  public func result(
    _ transaction: Transaction, answers: ReturnsAnswers, context: AppContext
  ) -> any WizardResult {
    let session = answers.session
    return ReturnsResult(
      session: session.id,
      rows: committed(session, context: context).map { transaction in
        ReturnsResult.Row(
          account: TextSafety.neutralised(transaction.account ?? ""),
          transactionId: transaction.transactionId,
          serials: transaction.items.reduce(0) { $0 + ($1.serials?.count ?? 0) },
          receipt: context.receipts[transaction.transactionId].map {
            TextSafety.neutralised(URL(fileURLWithPath: $0).lastPathComponent)
          } ?? "")
      },
      rma: Self.rmaCounts(session))
  }

  /// The RMA check's counts, "Matched: 3" each; empty when no RMA list is loaded.
  static func rmaCounts(_ session: ReturnsSession) -> [String] {
    guard let check = session.rmaCheck else { return [] }
    return RMAListKind.allCases.map { "\($0.title): \($0.serials(check).count)" }
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
