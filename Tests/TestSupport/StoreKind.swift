import Testing

/// Which store a test runs on. A test that runs on both takes `StoreKind.allCases` as its
/// arguments and calls `requireAvailable()` first: the file store always runs, and the
/// PostgreSQL case is skipped (cancelled, saying why) when no server is set, or fails when
/// `STOCKROOM_REQUIRE_POSTGRES=1` (CI), as the `.postgres` trait does for a whole test.
public enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
  case file, postgres
  public var testDescription: String { rawValue }

  /// Skips this test case when its store cannot be had here.
  public func requireAvailable() throws {
    guard self == .postgres, !TestPostgres.enabled else { return }
    try Test.cancel(
      Comment(
        rawValue: "needs PostgreSQL: set STOCKROOM_TEST_POSTGRES (eval \"$(bash "
          + "scripts/pg-cluster.sh start)\"); STOCKROOM_REQUIRE_POSTGRES=1 makes its absence "
          + "a failure"))
  }
}
