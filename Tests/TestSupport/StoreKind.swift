import Testing

/// Which store a test runs on. A test that runs on both takes `StoreKind.available` as its
/// arguments: the file store always, PostgreSQL when a server is set (or required, in CI).
/// Swift Testing has no per-argument condition, so a suite with such tests also holds one
/// `.postgres` test, `theDatabaseCasesRun`, that reaches the server: without one it is
/// reported skipped, saying why, and so says that the suite's database cases did not run.
public enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
  case file, postgres
  public var testDescription: String { rawValue }

  /// The stores this run can test.
  public static var available: [StoreKind] { TestPostgres.enabled ? allCases : [.file] }

  /// A guard for a test case given a store by hand: the database case is cancelled when no
  /// server is set (use `available` for arguments; a cancelled case reads as passed).
  public func requireAvailable() throws {
    guard self == .postgres, !TestPostgres.enabled else { return }
    try Test.cancel(
      Comment(
        rawValue: "needs PostgreSQL: set STOCKROOM_TEST_POSTGRES (eval \"$(bash "
          + "scripts/pg-cluster.sh start)\"); STOCKROOM_REQUIRE_POSTGRES=1 makes its absence "
          + "a failure"))
  }

  /// The body of a suite's `theDatabaseCasesRun`: the test server takes a database.
  public static func reachTheServer() throws {
    let database = try TestDatabase()
    database.drop()
  }
}
