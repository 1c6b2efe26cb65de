extension FaultyTokensScreen: LineReadable {
  /// The faulty serials a row each; the re-initialize question instead while it is open.
  public func lines(context: AppContext) -> ScreenLines {
    if let question { return question.lines }
    return ScreenLines(
      summary: [
        "Faulty \(RowLine.plain(model)) tokens in \(RowLine.plain(containerName)).", count,
      ] + (serials.isEmpty ? [Self.noneLeft] : []) + statusParagraph,
      rows: table.namedRows, rowAction: "re-initialize the token")
  }

  public mutating func openRow(_ index: Int, context: AppContext) -> Effect {
    guard question == nil, serials.indices.contains(index) else { return .none }
    table.moveCursor(to: index)
    return update(.enter, context: context)
  }
}
