import Foundation
import Synchronization

/// A database store's connection begun as the process starts, before its arguments are
/// parsed: PostgreSQL forks a server process for each connection, and a command's own start
/// (parsing, the data directory's checks, the local snapshot) takes about as long, so the two
/// overlap. The first session opened on the same URL takes it over; a run that opens none
/// (help, a usage error) leaves it to the process's end.
public enum EarlyConnection {
  private static let begun = Mutex<(url: PostgresURL, opening: DatabaseSession.Opening)?>(nil)

  /// Starts connecting to the store the arguments or the environment name (`--store URL`,
  /// `--store=URL`, else a non-empty `STOCKROOM_STORE`), when that is a database store.
  public static func begin(arguments: [String], environment: [String: String]) {
    guard let text = storeText(arguments: arguments, environment: environment),
      let url = try? PostgresURL(parsing: text)
    else { return }
    let opening = DatabaseSession.connect(url, environment, thenRun: nil)
    begun.withLock { $0 = (url, opening) }
  }

  /// The store URL's text as the global option or the environment give it; nil when there is
  /// none (the file store). The option's value is the argument after it, or after its `=`.
  static func storeText(arguments: [String], environment: [String: String]) -> String? {
    for (index, argument) in arguments.enumerated() {
      if argument == "--" { break }
      if argument == "--store", index + 1 < arguments.count { return arguments[index + 1] }
      if argument.hasPrefix("--store=") { return String(argument.dropFirst("--store=".count)) }
    }
    guard let value = environment["STOCKROOM_STORE"], !value.isEmpty else { return nil }
    return value
  }

  /// The connection begun for `url`, once: nil when none was, or for another URL.
  static func take(_ url: PostgresURL) -> DatabaseSession.Opening? {
    begun.withLock { early in
      guard let found = early, found.url == url else { return nil }
      early = nil
      return found.opening
    }
  }
}
