import TerminalUI

/// One row of a table as the line mode reads it: the first column's value, then each other
/// value named by its column ("RB-1: Maximum 9, In Use 5, Available 4"), never aligned
/// columns. Every screen's rows go through here, so they all read alike.
enum RowLine {
  /// `first`, then "Name value" for each pair with a value (empty or "—" is none; the value
  /// alone for an empty name); no control character survives.
  static func named(_ first: String, _ pairs: [(name: String, value: String)]) -> String {
    let values = pairs.compactMap { pair -> String? in
      let value = plain(pair.value) == "—" ? "" : plain(pair.value)
      let name = plain(pair.name)
      return value.isEmpty ? nil : (name.isEmpty ? value : "\(name) \(value)")
    }
    let head = plain(first).isEmpty ? "-" : plain(first)
    return values.isEmpty ? head : head + ": " + values.joined(separator: ", ")
  }

  /// `text` on one line: unsafe characters neutralised, a column title's line break a space,
  /// spaces that only aligned it dropped.
  static func plain(_ text: String) -> String {
    TextSafety.neutralised(text.replacingOccurrences(of: "\n", with: " "))
      .trimmingCharacters(in: .whitespaces)
  }
}

extension Table {
  /// Every row, hidden columns included, as `RowLine` reads it.
  var namedRows: [String] {
    (0..<rowCount).map { row in
      RowLine.named(
        cell(row, 0),
        columns.indices.dropFirst().map { (name: columns[$0].title, value: cell(row, $0)) })
    }
  }
}
