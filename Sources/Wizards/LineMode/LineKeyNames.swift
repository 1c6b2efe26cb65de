import TerminalUI

/// A screen not yet read as lines is driven by key names: "down 3", "enter", "esc", "/".
/// An answer that names no key is typed as characters.
public enum LineKeyNames {
  /// The key names a user can type, lower case.
  static let names: [String: Key] = [
    "up": .up, "down": .down, "left": .left, "right": .right, "home": .home, "end": .end,
    "pgup": .pageUp, "pgdn": .pageDown, "tab": .tab, "backtab": .backTab, "enter": .enter,
    "esc": .escape, "space": .character(" "), "backspace": .backspace, "del": .delete,
  ]

  /// The keys `text` names, word by word ("down 3" is three downs; "ctrl-o", "f2"); nil when
  /// a word names no key (then the text is typed).
  public static func keys(_ text: String) -> [Key]? {
    var keys: [Key] = []
    for word in text.lowercased().split(separator: " ").map(String.init) {
      if let count = Int(word), let last = keys.last, count > 0, count <= 500 {
        keys += Array(repeating: last, count: count - 1)
      } else if let key = key(word) {
        keys.append(key)
      } else {
        return nil
      }
    }
    return keys.isEmpty ? nil : keys
  }

  private static func key(_ word: String) -> Key? {
    if let key = names[word] { return key }
    if word.hasPrefix("ctrl-"), word.count == 6, let letter = word.last, letter.isLetter {
      return .control(letter)
    }
    if word.hasPrefix("f"), let number = Int(word.dropFirst()), (1...12).contains(number) {
      return .function(number)
    }
    return nil
  }

  /// The keys of a screen's legend and help, for a screen read from what it draws.
  public static func listed(_ bindings: [KeyBinding]) -> String {
    "Keys: " + bindings.map { "\($0.keys) \($0.action)" }.joined(separator: "; ")
      + ". Type key names (up, down 3, enter, tab, esc, space, ctrl-o), or text to type it."
  }
}
