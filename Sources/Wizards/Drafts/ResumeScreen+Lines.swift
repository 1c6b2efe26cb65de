import TerminalUI

extension ResumeScreen: LineReadable {
  /// The drafts a row each (a row resumes it); discarding one is a word per draft when
  /// there are several ("discard-2"), the keys moving the highlight to it first.
  public func lines(context: AppContext) -> ScreenLines {
    let discards = drafts.indices.map { index in
      LineAction(
        drafts.count == 1 ? "discard" : "discard-\(index + 1)",
        "Discard the draft of \(RowLine.plain(Self.path(drafts[index])))",
        keys: LineKeys.steps(from: highlighted, to: index, count: drafts.count, key: .down)
          + [.character("d")])
    }
    return ScreenLines(
      summary: [Self.intro] + statusParagraph,
      rows: drafts.map { draft in
        RowLine.named(
          Self.path(draft), [("", Self.detail(draft, context: context).joined(separator: ", "))])
      },
      rowAction: "resume the draft",
      actions: discards + [
        LineAction(
          "fresh", "Start fresh: open the home screen and keep the drafts",
          keys: [.character("n")])
      ])
  }

  public mutating func openRow(_ index: Int, context: AppContext) -> Effect {
    guard drafts.indices.contains(index) else { return .none }
    let keys = LineKeys.steps(from: highlighted, to: index, count: drafts.count, key: .down)
    for key in keys { _ = update(key, context: context) }
    return update(.enter, context: context)
  }
}

extension ResumeNotice: LineReadable {
  public func lines(context: AppContext) -> ScreenLines {
    ScreenLines(
      summary: text.components(separatedBy: "\n\n").map(RowLine.plain),
      actions: [LineAction("continue", "Go back to the wizard", keys: [.enter])])
  }

  public mutating func openRow(_ index: Int, context: AppContext) -> Effect { .none }
}
