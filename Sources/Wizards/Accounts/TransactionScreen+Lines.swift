import TerminalUI

extension TransactionScreen: LineReadable {
  /// The transaction's facts, then its serials a row each; the re-initialize question
  /// instead while it is open.
  public func lines(context: AppContext) -> ScreenLines {
    if let question { return question.lines }
    guard let transaction else {
      return ScreenLines(summary: ["Error: no transaction \(transactionId)."])
    }
    let facts = Self.facts(transaction, context: context).map { "\($0.0): \(RowLine.plain($0.1))" }
    return ScreenLines(
      summary: ["Transaction \(transactionId)."] + facts + (serials.isEmpty ? [Self.noSerials] : [])
        + statusParagraph,
      rows: table.namedRows,
      rowAction: serials.isEmpty ? nil : "re-initialize the token, when it is faulty",
      actions: [LineAction("reverse", "Reverse this transaction", keys: [.character("v")])])
  }

  public mutating func openRow(_ index: Int, context: AppContext) -> Effect {
    guard question == nil, serials.indices.contains(index) else { return .none }
    table.moveCursor(to: index)
    return update(.enter, context: context)
  }
}
