import ArgumentParser
import StockroomDomain
import StockroomStore

/// `stockroom log`: the transaction report.
struct LogCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "log", abstract: "List transactions, oldest first.",
    discussion: HelpExamples.discussion(
      examples: "stockroom log --account ACC-0002", "stockroom log --serial RB1-1100828 --csv"))

  @OptionGroup var global: GlobalOptions
  @Option(help: "Only this account's transactions.") var account: String?
  @Option(help: "Only transactions that name this serial.") var serial: String?
  @Flag(help: "Print JSON Lines.") var json = false
  @Flag(help: "Print CSV with a header.") var csv = false

  func validate() throws {
    if json && csv { throw ValidationError("--json and --csv cannot be combined") }
  }

  func run() throws {
    let store = StoreCommands.open(global, readOnly: true)
    let code = account.map { store.state.accounts[StoreCommands.account($0, in: store.state)].code }
    if let serial, store.state.tokens.index(of: serial) == nil {
      StoreCommands.unknown("serial", serial)
    }
    var out = OutputBuffer()
    if csv {
      out.line("transactionId,time,action,account,user,performedBy,reference,comment,items")
    }
    // With a filter, the index names the few records to read; without, the whole ledger streams.
    if code != nil || serial != nil {
      let found = StoreCommands.lookUp(store) { () throws(StoreError) in
        if let code { return try store.transactions(account: code) }
        return try store.transactions(serial: serial ?? "")
      }
      for transaction in found
      where serial.map({ transaction.namedSerials.contains($0) }) ?? true {
        emit(transaction, store.state, to: &out)
      }
    } else {
      do {
        try store.forEachTransaction { transaction in
          emit(transaction, store.state, to: &out)
          return true
        }
      } catch {
        out.flush()
        StoreCommands.fail(error)
      }
    }
    out.flush()
  }

  private func emit(
    _ transaction: Transaction, _ state: InventoryState, to out: inout OutputBuffer
  ) {
    if json {
      out.line(JSONText.encode(TransactionJSON(transaction, state)))
    } else if csv {
      out.line(
        [
          transaction.transactionId, transaction.time, transaction.action.rawValue,
          transaction.account ?? "", transaction.user, transaction.performedBy ?? "",
          transaction.reference, transaction.comment, transaction.summary,
        ].map(TransactionText.csv).joined(separator: ","))
    } else {
      out.line(TransactionText.line(transaction, state))
    }
  }
}

/// Plain-text renderings of a transaction for `log` and `show`.
enum TransactionText {
  static func line(_ transaction: Transaction, _ state: InventoryState) -> String {
    [
      transaction.transactionId, transaction.time, transaction.action.rawValue,
      transaction.account ?? "-", transaction.user,
      transaction.reference.isEmpty ? "-" : transaction.reference,
      transaction.summary, transaction.comment,
    ].map(TextRules.neutralised).joined(separator: "  ")
      + (transaction.session.map { "  session " + TextRules.neutralised($0) } ?? "")
      + (transaction.returnReason.map { "  reason " + $0.rawValue } ?? "")
      + (state.reversals.words(for: transaction).map { "  " + $0 } ?? "")
  }

  static func csv(_ field: String) -> String {
    let clean = TextRules.neutralised(field)
    if clean.contains(where: { $0 == "," || $0 == "\"" }) {
      return "\"" + clean.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return clean
  }
}
