import Foundation
import Testing

@testable import StockroomPostgres

/// The store URL, the password file and the choice of store: what each form means, what is
/// refused and why, and that no password reaches a message.
@Suite struct StoreURLTests {
  @Test func fullURLParses() throws {
    let url = try PostgresURL(
      parsing: "postgresql://app:s%40cret@db.example:6543/stock?sslmode=require")
    #expect(url.user == "app")
    #expect(url.password == "s@cret")
    #expect(url.host == "db.example")
    #expect(url.port == 6543)
    #expect(url.database == "stock")
    #expect(url.sslMode == .require)
    #expect(url.socketPath == nil)
  }

  @Test func defaultsAndTheShortScheme() throws {
    let url = try PostgresURL(parsing: "postgres://app@db/stock")
    #expect(url.port == 5432)
    #expect(url.sslMode == .prefer)
    #expect(url.password == nil)
    let v6 = try PostgresURL(parsing: "postgresql://app@[::1]:5433/stock")
    #expect(v6.host == "::1")
    #expect(v6.port == 5433)
  }

  @Test func unixSocketDirectory() throws {
    let url = try PostgresURL(parsing: "postgresql://app@/stock?host=/run/pg&sslmode=disable")
    #expect(url.socketDirectory == "/run/pg")
    #expect(url.socketPath == "/run/pg/.s.PGSQL.5432")
    #expect(url.passwordHost == "localhost")
    #expect(url.description == "postgresql://app@/stock?sslmode=disable&host=/run/pg")
  }

  @Test(arguments: [
    ("mysql://app@db/stock", "starts with postgresql://"),
    ("postgresql://db/stock", "names no user"),
    ("postgresql://app@db", "names no database"),
    ("postgresql://app@db/", "names no database"),
    ("postgresql://app@/stock", "names no host"),
    ("postgresql://app@db:0/stock", "port must be a number"),
    ("postgresql://app@db:99999/stock", "port must be a number"),
    ("postgresql://app@db:x/stock", "port must be a number"),
    ("postgresql://app@db/stock?sslmode=verify-full", "sslmode must be disable, prefer or require"),
    ("postgresql://app@db/stock?host=relative", "socket directory"),
    ("postgresql://app@db/stock?colour=blue", "unknown parameter colour"),
    ("postgresql://app:pw%zz@db/stock", "password has a malformed %-escape"),
  ])
  func badURLsNameWhatIsWrong(text: String, expected: String) {
    #expect(throws: PostgresURL.Problem.self) { try PostgresURL(parsing: text) }
    do {
      _ = try PostgresURL(parsing: text)
    } catch {
      #expect(error.message.contains(expected), "\(text): \(error.message)")
      #expect(!error.message.contains("pw"), "\(text): \(error.message)")
    }
  }

  @Test func thePasswordIsNeverInWords() throws {
    let url = try PostgresURL(parsing: "postgresql://app:TopSecret9@db:5433/stock")
    for text in [url.description, url.place, url.server, "\(url)", String(reflecting: url.place)] {
      #expect(!text.contains("TopSecret9"), "\(text)")
    }
    #expect(url.description == "postgresql://app@db:5433/stock")
    #expect(url.place == "PostgreSQL at db:5433, database stock, user app")
  }

  @Test func passwordFileMatchesAsLibpqDoes() {
    let file = PasswordFile(
      text: """
        # comment
        db.example:5432:stock:app:first
        db.example:*:*:app:second
        too:few:fields
        *:*:*:*:fallback
        """)
    func password(_ text: String) -> String? {
      (try? PostgresURL(parsing: text)).flatMap { file.password(for: $0) }
    }
    #expect(password("postgresql://app@db.example/stock") == "first")
    #expect(password("postgresql://app@db.example:6000/other") == "second")
    #expect(password("postgresql://other@elsewhere/x") == "fallback")
    #expect(password("postgresql://sock@/stock?host=/tmp") == "fallback")
    let escapes = PasswordFile(text: "weird\\:host:5432:stock:app:esc\\:aped\\\\\n")
    let escaped = PostgresURL(user: "app", host: "weird:host", database: "stock")
    #expect(escapes.password(for: escaped) == "esc:aped\\")
    let literal = PasswordFile(text: "\\*:5432:stock:star:literal\n")
    #expect(
      literal.password(for: PostgresURL(user: "star", host: "*", database: "stock"))
        == "literal")
    #expect(
      literal.password(for: PostgresURL(user: "star", host: "db", database: "stock"))
        == nil)
    let socket = PasswordFile(text: "localhost:5432:stock:sock:viasocket\n")
    #expect(
      socket.password(
        for: PostgresURL(user: "sock", host: "", database: "stock", socketDirectory: "/tmp"))
        == "viasocket")
  }

  @Test func passwordFileFromTheEnvironment() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pgpass-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("pass").path
    try "db:5432:stock:app:fromfile\n".write(toFile: path, atomically: true, encoding: .utf8)
    let url = try PostgresURL(parsing: "postgresql://app@db/stock")
    chmod(path, 0o600)
    #expect(PasswordFile.password(for: url, environment: ["PGPASSFILE": path]) == "fromfile")
    // The URL's own password wins over the file.
    let own = try PostgresURL(parsing: "postgresql://app:own@db/stock")
    #expect(PasswordFile.password(for: own, environment: ["PGPASSFILE": path]) == "own")
    // ~/.pgpass when PGPASSFILE is not set.
    let home = directory.appendingPathComponent("home")
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: path, toPath: home.path + "/.pgpass")
    chmod(home.path + "/.pgpass", 0o600)
    #expect(PasswordFile.password(for: url, environment: ["HOME": home.path]) == "fromfile")
    // A file its group or others can read is ignored, as libpq ignores it.
    chmod(path, 0o644)
    #expect(PasswordFile.password(for: url, environment: ["PGPASSFILE": path]) == nil)
  }

  @Test func theStoreIsChosenByOptionThenEnvironmentThenDirectory() throws {
    let directory = URL(fileURLWithPath: "/data")
    let environment = ["STOCKROOM_STORE": "postgresql://env@db/stock"]
    #expect(
      try StoreLocation.resolve(option: nil, environment: [:], dataDirectory: directory)
        == .directory(directory))
    #expect(
      try StoreLocation.resolve(
        option: nil, environment: ["STOCKROOM_STORE": ""], dataDirectory: directory)
        == .directory(directory))
    #expect(
      try StoreLocation.resolve(option: nil, environment: environment, dataDirectory: directory)
        == .postgres(PostgresURL(user: "env", host: "db", database: "stock")))
    #expect(
      try StoreLocation.resolve(
        option: "postgres://opt@db/stock", environment: environment, dataDirectory: directory)
        == .postgres(PostgresURL(user: "opt", host: "db", database: "stock")))
    do {
      _ = try StoreLocation.resolve(
        option: nil, environment: ["STOCKROOM_STORE": "postgresql://x@db"],
        dataDirectory: directory)
      Issue.record("a URL without a database was taken")
    } catch {
      #expect(error.message.hasPrefix("STOCKROOM_STORE: "))
    }
  }
}
