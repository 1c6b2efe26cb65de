extension InventoryScreen: LineReadable {
  /// Software and capacity by product, then the hardware rows (model and container) whose
  /// number lists their faulty tokens.
  public func lines(context: AppContext) -> ScreenLines {
    let software = summary.software.map { row in
      RowLine.named(
        row.product.title,
        [
          ("Owned", String(row.owned)), ("Leased", String(row.leased)),
          ("Total", String(row.total)),
        ]
      )
    }
    let hardware =
      summary.hardware.isEmpty
      ? "No hardware tokens." : "Hardware tokens in stock, by model and container:"
    return ScreenLines(
      summary: [
        "Inventory of \(RowLine.plain(context.state.providerName)).", "Software and capacity:",
      ]
        + software + [hardware, Self.footnote.replacingOccurrences(of: " · ", with: "; ") + "."]
        + (notice == nil ? [] : statusParagraph),
      rows: table.namedRows, rowAction: "list the faulty tokens to re-initialize",
      actions: [
        LineAction("allocate", "Allocate stock to an account", keys: [.character("a")]),
        LineAction("receive", "Receive new stock", keys: [.character("r")]),
      ])
  }

  public mutating func openRow(_ index: Int, context: AppContext) -> Effect {
    guard summary.hardware.indices.contains(index) else { return .none }
    table.moveCursor(to: index)
    return update(.enter, context: context)
  }
}
