/// The home menu read as lines: what Stockroom is, each way in numbered, where the data is.
extension HomeScreen: LineReadable {
  public func lines(context: AppContext) -> ScreenLines {
    let data = context.isDemoSession ? DemoBanner.dataText : context.dataLocation
    return ScreenLines(
      summary: [
        "Inventory wizards for support staff and warehouse technicians.",
        (context.databaseStore == nil ? "Data: " : "Store: ") + data
          + ". Version \(context.version).",
      ],
      rows: entries.map { "\($0.title): \($0.summary)" }, rowAction: "open it")
  }

  public mutating func openRow(_ index: Int, context: AppContext) -> Effect {
    guard entries.indices.contains(index) else { return .none }
    highlighted = index
    return entries[index].open(context)
  }
}
