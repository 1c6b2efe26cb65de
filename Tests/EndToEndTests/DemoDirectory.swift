import Foundation
import TestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// A fresh demo store for one test and the built binary run against it, on either store: the
/// file store in a data directory of its own, or a database of its own (`store init`, then
/// `demo`) beside a data directory that holds this machine's files (drafts, the snapshot
/// cache, the outbox, receipts). Every `run` and every terminal opened with `command` and
/// `terminalEnvironment` uses that store.
struct DemoDirectory {
  let path: String
  let kind: StoreKind
  /// The database holding the store; nil on the file store.
  let database: TestDatabase?

  static let now = "2026-11-22T09:00:00Z"

  /// The demo data on `kind`'s store; throws (cancelling the test) when it cannot be had here.
  init(_ kind: StoreKind = .file) throws {
    try kind.requireAvailable()
    self.kind = kind
    path = NSTemporaryDirectory() + "stockroom-twins-\(getpid())-\(UUID().uuidString)"
    database = kind == .postgres ? try TestDatabase() : nil
    if let database {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
      let role = database.name + "_app"
      let made = run(["store", "init", "--store", database.url(), "--app-role", role, "--yes"])
      guard made.status == 0 else {
        remove()
        throw E2EError("store init failed: \(made.output)")
      }
    }
    let made = run(["demo"])
    guard made.status == 0, kind == .file || ledgerSize == -1 else {
      remove()
      throw E2EError("demo failed, or wrote a ledger file beside a database: \(made.output)")
    }
  }

  /// The environment of a headless run: the data directory, the clock and the store.
  var environment: [String: String] {
    var env = ProcessInfo.processInfo.environment
    env["STOCKROOM_DATA_DIR"] = path
    env["STOCKROOM_NOW"] = Self.now
    env["STOCKROOM_STORE"] = database?.url()
    return env
  }

  /// The variables a terminal session exports: a UTF-8 locale, the clock and the store.
  var terminalEnvironment: [String: String] {
    var env = ["LANG": "C.UTF-8", "STOCKROOM_NOW": Self.now]
    env["STOCKROOM_STORE"] = database?.url()
    return env
  }

  /// `stockroom --data-dir PATH ARGUMENTS` as one quoted shell command, for a tmux pane
  /// started with `terminalEnvironment`.
  func command(_ arguments: [String] = []) -> String {
    ([Binary.path, "--data-dir", path] + arguments).map(TmuxSession.quote)
      .joined(separator: " ")
  }

  /// How the home screen begins to name where the data is: `Store` and the database's URL
  /// (never with a password), or `Data` and the data directory.
  var homeLocation: String {
    guard let url = database.flatMap({ URLComponents(string: $0.url()) }), let user = url.user,
      let host = url.host
    else { return "Data     " + path.prefix(40) }
    return "Store    postgresql://\(user)@\(host)"
  }

  @discardableResult
  func run(_ arguments: [String]) -> Spawn.Result {
    Spawn.run([Binary.path] + arguments, environment: environment)
  }

  /// Removes the data directory and, on the database store, the database and its role.
  func remove() {
    try? FileManager.default.removeItem(atPath: path)
    if let database {
      database.drop()
      database.dropRole(database.name + "_app")
    }
  }

  /// The ledger file's size (the file store only; -1 without one).
  var ledgerSize: Int {
    let attributes = try? FileManager.default.attributesOfItem(atPath: path + "/ledger.jsonl")
    return (attributes?[.size] as? NSNumber)?.intValue ?? -1
  }

  /// What the store has written, to compare before and after a command that must write
  /// nothing: the ledger file's size on the file store, the whole log on the database.
  var written: String {
    kind == .file ? String(ledgerSize) : run(["log", "--json"]).output
  }

  /// Every JSON object printed, one a line.
  func objects(_ arguments: [String]) -> [[String: Any]] {
    run(arguments).output.split(separator: "\n").compactMap { line in
      try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
    }
  }

  /// Serials of an account's allocated tokens, in use or not.
  func serials(account: String, inUse: Bool) -> [String] {
    objects(["tokens", "--account", account, "--json"]).filter {
      ($0["inUse"] as? Bool) == inUse && ($0["state"] as? String) == "allocated"
    }.compactMap { $0["serial"] as? String }
  }

  /// An account's allocated, unused tokens of one model, in serial order.
  func freeSerials(account: String, model: String) -> [String] {
    objects(["tokens", "--account", account, "--json"]).filter {
      $0["model"] as? String == model && $0["state"] as? String == "allocated"
        && $0["inUse"] as? Bool == false
    }.compactMap { $0["serial"] as? String }.sorted()
  }

  /// An allocation-table column of an account as (maximum, available).
  func column(_ account: String, _ title: String) -> (maximum: Int, available: Int)? {
    guard let table = objects(["allocation", "--account", account, "--json"]).first,
      let columns = table["columns"] as? [[String: Any]],
      let cell = columns.first(where: { ($0["column"] as? String) == title }),
      let maximum = cell["maximum"] as? Int, let available = cell["available"] as? Int
    else { return nil }
    return (maximum, available)
  }

  func token(_ serial: String) -> [String: Any]? {
    objects(["tokens", "--serial", serial, "--json"]).first
  }

  func lastTransaction() -> [String: Any]? { objects(["log", "--json"]).last }
}
