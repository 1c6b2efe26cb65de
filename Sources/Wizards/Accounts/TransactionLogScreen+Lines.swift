extension TransactionLogScreen: LineReadable {
  public func lines(context: AppContext) -> ScreenLines {
    ScreenLines(
      summary: ["Transaction Log of \(RowLine.plain(accountName)), newest first."]
        + statusParagraph,
      rows: table.namedRows, rowAction: "open the transaction")
  }

  public mutating func openRow(_ index: Int, context: AppContext) -> Effect {
    guard rows.indices.contains(index) else { return .none }
    table.moveCursor(to: index)
    return update(.enter, context: context)
  }
}
