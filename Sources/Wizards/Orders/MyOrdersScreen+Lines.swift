import StockroomDomain

extension MyOrdersScreen: LineReadable {
  public func lines(context: AppContext) -> ScreenLines {
    var actions = [
      LineAction("new", "Start a new order", keys: [.character("n")]),
      LineAction("approvals", "The orders waiting for your approval", keys: [.character("a")]),
    ]
    let people = actable(context)
    if !people.isEmpty {
      actions.append(
        LineAction(
          "act", "Act as another employee",
          keys: [.character("s")], choices: acting(people, book: context.state.orders)))
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

  /// Each of `people` by name, with the presses of s that step from the employee acted as
  /// now to them (from the first, when acting as none of them).
  private func acting(_ people: [String], book: OrderBook) -> [LineChoice] {
    let here = people.firstIndex(of: session.actor)
    return people.enumerated().map { index, id in
      let steps =
        here.map { LineKeys.steps(from: $0, to: index, count: people.count, key: .character("s")) }
        ?? Array(repeating: .character("s"), count: index + 1)
      return LineChoice(RowLine.plain(book.person(id)), keys: steps)
    }
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
