import Foundation
import Testing

/// PostgreSQL for the tests that need it. `STOCKROOM_TEST_POSTGRES` names a server where its
/// role may create databases and roles (`eval "$(bash scripts/pg-cluster.sh start)"` starts
/// one). Without it those tests are skipped, each saying why, unless
/// `STOCKROOM_REQUIRE_POSTGRES=1` (CI), which makes them run and fail instead.
public enum TestPostgres {
  public static let variable = "STOCKROOM_TEST_POSTGRES"

  /// The server's URL, nil when not set.
  public static var url: String? {
    ProcessInfo.processInfo.environment[variable].flatMap { $0.isEmpty ? nil : $0 }
  }

  /// True when a missing server must fail the tests (CI), not skip them.
  public static var required: Bool {
    ProcessInfo.processInfo.environment["STOCKROOM_REQUIRE_POSTGRES"] == "1"
  }

  /// True when the tests that need PostgreSQL run.
  public static var enabled: Bool { url != nil || required }
}

extension Trait where Self == ConditionTrait {
  /// For a test or suite that needs PostgreSQL: skipped, saying why, without a server.
  public static var postgres: Self {
    .enabled(
      if: TestPostgres.enabled,
      Comment(
        rawValue: "needs PostgreSQL: set STOCKROOM_TEST_POSTGRES (eval \"$(bash "
          + "scripts/pg-cluster.sh start)\"); STOCKROOM_REQUIRE_POSTGRES=1 makes its absence "
          + "a failure"))
  }
}

/// A database of one test's own on the test server, with a random name, so tests run in
/// parallel; `drop()` removes it. SQL is run through `psql`, so any test target can use it.
public final class TestDatabase: @unchecked Sendable {
  public let name: String
  private let server: URLComponents

  /// Creates the database; throws (failing the test) when the server is not set or not there.
  public init() throws {
    guard let text = TestPostgres.url, let parsed = URLComponents(string: text) else {
      throw Failure(
        "\(TestPostgres.variable) is not set, and STOCKROOM_REQUIRE_POSTGRES=1 requires it")
    }
    server = parsed
    name = "stockroom_t_" + String(UInt64.random(in: 1...UInt64.max), radix: 16)
    try Self.psql(Self.url(parsed, database: nil, user: nil), "CREATE DATABASE \(name)")
  }

  /// The URL of this database, as its owner or as another role.
  public func url(user: String? = nil) -> String { Self.url(server, database: name, user: user) }

  /// Runs SQL in this database (as `user`, else the test role); its output, one row a line.
  @discardableResult
  public func sql(_ statement: String, as user: String? = nil) throws -> String {
    try Self.psql(url(user: user), statement)
  }

  /// Drops a role the test made (after `drop()`: its grants lived in this database).
  public func dropRole(_ role: String) {
    _ = try? Self.psql(Self.url(server, database: nil, user: nil), "DROP ROLE IF EXISTS \(role)")
  }

  /// Drops the database (its connections ended first).
  public func drop() {
    _ = try? Self.psql(
      Self.url(server, database: nil, user: nil), "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
  }

  /// Why a statement failed: psql's message (with the SQLSTATE, `VERBOSITY verbose`).
  public struct Failure: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
  }

  private static func url(_ server: URLComponents, database: String?, user: String?) -> String {
    var components = server
    if let database { components.path = "/" + database }
    if let user { components.user = user }
    return components.string ?? ""
  }

  @discardableResult
  private static func psql(_ url: String, _ statement: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
    process.arguments = [
      url, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-v", "VERBOSITY=verbose", "-c",
      statement,
    ]
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw Failure(String(decoding: err, as: UTF8.self))
    }
    return String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
  }
}
