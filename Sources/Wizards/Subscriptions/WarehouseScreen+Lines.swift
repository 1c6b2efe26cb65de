extension WarehouseScreen: LineReadable {
  /// What the warehouse is for and its stock per product, then its transactions a row each,
  /// newest first.
  public func lines(context: AppContext) -> ScreenLines {
    let book = context.state.subscriptions
    let name = book.warehouse(code)?.name ?? ""
    let stock = stock(book).map {
      RowLine.named($0.product.code, [("Name", $0.product.name), ("In stock", String($0.count))])
    }
    return ScreenLines(
      summary: ["Warehouse \(code) \(RowLine.plain(name)), \(position).", role(book) + "."]
        + stock + ["Warehouse transactions, newest first:"],
      rows: history.map { RowLine.named($0.id, [("Time", $0.time), ("What", $0.what)]) },
      actions: codes.count < 2
        ? []
        : [
          LineAction("next", "The next warehouse", keys: [.right]),
          LineAction("previous", "The previous warehouse", keys: [.left]),
        ])
  }

  public mutating func openRow(_ index: Int, context: AppContext) -> Effect { .none }
}
