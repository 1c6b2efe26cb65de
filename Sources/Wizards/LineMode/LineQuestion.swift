import Foundation

/// How a control is asked in the line mode, in words: its heading, its choices numbered,
/// what to type; and how a typed choice or yes/no is read.
enum LineQuestion {
  static let serialsHint =
    "Type or scan serials, one a line, or paste a list; A..B is a range. Enter on an empty "
    + "line or :done goes on."

  /// "Reference (text, required): up to 64 letters. Now: AB-1."
  static func heading(_ described: ControlDescription) -> String {
    var line = described.label + " (" + described.kind.rawValue
    line += (described.isRequired ? ", required" : "") + ")"
    if let rule = described.rule { line += ": " + rule }
    // A button holds no value to read back.
    if described.kind == .button, described.value.isEmpty { return line + "." }
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
    case .text, .number: return "Type the value, or Enter to keep it."
    case .choice, .radio: return "Type a number or a name, or Enter to keep it."
    case .check: return "Type yes or no, or Enter to keep it."
    case .table: return "Enter goes on."
    case .button: return "Enter does it; :done goes on without it."
    case .serialPickList: return "Enter goes on."
    }
  }

  /// What to type at a table offering `count` rows, each chosen by its number or its
  /// `valueName`; `searchable` when `:filter TEXT` narrows them.
  static func rowsHow(count: Int, valueName: String, searchable: Bool) -> String {
    let filter = searchable ? ", :filter TEXT to narrow the rows" : ""
    guard count > 0 else {
      return "No rows to choose from" + (searchable ? "; :filter TEXT searches again" : "")
        + "; :back goes back."
    }
    return "Type a row's number (1 to \(count)) or its \(valueName) to choose it\(filter), "
      + "or Enter to keep it."
  }

  /// Why `text` chooses no row of a table offering `count` rows.
  static func notARow(_ text: String, count: Int, valueName: String) -> String {
    guard count > 0 else { return "There are no rows to choose from; :back goes back." }
    return "\(quoted(text)) is not a row: type a row's number (1 to \(count)) or its "
      + "\(valueName); :more lists more rows."
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
