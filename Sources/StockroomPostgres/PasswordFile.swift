import Foundation
import Glibc

/// libpq's password file (`PGPASSFILE`, else `~/.pgpass`): lines of
/// `hostname:port:database:username:password`, the first line that matches wins, `*` matches
/// anything in the first four fields, `\:` and `\\` escape, `#` starts a comment. As libpq
/// does, a file that its group or others can read is ignored.
public struct PasswordFile: Sendable, Equatable {
  /// One line: four patterns (nil is `*`) and the password.
  struct Entry: Sendable, Equatable {
    var fields: [String?]
    var password: String
  }

  var entries: [Entry]

  /// Parses the file's text; lines with fewer than five fields are skipped, as libpq does.
  public init(text: String) {
    entries = text.split(whereSeparator: \.isNewline).compactMap { line in
      guard !line.hasPrefix("#") else { return nil }
      let fields = Self.fields(line)
      guard fields.count >= 5 else { return nil }
      let patterns = fields.prefix(4).map { $0.raw == "*" ? nil : $0.value }
      return Entry(fields: Array(patterns), password: fields[4].value)
    }
  }

  /// The password of the first line matching the URL's host, port, database and user.
  public func password(for url: PostgresURL) -> String? {
    let wanted = [url.passwordHost, String(url.port), url.database, url.user]
    return entries.first { entry in
      zip(entry.fields, wanted).allSatisfy { pattern, value in pattern == nil || pattern == value }
    }?.password
  }

  /// The file this environment names (`PGPASSFILE`, else `$HOME/.pgpass`), nil without either.
  public static func path(environment: [String: String]) -> String? {
    if let file = environment["PGPASSFILE"], !file.isEmpty { return file }
    guard let home = environment["HOME"], !home.isEmpty else { return nil }
    return home + "/.pgpass"
  }

  /// The environment's password file, nil when there is none, it cannot be read, or its group
  /// or others have access to it.
  public static func load(environment: [String: String]) -> PasswordFile? {
    guard let path = path(environment: environment) else { return nil }
    var info = stat()
    guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_mode & 0o077 == 0,
      let text = try? String(contentsOfFile: path, encoding: .utf8)
    else { return nil }
    return PasswordFile(text: text)
  }

  /// The password a connection to `url` uses: the URL's own, else the password file's.
  public static func password(
    for url: PostgresURL, environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> String? {
    url.password ?? load(environment: environment)?.password(for: url)
  }

  /// Splits a line at unescaped colons: each field as written (a lone `*` is a wildcard only
  /// when written so, not as `\*`) and with `\:` and `\\` undone.
  private static func fields(_ line: Substring) -> [(raw: String, value: String)] {
    var fields: [(raw: String, value: String)] = []
    var raw = ""
    var value = ""
    var escaped = false
    for character in line {
      if escaped {
        value.append(character)
        raw.append(character)
        escaped = false
      } else if character == "\\" {
        escaped = true
        raw.append(character)
      } else if character == ":" && fields.count < 4 {
        fields.append((raw, value))
        (raw, value) = ("", "")
      } else {
        value.append(character)
        raw.append(character)
      }
    }
    fields.append((raw, value))
    return fields
  }
}
