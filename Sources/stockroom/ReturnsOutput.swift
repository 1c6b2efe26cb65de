import StockroomDomain
import StockroomStore
import TerminalUI

/// What `stockroom returns` prints: a line per serial, then one per account, then the RMA
/// check; as text or as JSON Lines (fields documented in the README).
struct ReturnsOutput {
  var json: Bool
  var setAside: Bool
  /// Standard input from a scanner: each line goes out as soon as it is scanned.
  var live: Bool
  private var out = OutputBuffer()

  init(json: Bool, setAside: Bool, live: Bool) {
    self.json = json
    self.setAside = setAside
    self.live = live
  }

  mutating func flush() { out.flush() }

  /// The scan's line: `R1-1  ACC-0001  RB-1  Return to Inventory`, or why not.
  mutating func scan(_ scan: ReturnScan) {
    let refusal = scan.outcome.refusal
    if json {
      let outcome = refusal == nil ? "accepted" : setAside ? "set-aside" : "refused"
      out.line(
        JSONText.object([
          ("serial", JSONText.string(scan.serial)), ("account", JSONText.string(scan.account)),
          ("model", JSONText.string(scan.model)), ("outcome", JSONText.string(outcome)),
          ("refusal", JSONText.string(refusal?.rawValue)),
        ]))
    } else {
      let what =
        refusal.map { (setAside ? "set aside: " : "refused: ") + $0.message }
        ?? scan.disposition.title
      let cells = [scan.serial, scan.account ?? "-", scan.model ?? "-", what]
      out.line(cells.map(TextRules.neutralised).joined(separator: "  "))
    }
    if live { out.flush() }
  }

  /// Without `--yes`: each account's summary, as the deallocation's Confirm words it.
  mutating func preview(_ commands: [ReturnsCommand], state: InventoryState, yes: Bool) {
    for command in commands {
      if json {
        account(command, transactionId: nil)
        continue
      }
      let summary = DeallocationSummary(
        command: command.command, context: command.context, state: state)
      out.line("")
      for line in SummaryLayout.lines(
        heading: summary.heading, bullets: summary.bullets,
        rows: summary.rows.map { ($0.label, $0.items, $0.isList) }, width: 80)
      {
        out.line(line)
      }
    }
    if !json {
      out.line("")
      out.line(
        commands.isEmpty
          ? "Nothing to return."
          : yes ? "Nothing written." : "Nothing written; add --yes to commit.")
    }
  }

  /// With `--yes`: each account's Transaction ID and receipt.
  mutating func committed(
    _ done: ReturnsCommitted, commands: [ReturnsCommand], state: InventoryState
  ) {
    if !json { out.line("") }
    for (command, result) in zip(commands, done.results) {
      let id = result.transaction.transactionId
      if json {
        account(command, transactionId: id)
      } else {
        let name = state.accountIndex(command.account).map { state.accounts[$0].name } ?? ""
        out.line(
          TextRules.neutralised(
            "\(command.account) \(name): Transaction ID \(id), "
              + TextRules.counted(command.serials.count, "serial")
              + (result.alreadyCommitted ? " (committed before under this key)" : "")))
      }
    }
    if !json {
      for path in done.receipts { out.line("Receipt: " + TextRules.neutralised(path)) }
    }
  }

  private mutating func account(_ command: ReturnsCommand, transactionId: String?) {
    out.line(
      JSONText.object([
        ("account", JSONText.string(command.account)),
        ("transactionId", JSONText.string(transactionId)),
        ("serials", "[" + command.serials.map { JSONText.string($0) }.joined(separator: ",") + "]"),
      ]))
  }

  /// The RMA check: counts and the lists that need a look.
  mutating func rma(_ check: RMACheck) {
    let lists: [(String, String, [String])] = [
      ("matched", "Matched", check.matched), ("missing", "Missing", check.missing),
      ("unexpected", "Unexpected", check.unexpected),
      ("wrongAccount", "Announced under another account", check.wrongAccount),
    ]
    if json {
      out.line(
        JSONText.object(
          lists.map { key, _, serials in
            (key, "[" + serials.map { JSONText.string($0) }.joined(separator: ",") + "]")
          }))
      return
    }
    out.line("")
    out.line("RMA check:")
    for (key, title, serials) in lists {
      out.line("  \(title): \(serials.count)")
      if key != "matched" && !serials.isEmpty {
        for line in ReturnsReceipt.wrapped(serials.map(TextRules.neutralised), indent: "    ") {
          out.line(line)
        }
      }
    }
  }
}
