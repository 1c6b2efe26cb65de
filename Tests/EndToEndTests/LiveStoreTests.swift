import Foundation
import TestSupport
import Testing

/// The database store with screens open and with commands whose connection dropped (issue
/// 16): a commit by another process shows on an open screen within a second, and a headless
/// command rerun with the same `--key` after its connection dropped is applied exactly once.
@Suite(.postgres, .serialized) struct LiveStoreTests {
  /// A database of the test's own holding an initialised store with the demo data, and the
  /// data directory for this machine's files.
  final class SharedStore {
    let database: TestDatabase
    let directory = NSTemporaryDirectory() + "stockroom-live-\(UUID().uuidString)"
    var url: String { database.url() }

    init() throws {
      database = try TestDatabase()
      let made = run([
        "store", "init", "--store", database.url(), "--app-role", database.name + "_app",
        "--yes",
      ])
      try #require(made.status == 0, "\(made.output)")
      let demo = run(["demo", "--store", database.url()])
      try #require(demo.status == 0, "\(demo.output)")
    }

    var environment: [String: String] {
      var env = ProcessInfo.processInfo.environment
      env["STOCKROOM_DATA_DIR"] = directory
      env["STOCKROOM_NOW"] = "2026-11-22T09:00:00Z"
      env["STOCKROOM_STORE"] = nil
      env["SWIFT_BACKTRACE"] = "enable=no"
      return env
    }

    @discardableResult
    func run(_ arguments: [String], extra: [String: String] = [:]) -> Spawn.Result {
      Spawn.run(
        [Binary.path] + arguments, environment: environment.merging(extra) { $1 })
    }

    /// An unused allocated serial of `account`.
    func freeSerial(_ account: String) throws -> String {
      let lines = run(["tokens", "--account", account, "--json", "--store", url]).output
      return try #require(
        lines.split(separator: "\n").compactMap { line -> String? in
          guard
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8))
              as? [String: Any],
            (object["inUse"] as? Bool) == false, (object["state"] as? String) == "allocated"
          else { return nil }
          return object["serial"] as? String
        }.first)
    }

    func remove() {
      try? FileManager.default.removeItem(atPath: directory)
      database.drop()
      database.dropRole(database.name + "_app")
    }
  }

  @Test func aCommitByAnotherProcessShowsOnAnOpenScreenWithinASecond() throws {
    let store = try SharedStore()
    defer { store.remove() }
    let command =
      "exec \(TmuxSession.quote(Binary.path)) --store \(TmuxSession.quote(store.url)) "
      + "--data-dir \(TmuxSession.quote(store.directory))"
    let session = try TmuxSession(
      command: command,
      environment: ["LANG": "C.UTF-8", "STOCKROOM_NOW": "2026-11-22T09:00:00Z"])
    defer { session.close() }
    try session.waitFor("Choose where to go")
    let terminal = WizardTerminal(session: session)
    try terminal.openAccount(search: "Fabrikam", name: "Fabrikam Health")
    let before = try session.waitForStableScreen()

    let serial = try store.freeSerial("Fabrikam Health")
    let deallocated = store.run([
      "deallocate", "hardware", "--account", "Fabrikam Health", "--serial", serial,
      "--disposition", "return", "--yes", "--store", store.url,
    ])
    try #require(deallocated.status == 0, "\(deallocated.output)")
    let committed = Date()
    let after = try session.waitUntil(timeout: 5, "the commit on screen") { $0 != before }
    let seconds = Date().timeIntervalSince(committed)
    #expect(seconds < 1, "shown after \(seconds) s")
    #expect(after.contains("Fabrikam Health"), "\(after)")
    #expect(!after.contains("Connection"), "\(after)")
  }

  @Test(arguments: ["db-committed", "db-written"])
  func aHeadlessCommandRerunWithTheSameKeyAfterItsConnectionDroppedAppliesOnce(point: String)
    throws
  {
    let store = try SharedStore()
    defer { store.remove() }
    let serial = try store.freeSerial("ACC-0002")
    let key = "rerun-\(point)"
    let command = [
      "deallocate", "hardware", "--account", "ACC-0002", "--serial", serial, "--disposition",
      "return", "--yes", "--key", key, "--store", store.url,
    ]
    // The process ends with its connection after COMMIT (applied, never reported) or before
    // it (nothing applied): either way its caller did not see the outcome.
    let dropped = store.run(command, extra: ["STOCKROOM_CRASH_AT": point])
    #expect(dropped.status == 134, "\(dropped.output)")
    let count = "SELECT count(*) FROM stockroom.ledger WHERE key = '\(key)'"
    #expect(try store.database.sql(count) == (point == "db-committed" ? "1" : "0"))

    let rerun = store.run(command)
    #expect(rerun.status == 0, "\(rerun.output)")
    #expect(try store.database.sql(count) == "1", "applied exactly once")
    let id = try store.database.sql(
      "SELECT transaction_id FROM stockroom.ledger WHERE key = '\(key)'")
    #expect(rerun.output.contains("Transaction ID: \(id)"), "\(rerun.output)")
    // A third run prints the same and applies nothing.
    let third = store.run(command)
    #expect(third.status == 0 && third.output == rerun.output, "\(third.output)")
    #expect(try store.database.sql(count) == "1")
    #expect(store.run(["verify", "--store", store.url]).status == 0)
  }
}
