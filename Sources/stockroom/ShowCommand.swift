import ArgumentParser
import StockroomDomain
import StockroomStore

/// `stockroom show TXID`: one transaction and every item it moved.
struct ShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show", abstract: "Show one transaction by its Transaction ID (T000123).",
    discussion: HelpExamples.discussion(
      examples: "stockroom show T000002", "stockroom show T000002 --json"))

  @OptionGroup var global: GlobalOptions
  @Argument(help: "The Transaction ID.") var transactionId: String
  @Flag(help: "Print one JSON object.") var json = false

  func run() throws {
    let store = StoreCommands.open(global, readOnly: true)
    let found = StoreCommands.lookUp(store) { () throws(StoreError) in
      try store.transaction(id: transactionId)
    }
    guard let transaction = found else { StoreCommands.unknown("transaction", transactionId) }
    if json {
      print(JSONText.encode(TransactionJSON(transaction, store.state)))
      return
    }
    var rows: [(String, String)] = [
      ("Transaction ID", transaction.transactionId), ("Action", transaction.action.rawValue),
      ("Account", transaction.account ?? "-"), ("Time", transaction.time),
      ("User", "\(transaction.user) (uid \(transaction.uid))"),
      ("Performed by", transaction.performedBy ?? "-"), ("Reference", transaction.reference),
      ("Comment", transaction.comment),
    ]
    if let session = transaction.session { rows.append(("Session", session)) }
    if let reason = transaction.returnReason { rows.append(("Return reason", reason.title)) }
    if let why = transaction.reversal?.why { rows.append(("Why", why)) }
    if let words = store.state.reversals.words(for: transaction) {
      rows.append(("Reversal", words))
    }
    for (label, value) in rows {
      print(label.padding(toLength: 16, withPad: " ", startingAt: 0) + TextRules.neutralised(value))
    }
    for item in transaction.items {
      print("  " + item.summary)
      if let serials = item.serials {
        for serial in serials {
          let now = store.state.recordedToken(serial: serial)
          let detail = now.map { " (now \($0.state.rawValue))" } ?? ""
          print("    " + TextRules.neutralised(serial) + detail)
        }
      }
    }
  }
}
