/// The line mode's rule for its tests: no line names a key ("Esc goes back", "Ctrl-Z undoes"),
/// as keys mean nothing there. Shared by the session tests and the pseudo-terminal runs.
public enum KeyNames {
  /// The keys' names as a hint written for the screen spells them, whole words (the
  /// lower-case words typed at a screen driven by key names, `esc`, `tab`, are answers).
  public static let names: Set<String> = Set(
    ["Shift-Tab", "Esc", "Enter", "Tab", "Space", "PgUp", "PgDn", "Backspace"]
      + (1...12).map { "F\($0)" })

  /// True when `line` names a key.
  public static func named(in line: String) -> Bool {
    if line.contains("Ctrl-") { return true }
    let words = line.split { !($0.isLetter || $0.isNumber || $0 == "-") }
    return words.contains { names.contains(String($0)) }
  }

  /// The lines of `text` that name a key.
  public static func lines(in text: String) -> [String] {
    text.split(separator: "\n").map(String.init).filter(named(in:))
  }
}
