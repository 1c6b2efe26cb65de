import Foundation
import TestSupport
import Testing

/// `stockroom store migrate` through the binary, both ways: without `--yes` the plan and
/// nothing written; a file store into a database, then the database store back into an empty
/// directory, after which `log --json` prints the same on all three and `verify` is clean; a
/// target that is not empty is refused naming why (exit 1, nothing copied).
@Suite(.postgres) struct MigrateCommandTests {
  @Test func aRoundTripFromFilesThroughTheDatabasePrintsTheSameLog() throws {
    let database = try TestDatabase()
    let role = database.name + "_app"
    defer {
      database.drop()
      database.dropRole(role)
    }
    let url = database.url()
    let directory = NSTemporaryDirectory() + "stockroom-migrate-e2e-\(UUID().uuidString)"
    let back = NSTemporaryDirectory() + "stockroom-migrate-back-\(UUID().uuidString)"
    defer {
      try? FileManager.default.removeItem(atPath: directory)
      try? FileManager.default.removeItem(atPath: back)
    }
    let env = StoreOptionTests.environment(directory)
    func run(_ arguments: [String]) -> Spawn.Result {
      Spawn.run([Binary.path] + arguments, environment: env)
    }
    let demo = run(["demo"])
    try #require(demo.status == 0, "\(demo.output)")
    let log = run(["log", "--json"])
    try #require(log.status == 0 && log.output.contains("\"transactionId\""), "\(log.output)")

    let plan = run(["store", "migrate", "--to", url, "--app-role", role])
    #expect(plan.status == 0, "\(plan.output)")
    #expect(plan.output.contains("Nothing written"), "\(plan.output)")
    #expect(plan.output.contains("the file store in \(directory)"), "\(plan.output)")
    #expect(
      try database.sql("SELECT count(*) FROM pg_namespace WHERE nspname = 'stockroom'") == "0")

    let migrated = run(["store", "migrate", "--to", url, "--app-role", role, "--yes"])
    #expect(migrated.status == 0, "\(migrated.output)")
    #expect(migrated.output.hasPrefix("Copied "), "\(migrated.output)")
    #expect(run(["log", "--json", "--store", url]).output == log.output)
    let verify = run(["verify", "--store", url])
    #expect(verify.status == 0, "\(verify.output)")

    let again = run(["store", "migrate", "--to", url, "--app-role", role, "--yes"])
    #expect(again.status == 1, "\(again.output)")
    #expect(again.output.contains("already holds a store"), "\(again.output)")

    let returned = run(["store", "migrate", "--to", back, "--yes", "--store", url])
    #expect(returned.status == 0, "\(returned.output)")
    #expect(run(["log", "--json", "--data-dir", back]).output == log.output)
    let verifyBack = run(["verify", "--data-dir", back])
    #expect(verifyBack.status == 0, "\(verifyBack.output)")

    let full = run(["store", "migrate", "--to", back, "--yes", "--store", url])
    #expect(full.status == 1, "\(full.output)")
    #expect(full.output.contains("\(back) is not empty"), "\(full.output)")
  }
}
