import TerminalUI

/// The keys that bring a screen from where it is to where the line mode wants it, computed
/// from its state when its lines are read: Tab to a field, → to a button.
enum LineKeys {
  /// `key` as often as it takes to step from `from` to `to` in a cycle of `count` places.
  static func steps(from: Int, to: Int, count: Int, key: Key = .tab) -> [Key] {
    guard count > 0 else { return [] }
    return Array(repeating: key, count: ((to - from) % count + count) % count)
  }
}

extension Screen {
  /// The status line as a paragraph: an error starts with "Error:".
  var statusParagraph: [String] {
    guard let status, !status.text.isEmpty else { return [] }
    return [(status.kind == .error ? "Error: " : "") + RowLine.plain(status.text)]
  }
}
