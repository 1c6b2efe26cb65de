import Foundation

/// How a control is asked in the line mode, in words: its heading, its choices numbered,
/// what to type; and how a typed choice or yes/no is read.
enum LineQuestion {
  /// The most rows a table answer moves over looking for the value typed.
  static let rowLimit = 5_000

  static let serialsHint =
    "Type or scan serials, one a line, or paste a list; A..B is a range. An empty line or "
    + ":done goes on."

  /// "Reference (text, required): up to 64 letters. Now: AB-1."
  static func heading(_ described: ControlDescription) -> String {
    var line = described.label + " (" + described.kind.rawValue
    line += (described.isRequired ? ", required" : "") + ")"
    if let rule = described.rule { line += ": " + rule }
    let value = described.value.isEmpty ? "empty" : described.value
    return line + ". Now: " + value + "."
  }

  /// The choices, numbered from 1.
  static func choices(_ described: ControlDescription) -> [String] {
    guard described.kind == .choice || described.kind == .radio else { return [] }
    return described.choices.enumerated().map { "\($0.offset + 1) \($0.element)" }
  }

  /// What to type for a control of `kind`.
  static func how(_ kind: ControlDescription.Kind) -> String {
    switch kind {
    case .text, .number: return "Type the value, or an empty line to keep it."
    case .choice, .radio: return "Type a number or a name, or an empty line to keep it."
    case .check: return "Type yes or no, or an empty line to keep it."
    case .table: return "Type the value of a row to choose it, or an empty line to keep it."
    case .button: return "An empty line does it; :done goes on without it."
    case .serialPickList: return "An empty line goes on."
    }
  }

  /// An answer repeated in an error: at most 40 characters, so a pasted page is not echoed.
  static func quoted(_ text: String) -> String {
    text.count <= 40 ? text : text.prefix(39) + "…"
  }

  /// The choice `text` names: its number from 1, its name, or the start of one name.
  static func choice(_ text: String, in choices: [String]) -> String? {
    if let number = Int(text) {
      return choices.indices.contains(number - 1) ? choices[number - 1] : nil
    }
    let wanted = text.lowercased()
    if let exact = choices.first(where: { $0.lowercased() == wanted }) { return exact }
    let starting = choices.filter { $0.lowercased().hasPrefix(wanted) }
    return starting.count == 1 ? starting[0] : nil
  }

  /// Yes or no, from the words and numbers a user types; nil for anything else.
  static func yesOrNo(_ text: String) -> Bool? {
    switch text.lowercased() {
    case "yes", "y", "1", "on", "true": return true
    case "no", "n", "2", "off", "false": return false
    default: return nil
    }
  }
}
