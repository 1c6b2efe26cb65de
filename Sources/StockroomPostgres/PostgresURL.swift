import Foundation

/// Where a database store lives: `postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE`, with
/// `?sslmode=disable|prefer|require` and `?host=/socket/dir` (libpq's conventions). Parsed
/// once, so every command reads the same URL the same way. The password never leaves it in
/// words: `description` and `place` leave it out, so a message or a draft cannot carry it.
public struct PostgresURL: Equatable, Sendable, CustomStringConvertible {
  /// How a connection uses TLS (libpq's `sslmode`, of which these three are supported).
  public enum SSLMode: String, Sendable, CaseIterable {
    case disable, prefer, require
  }

  public var user: String
  /// From the URL; nil when it names none (then PGPASSFILE or ~/.pgpass is asked).
  public var password: String?
  /// The host name or address; empty when `socketDirectory` is given without one.
  public var host: String
  public var port: Int
  public var database: String
  public var sslMode: SSLMode
  /// The directory of the server's Unix socket (`?host=/dir`), nil for TCP.
  public var socketDirectory: String?

  public init(
    user: String, password: String? = nil, host: String, port: Int = 5432, database: String,
    sslMode: SSLMode = .prefer, socketDirectory: String? = nil
  ) {
    self.user = user
    self.password = password
    self.host = host
    self.port = port
    self.database = database
    self.sslMode = sslMode
    self.socketDirectory = socketDirectory
  }

  /// True for text that means a database store (the two schemes this parses).
  public static func isPostgres(_ text: String) -> Bool {
    let lower = text.lowercased()
    return lower.hasPrefix("postgresql://") || lower.hasPrefix("postgres://")
  }

  /// Why a URL cannot be used: one line naming what is wrong (never the password).
  public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
  }

  /// Parses a store URL; a problem names the part that is wrong.
  public init(parsing text: String) throws(Problem) {
    let lower = text.lowercased()
    let rest: Substring
    if lower.hasPrefix("postgresql://") {
      rest = text.dropFirst("postgresql://".count)
    } else if lower.hasPrefix("postgres://") {
      rest = text.dropFirst("postgres://".count)
    } else {
      throw Problem("a store URL starts with postgresql:// or postgres://")
    }
    let (beforeQuery, query) = Self.split(rest, at: "?")
    let (authority, path) = Self.split(beforeQuery, at: "/")
    guard let at = authority.lastIndex(of: "@") else {
      throw Problem("the store URL names no user (postgresql://USER@HOST/DATABASE)")
    }
    let (userPart, passwordPart) = Self.split(authority[..<at], at: ":")
    user = try Self.decode(userPart, "user")
    guard !user.isEmpty else { throw Problem("the store URL's user is empty") }
    if let passwordPart {
      password = try Self.decode(passwordPart, "password")
    } else {
      password = nil
    }
    (host, port) = try Self.hostAndPort(authority[authority.index(after: at)...])
    guard let path, !path.isEmpty else {
      throw Problem("the store URL names no database (postgresql://USER@HOST/DATABASE)")
    }
    database = try Self.decode(path, "database")
    sslMode = .prefer
    socketDirectory = nil
    for pair in (query ?? "").split(separator: "&") {
      let (name, value) = Self.split(pair, at: "=")
      let text = try Self.decode(value ?? "", String(name))
      switch name {
      case "sslmode":
        guard let mode = SSLMode(rawValue: text) else {
          throw Problem("sslmode must be disable, prefer or require, not \(text)")
        }
        sslMode = mode
      case "host":
        guard text.hasPrefix("/") else {
          throw Problem("host= in the store URL must be a socket directory (an absolute path)")
        }
        socketDirectory = text
      default:
        throw Problem("the store URL has an unknown parameter \(Self.visible(name))")
      }
    }
    if host.isEmpty && socketDirectory == nil {
      throw Problem("the store URL names no host (postgresql://USER@HOST/DATABASE)")
    }
  }

  /// The Unix socket path when connecting through one (`DIR/.s.PGSQL.PORT`).
  public var socketPath: String? { socketDirectory.map { "\($0)/.s.PGSQL.\(port)" } }

  /// The host a password file line is matched against: `localhost` for a Unix socket, as
  /// libpq does.
  public var passwordHost: String { socketDirectory == nil ? host : "localhost" }

  /// Where the server is, for messages: `host:port` or the socket path.
  public var server: String { socketPath ?? "\(host):\(port)" }

  /// The store in words for messages: server, database and user, never the password.
  public var place: String { "PostgreSQL at \(server), database \(database), user \(user)" }

  /// The URL without its password.
  public var description: String { text(password: nil) }

  /// The URL with its password, for handing the store to a child process of this one through
  /// its environment (`STOCKROOM_STORE`); never for a message, a log or a file.
  public var secretText: String { text(password: password) }

  private func text(password: String?) -> String {
    var text = "postgresql://\(Self.encode(user))"
    if let password { text += ":" + Self.encode(password) }
    text += "@"
    text += host.contains(":") ? "[\(host)]" : host
    if port != 5432 { text += ":\(port)" }
    text += "/" + Self.encode(database)
    var query: [String] = []
    if sslMode != .prefer { query.append("sslmode=\(sslMode.rawValue)") }
    if let socketDirectory { query.append("host=" + Self.encode(socketDirectory, keeping: "/")) }
    return query.isEmpty ? text : text + "?" + query.joined(separator: "&")
  }

  private static func split(_ text: Substring, at separator: Character) -> (
    Substring, Substring?
  ) {
    guard let index = text.firstIndex(of: separator) else { return (text, nil) }
    return (text[..<index], text[text.index(after: index)...])
  }

  private static func hostAndPort(_ text: Substring) throws(Problem) -> (String, Int) {
    var hostText = text
    var portText: Substring?
    if text.hasPrefix("[") {
      guard let close = text.firstIndex(of: "]") else {
        throw Problem("the store URL's host has an unclosed [")
      }
      hostText = text[text.index(after: text.startIndex)..<close]
      let after = text[text.index(after: close)...]
      if after.hasPrefix(":") {
        portText = after.dropFirst()
      } else if !after.isEmpty {
        throw Problem("the store URL's host is malformed after ]")
      }
    } else {
      (hostText, portText) = split(text, at: ":")
    }
    let host = try decode(hostText, "host")
    guard let portText else { return (host, 5432) }
    guard let port = Int(portText), (1...65535).contains(port) else {
      throw Problem("the store URL's port must be a number from 1 to 65535")
    }
    return (host, port)
  }

  /// Percent-decodes one part, naming it when it is malformed.
  private static func decode(_ text: Substring, _ part: String) throws(Problem) -> String {
    guard let decoded = String(text).removingPercentEncoding else {
      throw Problem("the store URL's \(visible(part)) has a malformed %-escape")
    }
    return decoded
  }

  private static func encode(_ text: String, keeping extra: String = "") -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~" + extra)
    return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
  }

  /// A name from the URL, shortened and with only safe characters, for a message.
  private static func visible(_ text: some StringProtocol) -> String {
    String(text.prefix(32).map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "?" })
  }
}
