import TerminalUI

extension Modal {
  /// The question as lines: its title and message, and a button each as an action (the
  /// first word of its label, lower case; the keys press it from the button selected now).
  var lines: ScreenLines {
    let actions = buttons.enumerated().map { index, button in
      let word = button.split(separator: " ").first.map { $0.lowercased() } ?? "\(index + 1)"
      let keys: [Key] =
        index == cancelIndex
        ? [.escape]
        : LineKeys.steps(from: selected, to: index, count: buttons.count, key: .right) + [.enter]
      return LineAction(word, button, keys: keys)
    }
    return ScreenLines(summary: [RowLine.plain(title), RowLine.plain(message)], actions: actions)
  }
}
