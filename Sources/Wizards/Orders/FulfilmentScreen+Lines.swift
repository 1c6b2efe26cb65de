import TerminalUI

extension FulfilmentScreen: LineReadable {
  /// The order and what fulfilment recorded, each field with its text so far; a field's
  /// word empties it and gives it the text typed next (Enter then goes to the next field).
  public func lines(context: AppContext) -> ScreenLines {
    let facts = (facts(context) ?? []).map { "\($0.0): \(RowLine.plain($0.1))" }
    let title = "Fulfilment update, order \(number)."
    guard outcome == nil else { return ScreenLines(summary: [title] + facts + statusParagraph) }
    let values = zip(Self.labels, fields).map { label, field in
      "\(label): \(field.text.isEmpty ? "(empty)" : RowLine.plain(field.text))."
    }
    let last = fields.count - 1
    let edits = zip(Self.words, Self.labels).enumerated().map { index, pair in
      LineAction(
        pair.0, "Type the \(pair.1)",
        keys: LineKeys.steps(from: focus, to: index, count: fields.count) + [.control("u")])
    }
    return ScreenLines(
      summary: [title] + facts + values + statusParagraph,
      actions: edits + [
        LineAction(
          "commit", "Commit the fulfilment update",
          keys: LineKeys.steps(from: focus, to: last, count: fields.count) + [.enter])
      ])
  }

  /// The fields' words, in the order of `labels`.
  static let words = ["service", "imei", "sim", "tracking", "comment"]

  public mutating func openRow(_ index: Int, context: AppContext) -> Effect { .none }
}
