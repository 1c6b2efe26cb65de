import Foundation

/// A command of the line mode: typed after a colon at any prompt (`:help`), or as a bare
/// word where the prompt takes no free text.
public enum LineCommand: String, CaseIterable, Sendable {
  case help, back, cancel, status, quit, more
  /// The pick lists: list what is available, pick by number, put one back, narrow, go on.
  case list, pick, remove, filter, done
}

/// One line the user answered, read: nothing (Enter keeps the value), a command and what
/// follows it, a colon word that is no command, or text for the question.
public enum LineAnswer: Hashable, Sendable {
  case empty
  case command(LineCommand, String)
  case unknownCommand(String)
  case text(String)

  /// Reads `line` (without its newline); `takesText` false lets bare words be commands.
  public init(_ line: String, takesText: Bool) {
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    if trimmed.isEmpty {
      self = .empty
      return
    }
    let colon = trimmed.hasPrefix(":")
    let body = colon ? String(trimmed.dropFirst()) : trimmed
    let word = String(body.prefix { $0 != " " }).lowercased()
    let rest = body.dropFirst(word.count).trimmingCharacters(in: .whitespaces)
    if let command = LineCommand(rawValue: word), colon || (!takesText && rest.isEmpty) {
      self = .command(command, rest)
    } else if colon {
      self = .unknownCommand(word)
    } else {
      self = .text(trimmed)
    }
  }

  /// What the commands do, for `:help`.
  public static let commandsHelp =
    "Commands (at every prompt): :help this help, :back one step back, :cancel leave this "
    + "screen (asks first when answers would be lost), :status where you are, :more the next "
    + "rows, :quit leave Stockroom."
}
