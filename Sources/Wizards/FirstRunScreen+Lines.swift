extension FirstRunScreen: LineReadable {
  public func lines(context: AppContext) -> ScreenLines {
    ScreenLines(
      summary: [
        Self.noData(context) + " " + RowLine.plain(context.dataLocation),
        Self.offer.joined(separator: " "),
      ] + statusParagraph,
      actions: [
        LineAction("create", "Create demo data", keys: [.character("y")]),
        LineAction("leave", "Quit without writing anything", keys: [.character("n")]),
      ])
  }

  public mutating func openRow(_ index: Int, context: AppContext) -> Effect { .none }
}
