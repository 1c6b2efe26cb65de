import Foundation

/// The end of every subcommand's `--help`: one or two real commands on the demo data, so the
/// command line teaches itself. They live in each command's discussion (so the manual page
/// and `--experimental-dump-help` carry them too) and `--help` prints them last.
enum HelpExamples {
  static let heading = "Examples:\n"

  /// `text` (the command's own discussion, if any) followed by `Examples:` and the commands.
  static func discussion(_ text: String = "", examples: String...) -> String {
    let list = heading + examples.map { "  " + $0 }.joined(separator: "\n")
    return text.isEmpty ? list : text + "\n\n" + list
  }

  /// A help text with its examples moved from the overview to the end; nil without any.
  static func atTheEnd(_ help: String) -> String? {
    guard let start = help.range(of: "\n\n" + heading) ?? help.range(of: heading),
      start.lowerBound < (help.range(of: "USAGE:")?.lowerBound ?? help.startIndex)
    else { return nil }
    let end = help.range(of: "\n\n", range: start.upperBound..<help.endIndex)?.lowerBound
    let block = help[start.upperBound..<(end ?? help.endIndex)]
    var rest = help
    rest.removeSubrange(start.lowerBound..<(end ?? help.endIndex))
    if rest.hasPrefix("\n\n") { rest.removeFirst(2) }
    while rest.hasSuffix("\n") { rest.removeLast() }
    return rest + "\n\n" + heading + unwrapped(block)
  }

  /// The example lines whole again, where the help's wrapping broke one (a copied example
  /// must run as printed).
  static func unwrapped(_ block: Substring) -> String {
    var lines: [String] = []
    for line in block.split(separator: "\n") {
      if line.hasPrefix("  ") || lines.isEmpty {
        lines.append(String(line))
      } else {
        lines[lines.count - 1] += " " + line.trimmingCharacters(in: .whitespaces)
      }
    }
    return lines.joined(separator: "\n")
  }
}
