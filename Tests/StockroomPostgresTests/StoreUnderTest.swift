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
  init(_ kind: StoreKind, demoTokens: Int? = 200, initialised: Bool = true) throws {
    try kind.requireAvailable()
    self.kind = kind
    directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "stockroom-both-\(UUID().uuidString)")
    switch kind {
    case .file:
      database = nil
      url = nil
      role = ""
      if let demoTokens { _ = try FileStore.createDemo(at: directory, tokens: demoTokens) }
    case .postgres:
      let database = try TestDatabase()
      self.database = database
      let url = try PostgresURL(parsing: database.url())
      self.url = url
      role = database.name + "_app"
      guard initialised else { return }
      try StoreSetup.initialize(url, role: role)
      if let demoTokens {
        _ = try PostgresStore.createDemo(url, options: options, tokens: demoTokens)
      }
    }
  }

  var options: PostgresStore.Options { PostgresStore.Options(dataDirectory: directory) }

  /// A new session on the store.
  func open() throws -> any LedgerStore {
    switch kind {
    case .file: return try FileStore.open(at: directory)
    case .postgres:
      guard let url else { throw TestDatabase.Failure("no database") }
      return try PostgresStore.open(url, options: options)
    }
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
