extension OrderMessageScreen: LineReadable {
  func lines(context: AppContext) -> ScreenLines { ScreenLines(summary: [RowLine.plain(text)]) }

  mutating func openRow(_ index: Int, context: AppContext) -> Effect { .none }
}
