extension SubscriptionHistoryScreen: LineReadable {
  public func lines(context: AppContext) -> ScreenLines {
    ScreenLines(
      summary: ["\(title): \(rows.count) transactions, newest first."], rows: table.namedRows)
  }

  public mutating func openRow(_ index: Int, context: AppContext) -> Effect { .none }
}
