import StockroomDomain

extension OrderDetailScreen: LineReadable {
  /// The order's facts, its whole timeline, mail that failed, and the steps the acting
  /// employee may take, by their word.
  public func lines(context: AppContext) -> ScreenLines {
    let book = context.state.orders
    guard let order = book.order(number) else {
      return ScreenLines(summary: ["Error: no order \(number)."])
    }
    let facts = book.rows(order).map { "\($0.0): \(RowLine.plain($0.1))" }
    let timeline = zip(order.timeline, book.notified(along: order)).map { event, people in
      let when = TimeText.local(event.time, in: context.timeZone)
      let mail = people.isEmpty ? "" : "; e-mail to " + people.map(\.name).joined(separator: ", ")
      return "\(when): \(RowLine.plain(Self.event(event, book: book) + mail))"
    }
    let failure =
      Self.failure(context.failedMail.filter { $0.order == number })
      .map { ["Error: \(RowLine.plain($0.0)). \(RowLine.plain($0.1))"] } ?? []
    let steps = steps(context)
    return ScreenLines(
      summary: facts + ["Timeline:"] + timeline + failure
        + (steps.isEmpty ? [Self.noStep] : []),
      actions: steps.map { key, step in
        LineAction(step.lineWord, step.lineLabel, keys: [.character(key)])
      })
  }

  public mutating func openRow(_ index: Int, context: AppContext) -> Effect { .none }
}

extension OrderStep {
  /// The step's word in the line mode: its verb's first word ("request" info); cancelling
  /// an order is "cancel-order", apart from the line mode's own `cancel`.
  var lineWord: String {
    self == .cancel ? "cancel-order" : String(verb.split(separator: " ").first ?? "")
  }

  /// The step as the line mode names it: its verb ("Request info", "Cancel").
  var lineLabel: String { verb.prefix(1).uppercased() + verb.dropFirst() }
}

extension OrderStepScreen: LineReadable {
  /// What the step changes, the comment typed so far, and how to commit it.
  public func lines(context: AppContext) -> ScreenLines {
    let facts = facts(context).map { "\($0.0): \(RowLine.plain($0.1))" }
    guard outcome == nil else {
      return ScreenLines(summary: ["\(step.lineLabel), order \(number)."] + facts + statusParagraph)
    }
    return ScreenLines(
      summary: ["\(step.lineLabel), order \(number)."] + facts
        + ["Comment: \(comment.text.isEmpty ? "(none)" : RowLine.plain(comment.text))."]
        + statusParagraph,
      actions: [
        LineAction(
          "comment",
          "Type the comment (required to reject, to ask for information and to answer)",
          keys: [.control("u")]),
        LineAction("commit", "Commit the step: \(step.lineLabel)", keys: [.enter]),
      ])
  }

  public mutating func openRow(_ index: Int, context: AppContext) -> Effect { .none }
}
