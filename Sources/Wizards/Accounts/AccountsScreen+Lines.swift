extension AccountsScreen: LineReadable {
  public func lines(context: AppContext) -> ScreenLines {
    ScreenLines(
      summary: ["\(heading): \(count(context))."] + list.searchParagraphs(empty: Self.empty)
        + statusParagraph,
      rows: list.table.namedRows,
      rowAction: purpose == .allocate
        ? "allocate to the account" : "open the account's allocation table",
      actions: [list.filterAction("Search by code or name")])
  }

  public mutating func openRow(_ index: Int, context: AppContext) -> Effect {
    guard rows.indices.contains(index) else { return .none }
    list.select(index)
    return open(context: context)
  }
}
