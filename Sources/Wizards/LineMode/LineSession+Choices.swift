import Foundation

extension LineSession {
  /// An action that chooses among things (`act`): the word alone lists them numbered; the
  /// word and a number or a name gives that choice's keys and returns no lines (the answer's
  /// outcome follows). Nil for any other answer.
  func chosen(_ answer: LineAnswer, app: inout App, send: Send) -> [String]? {
    guard case .text(let text) = answer,
      let lines = (app.current as? any LineReadable)?.lines(context: app.context)
    else { return nil }
    let word = text.prefix { $0 != " " }.lowercased()
    guard let action = lines.actions.first(where: { $0.word == word && !$0.choices.isEmpty })
    else { return nil }
    let names = action.choices.map(\.name)
    let wanted = text.dropFirst(word.count).trimmingCharacters(in: .whitespaces)
    guard !wanted.isEmpty else {
      return ["\(action.label):"] + names.enumerated().map { "\($0.offset + 1) \($0.element)" }
        + ["Type \(word) and a number or a name, e.g. \(word) 2."]
    }
    let containing = names.filter { $0.localizedCaseInsensitiveContains(wanted) }
    guard
      let name = LineQuestion.choice(wanted, in: names)
        ?? (containing.count == 1 ? containing[0] : nil),
      let choice = action.choices.first(where: { $0.name == name })
    else {
      return [
        "Error: \(LineQuestion.quoted(wanted)) is not one of them: type \(word) alone to list "
          + "them, then \(word) and a number (1 to \(names.count)) or a name."
      ]
    }
    for key in choice.keys { send(&app, .key(key)) }
    return []
  }
}
