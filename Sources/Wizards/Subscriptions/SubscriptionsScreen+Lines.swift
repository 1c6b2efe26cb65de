extension SubscriptionsScreen: LineReadable {
  public func lines(context: AppContext) -> ScreenLines {
    ScreenLines(
      summary: ["Subscriptions: \(count(context))."] + list.searchParagraphs(empty: Self.empty)
        + statusParagraph,
      rows: list.table.namedRows, rowAction: "open the subscription",
      actions: [
        list.filterAction("Search by subscription number, Accounts Receivable or installed serial")
      ])
  }

  public mutating func openRow(_ index: Int, context: AppContext) -> Effect {
    guard numbers.indices.contains(index) else { return .none }
    list.select(index)
    return open(context: context)
  }
}
