import Foundation
import TerminalUI

/// Hints written for the screen name keys ("Esc goes back", "Ctrl-Z undoes", "Enter opens
/// the details"), and in the line mode keys mean nothing. Every hint the line mode prints
/// passes through here: a key is named by the answer that does the same on the screen shown
/// (Esc is `:back`), and a clause naming a key with no such answer is left out.
struct LineHints {
  /// The answer for each key, where the screen shown has one.
  var words: [Key: String]

  /// The keys a hint may name, each by its name ("Esc", "Ctrl-Z", "F5").
  static let named: [String: Key] = {
    let keys: [Key] =
      [.escape, .enter, .tab, .backTab, .character(" "), .pageUp, .pageDown, .backspace, .delete]
      + (1...12).map { Key.function($0) } + "abcdefghijklmnopqrstuvwxyz".map { Key.control($0) }
    return Dictionary(uniqueKeysWithValues: keys.map { ($0.name, $0) })
  }()

  /// What ends a clause a hint may be left out by, and how much of it (the full stop, the
  /// semicolon, the colon) stays with the clause.
  static let separators: [(text: String, kept: Int)] = [
    (". ", 1), ("; ", 1), (": ", 1), (" · ", 0), ("  ", 0),
  ]

  /// `lines` with their hints worded for the line mode; a line that was only such a hint is
  /// left out.
  func worded(_ lines: [String]) -> [String] {
    lines.compactMap { line in
      let said = worded(line)
      return said.isEmpty && !line.isEmpty ? nil : said
    }
  }

  /// A wizard's question with its hints worded and its data as it is: only what the line
  /// mode and the control's rule say (a heading before its value, the last line) is worded;
  /// values, choices, Confirm's summary and a result are the user's and the store's words.
  func wordedQuestion(_ lines: [String]) -> [String] {
    lines.indices.compactMap { index in
      let line = lines[index]
      if index == lines.count - 1 { return worded(line) }
      guard let now = line.range(of: ". Now: ") else { return line }
      // A clause left out at the end leaves no separator before the value.
      let written = String(line[..<now.lowerBound])
      let rule = worded(written)
      guard rule != written else { return line }
      return String(rule.reversed().drop { ";:, ".contains($0) }.reversed())
        + line[now.lowerBound...]
    }
  }

  /// `text` with each key named by its answer; a clause naming a key without one left out.
  func worded(_ text: String) -> String {
    guard !Self.keys(in: text).isEmpty else { return text }
    var kept: [(clause: String, separator: String)] = []
    var left = false
    for (clause, separator) in Self.clauses(text) {
      guard var said = worded(clause: clause) else {
        if !kept.isEmpty { kept[kept.count - 1].separator = separator }
        left = true
        continue
      }
      // What follows a sentence left out begins a sentence.
      if left, kept.last?.clause.hasSuffix(".") != false, let first = said.first {
        said = first.uppercased() + said.dropFirst()
      }
      left = false
      kept.append((said, separator))
    }
    return kept.map { $0.clause + $0.separator }.joined().trimmingCharacters(in: .whitespaces)
  }

  /// One clause with its keys named ("press Esc": "type :back"); nil when a key has no answer.
  private func worded(clause: String) -> String? {
    var tokens = Self.tokens(clause)
    // A clause that begins with a key begins with its answer, capitalised ("An empty line").
    let beginsWithKey = tokens.first.map { Self.named[$0.text] != nil } ?? false
    for index in tokens.indices where tokens[index].isWord {
      guard let key = Self.named[tokens[index].text] else { continue }
      guard let word = words[key] else { return nil }
      tokens[index].text = word
      if let before = tokens[..<index].lastIndex(where: { $0.isWord }),
        tokens[before].text.lowercased() == "press"
      {
        tokens[before].text = tokens[before].text == "Press" ? "Type" : "type"
      }
    }
    let out = tokens.map { $0.text }.joined()
    guard beginsWithKey, let first = out.first, first.isLowercase else { return out }
    return first.uppercased() + out.dropFirst()
  }

  /// `text` as runs of word characters (letters, digits, "-") and of the others.
  private static func tokens(_ text: String) -> [(text: String, isWord: Bool)] {
    var tokens: [(text: String, isWord: Bool)] = []
    for character in text {
      let isWord = character.isLetter || character.isNumber || character == "-"
      if let last = tokens.last, last.isWord == isWord {
        tokens[tokens.count - 1].text.append(character)
      } else {
        tokens.append((String(character), isWord))
      }
    }
    return tokens
  }

  /// The key names in `text`: whole words ("RB1-F12" names none).
  static func keys(in text: String) -> [String] {
    let words = text.split { !($0.isLetter || $0.isNumber || $0 == "-") }.map(String.init)
    var names: [String] = []
    for word in words where named[word] != nil && !names.contains(word) { names.append(word) }
    return names
  }

  /// `text` in clauses, each with the separator that follows it ("" for the last).
  static func clauses(_ text: String) -> [(String, String)] {
    var out: [(String, String)] = []
    var rest = Substring(text)
    while true {
      let found = separators.compactMap { separator in
        rest.range(of: separator.text).map { ($0, separator.kept) }
      }
      guard let (range, kept) = found.min(by: { $0.0.lowerBound < $1.0.lowerBound }) else { break }
      let end = rest.index(range.lowerBound, offsetBy: kept)
      out.append((String(rest[..<end]), String(rest[end..<range.upperBound])))
      rest = rest[range.upperBound...]
    }
    out.append((String(rest), ""))
    return out
  }
}

extension LineHints {
  /// The answers on `app`'s top screen: the commands everywhere; on a screen read as lines,
  /// a row's number where Enter opens a row and an action's word for its one key; in a
  /// wizard where Enter only goes on (Confirm is not, "confirm" commits), an empty line.
  init(_ app: App) {
    words = [.escape: ":back", .function(1): ":help", .control("c"): ":quit"]
    if let lines = (app.current as? any LineReadable)?.lines(context: app.context) {
      if lines.rowAction != nil, !lines.rows.isEmpty { words[.enter] = "a row's number" }
      for action in lines.actions where action.keys.count == 1 && words[action.keys[0]] == nil {
        words[action.keys[0]] = action.word
      }
    } else if let wizard = app.current as? any LineWizard, wizard.lineEmptyLineIsEnter {
      words[.enter] = "an empty line"
    }
  }
}
