import Foundation
import TestSupport
import Testing

/// The same binary on both stores: `store init`, the demo data, a deallocation committed with
/// `--key` (and run again with it: the first result, nothing applied), then `log --json`,
/// `show --json` and `verify` print the same on the file store and on PostgreSQL for the same
/// history. Usage errors in a store URL exit 2 naming what is wrong.
@Suite(.postgres) struct StoreOptionTests {
  /// One history on one store: the printed outputs to compare.
  struct History: Equatable {
    var deallocated: String
    var rerun: String
    var log: String
    var show: String
    var verify: String
    var transactions: Int
  }

  static let now = "2026-11-22T09:00:00Z"

  static func environment(_ directory: String) -> [String: String] {
    var env = ProcessInfo.processInfo.environment
    env["STOCKROOM_DATA_DIR"] = directory
    env["STOCKROOM_NOW"] = now
    env["STOCKROOM_STORE"] = nil
    return env
  }

  /// Runs the history with `store` (nil: the data directory's file store).
  static func history(store: [String]) throws -> History {
    let directory = NSTemporaryDirectory() + "stockroom-both-e2e-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let env = environment(directory)
    func run(_ arguments: [String]) -> Spawn.Result {
      Spawn.run([Binary.path] + arguments + store, environment: env)
    }
    let demo = run(["demo"])
    try #require(demo.status == 0, "\(demo.output)")
    let tokens = run(["tokens", "--account", "ACC-0002", "--json"]).output
    let serial = try #require(
      tokens.split(separator: "\n").compactMap { line -> String? in
        guard
          let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
          (object["inUse"] as? Bool) == false, (object["state"] as? String) == "allocated"
        else { return nil }
        return object["serial"] as? String
      }.first)
    let command = [
      "deallocate", "hardware", "--account", "ACC-0002", "--serial", serial, "--disposition",
      "return", "--yes", "--key", "e2e-\(serial)",
    ]
    let first = run(command)
    try #require(first.status == 0, "\(first.output)")
    let rerun = run(command)
    let log = run(["log", "--json"])
    let id = first.output.replacingOccurrences(of: "Transaction ID: ", with: "")
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let show = run(["show", id, "--json"])
    let verify = run(["verify"])
    #expect(verify.status == 0, "\(verify.output)")
    return History(
      deallocated: first.output, rerun: "\(rerun.status) " + rerun.output, log: log.output,
      show: show.output, verify: verify.output,
      transactions: log.output.split(separator: "\n").count)
  }

  @Test func aDeallocationPrintsTheSameOnBothStores() throws {
    let database = try TestDatabase()
    defer {
      database.drop()
      database.dropRole(database.name + "_app")
    }
    let url = database.url()
    let initialised = Spawn.run(
      [
        Binary.path, "store", "init", "--store", url, "--app-role", database.name + "_app", "--yes",
      ],
      environment: Self.environment(NSTemporaryDirectory()))
    try #require(initialised.status == 0, "\(initialised.output)")
    let onFiles = try Self.history(store: [])
    let onDatabase = try Self.history(store: ["--store", url])
    #expect(onDatabase == onFiles)
    // The rerun printed the first result and applied nothing.
    #expect(onFiles.rerun == "0 " + onFiles.deallocated)
    #expect(onFiles.log.contains("\"key\":\"e2e-"))
    let keyed = onDatabase.log.split(separator: "\n").filter { $0.contains("\"key\":\"e2e-") }
    #expect(keyed.count == 1)
  }

  @Test func aSecondStoreInitIsRefusedAndTheAppRoleIsLeastPrivileged() throws {
    let database = try TestDatabase()
    let role = database.name + "_app"
    defer {
      database.drop()
      database.dropRole(role)
    }
    let env = Self.environment(NSTemporaryDirectory())
    let plan = Spawn.run(
      [Binary.path, "store", "init", "--store", database.url(), "--app-role", role],
      environment: env)
    #expect(plan.status == 0 && plan.output.contains("Nothing written"), "\(plan.output)")
    #expect(
      try database.sql("SELECT count(*) FROM pg_namespace WHERE nspname = 'stockroom'") == "0")
    let command = [Binary.path, "store", "init", "--app-role", role, "--yes"]
    var withStore = env
    withStore["STOCKROOM_STORE"] = database.url()
    #expect(Spawn.run(command, environment: withStore).status == 0)
    let again = Spawn.run(command, environment: withStore)
    #expect(again.status == 1, "\(again.output)")
    #expect(again.output.contains("already holds a store"), "\(again.output)")
  }

  @Test(arguments: [
    ("mysql://u@h/d", "starts with postgresql://"),
    ("postgresql://h/d", "names no user"),
    ("postgresql://u:Pw-Secret@h:70000/d", "port must be"),
    ("postgresql://u@h/d?sslmode=maybe", "sslmode must be"),
  ])
  func aBadStoreURLIsAUsageError(url: String, expected: String) {
    let result = Spawn.run(
      [Binary.path, "log", "--store", url], environment: Self.environment(NSTemporaryDirectory()))
    #expect(result.status == 2, "\(result.output)")
    #expect(result.output.contains(expected), "\(result.output)")
    #expect(!result.output.contains("Pw-Secret"), "\(result.output)")
  }

  @Test func anUnreachableServerExitsFourWithOneLine() {
    let result = Spawn.run(
      [
        Binary.path, "log", "--store",
        "postgresql://u:Pw-Secret@127.0.0.1:1/nowhere?sslmode=disable",
      ], environment: Self.environment(NSTemporaryDirectory()))
    #expect(result.status == 4, "\(result.output)")
    #expect(result.output.split(separator: "\n").count == 1, "\(result.output)")
    #expect(result.output.contains("127.0.0.1:1"), "\(result.output)")
    #expect(!result.output.contains("Pw-Secret"), "\(result.output)")
  }
}
