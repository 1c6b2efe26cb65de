extension AllocationScreen: LineReadable {
  /// A product column a row ("RB-1: Maximum 9, In Use 5, Available 4"); the status line
  /// explains the column chosen last.
  public func lines(context: AppContext) -> ScreenLines {
    let explained =
      notice.map { _ in statusParagraph }
      ?? (cells.indices.contains(selected) ? [Self.explain(cells[selected])] : [])
    return ScreenLines(
      summary: [
        "\(RowLine.plain(accountName)), \(accountCode), Virtual Server: the allocation table."
      ] + explained + [Self.hint],
      rows: AllocationTableView.namedRows(cells),
      rowAction: "deallocate",
      actions: [
        LineAction("allocate", "Allocate to this account", keys: [.character("a")]),
        LineAction("log", "Open the \(logTitle)", keys: [.down, .enter]),
      ])
  }

  public mutating func openRow(_ index: Int, context: AppContext) -> Effect {
    guard cells.indices.contains(index) else { return .none }
    selected = index
    logFocused = false
    notice = nil
    return openCell(context: context)
  }
}
