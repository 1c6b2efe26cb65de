import Foundation
import StockroomDomain
import StockroomStore
import TestSupport
import Testing

@testable import StockroomPostgres

/// A store of either kind holding the demo data (or nothing), opened as often as a test needs
/// sessions: a data directory, or a database of the test's own with `store init` run in it
/// (its application role named after the database, so parallel tests do not share one).
final class StoreUnderTest {
  let kind: StoreKind
  let directory: URL
  let database: TestDatabase?
  let url: PostgresURL?
  let role: String

  /// `initialised` false: a database with no store in it (what `store migrate` copies into).
  /// `seed`, `now` and `serialsPerWrite` are the demo's (another demo, a fixed clock, a demo
  /// written in parts).
  init(
    _ kind: StoreKind, demoTokens: Int? = 200, seed: UInt64 = 1, now: Date? = nil,
    serialsPerWrite: Int? = nil, initialised: Bool = true
  ) throws {
    try kind.requireAvailable()
    self.kind = kind
    directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "stockroom-both-\(UUID().uuidString)")
    switch kind {
    case .file:
      database = nil
      url = nil
      role = ""
      if let demoTokens {
        _ = try FileStore.createDemo(
          at: directory, seed: seed, tokens: demoTokens, now: now,
          serialsPerWrite: serialsPerWrite ?? FileStore.demoSerialsPerWrite)
      }
    case .postgres:
      let database = try TestDatabase()
      self.database = database
      let url = try PostgresURL(parsing: database.url())
      self.url = url
      role = database.name + "_app"
      guard initialised else { return }
      try StoreSetup.initialize(url, role: role)
      if let demoTokens {
        _ = try PostgresStore.createDemo(
          url, options: options, seed: seed, tokens: demoTokens, now: now,
          serialsPerWrite: serialsPerWrite ?? PostgresStore.demoSerialsPerWrite)
      }
    }
  }

  var options: PostgresStore.Options { PostgresStore.Options(dataDirectory: directory) }

  /// A new session on the store; `fromSnapshot` false replays the whole ledger (the data
  /// directory's snapshot, or this machine's local snapshot of the database, left unread).
  func open(fromSnapshot: Bool = true) throws -> any LedgerStore {
    switch kind {
    case .file:
      var options = FileStore.Options()
      options.useSnapshot = fromSnapshot
      return try FileStore.open(at: directory, options: options)
    case .postgres:
      var options = options
      options.useCache = fromSnapshot
      return try PostgresStore.open(try databaseURL(), options: options)
    }
  }

  /// Two sessions on the store and the first `count` unused serials of `account` (the test
  /// fails when there are fewer): the set-up of a test of what one session sees of another.
  func sessions(
    free count: Int = 1, account: String = "ACC-0002",
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> (first: any LedgerStore, second: any LedgerStore, free: [String]) {
    let first = try open()
    let free = Array(Self.freeSerials(first.state, account: account).prefix(count))
    try #require(
      free.count == count, "\(account) has too few unused serials", sourceLocation: sourceLocation)
    return (first, try open(), free)
  }

  /// What `stockroom verify` reports of the store (nothing: it is sound).
  func verify() throws -> [String] {
    switch kind {
    case .file: return try FileStore.verify(at: directory)
    case .postgres: return try PostgresStore.verify(try databaseURL(), options: options)
    }
  }

  /// How many writes hold the ledger: lines of the file ledger, or SQL transactions that
  /// inserted its rows (a group commit is one of either).
  func writes() throws -> Int {
    switch kind {
    case .file:
      let ledger = try Data(contentsOf: directory.appendingPathComponent("ledger.jsonl"))
      return ledger.filter { $0 == 10 }.count
    case .postgres:
      let count = try database?.sql("SELECT count(DISTINCT xmin::text) FROM stockroom.ledger")
      return Int(count ?? "") ?? -1
    }
  }

  /// The arguments that name this store to the `stockroom` executable.
  var arguments: [String] {
    (database.map { ["--store", $0.url()] } ?? []) + ["--data-dir", directory.path]
  }

  /// Writes a snapshot of a session's state: the data directory's, or this machine's local
  /// snapshot of the database.
  static func writeSnapshot(_ session: any LedgerStore) throws {
    try (session as? FileStore)?.writeSnapshot()
    try (session as? PostgresStore)?.writeSnapshot()
  }

  private func databaseURL() throws -> PostgresURL {
    guard let url else { throw TestDatabase.Failure("no database") }
    return url
  }

  func remove() {
    try? FileManager.default.removeItem(at: directory)
    database?.drop()
    if let database { database.dropRole(role) }
  }

  /// Unused tokens of an account, in serial order.
  static func freeSerials(_ state: InventoryState, account: String = "ACC-0002") -> [String] {
    guard let index = state.accountIndex(account) else { return [] }
    return state.tokenIndices(account: index).map { state.tokens[$0] }.filter {
      !$0.inUse && $0.state == .allocated
    }.map(\.serial).sorted()
  }

  static func deallocate(_ serials: [String], account: String = "ACC-0002") -> Command {
    .deallocateHardware(account: account, serials: serials, disposition: .return, container: nil)
  }

  static let context = TransactionContext(user: "tester", uid: 4242, comment: "contract test")
}
