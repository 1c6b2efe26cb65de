extension MyOrdersScreen: LineReadable {
  public func lines(context: AppContext) -> ScreenLines {
    var actions = [
      LineAction("new", "Start a new order", keys: [.character("n")]),
      LineAction("approvals", "The orders waiting for your approval", keys: [.character("a")]),
    ]
    if session.mayActAsAnyone {
      actions.append(LineAction("act", "Act as the next employee", keys: [.character("s")]))
    }
    return ScreenLines(
      summary: ["My orders, newest first. \(RowLine.plain(actingAs(context.state.orders)))."]
        + statusParagraph,
      rows: table.namedRows, rowAction: "open the order", actions: actions)
  }

  public mutating func openRow(_ index: Int, context: AppContext) -> Effect {
    guard orders.indices.contains(index) else { return .none }
    table.moveCursor(to: index)
    return update(.enter, context: context)
  }
}

extension ApprovalQueueScreen: LineReadable {
  public func lines(context: AppContext) -> ScreenLines {
    ScreenLines(
      summary: [
        "Waiting for the approval of \(RowLine.plain(context.state.orders.person(session.actor)))."
      ]
        + statusParagraph,
      rows: table.namedRows, rowAction: "open the order",
      actions: [LineAction("policy", "The approval policy", keys: [.character("p")])])
  }

  public mutating func openRow(_ index: Int, context: AppContext) -> Effect {
    guard orders.indices.contains(index) else { return .none }
    table.moveCursor(to: index)
    return update(.enter, context: context)
  }
}
