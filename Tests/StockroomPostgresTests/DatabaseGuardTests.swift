import Foundation
import StockroomDomain
import StockroomStore
import TestSupport
import Testing

@testable import StockroomPostgres

/// What the database itself guards, whichever client or role: the ledger is append-only, a
/// serial is in one place, the constraints hold, a store is initialised once, `verify` finds
/// a mirror table that differs from the ledger, and a server that cannot be reached is one
/// line naming where, never the password.
@Suite(.postgres) struct DatabaseGuardTests {
  /// `psql`'s error names the SQLSTATE (VERBOSITY verbose): `ERROR:  42501: …`.
  static func failure(_ body: () throws -> Void) -> String {
    do {
      try body()
      return ""
    } catch {
      return String(describing: error)
    }
  }

  @Test func theAppRoleCannotUpdateDeleteOrTruncateTheLedger() throws {
    let store = try StoreUnderTest(.postgres, demoTokens: 20)
    defer { store.remove() }
    let database = try #require(store.database)
    for statement in [
      "UPDATE stockroom.ledger SET host = 'x' WHERE seq = 1",
      "DELETE FROM stockroom.ledger WHERE seq = 1",
      "TRUNCATE stockroom.ledger",
    ] {
      let text = Self.failure { try database.sql(statement, as: store.role) }
      #expect(text.contains("42501"), "\(statement) as the app role: \(text)")
      // The owner (a superuser here) is refused by the trigger.
      let owner = Self.failure { try database.sql(statement) }
      #expect(owner.contains("append-only"), "\(statement) as the owner: \(owner)")
    }
    // The app role reads and appends what a commit needs.
    #expect(try database.sql("SELECT count(*) FROM stockroom.ledger", as: store.role) != "0")
    #expect(try StoreUnderTest.openAs(store, role: store.role).lastSequence > 0)
  }

  @Test func aSerialAlreadyThereIsAUniqueViolationForEveryRole() throws {
    let store = try StoreUnderTest(.postgres, demoTokens: 20)
    defer { store.remove() }
    let database = try #require(store.database)
    let serial = try database.sql("SELECT serial FROM stockroom.tokens ORDER BY serial LIMIT 1")
    let insert = """
      INSERT INTO stockroom.tokens
        (serial, model, state, account, container, in_use, ownership, needs_pin, sold)
      VALUES ('\(serial)', 'RB-1', 'available', NULL, 'MAIN', false, 'owned', false, false)
      """
    for role in [nil, store.role] {
      let text = Self.failure { try database.sql(insert, as: role) }
      #expect(text.contains("23505"), "as \(role ?? "the owner"): \(text)")
    }
  }

  @Test func theConstraintsRefuseWhatTheStateMachineCannotBe() throws {
    let store = try StoreUnderTest(.postgres, demoTokens: 20)
    defer { store.remove() }
    let database = try #require(store.database)
    for statement in [
      "UPDATE stockroom.tokens SET state = 'borrowed' WHERE serial = (SELECT min(serial) FROM stockroom.tokens)",
      "UPDATE stockroom.tokens SET in_use = true, state = 'available', account = NULL WHERE serial = (SELECT min(serial) FROM stockroom.tokens)",
      "UPDATE stockroom.stock SET quantity = -1 WHERE account = ''",
      "UPDATE stockroom.stock SET in_use = quantity + 1 WHERE account <> ''",
    ] {
      let text = Self.failure { try database.sql(statement, as: store.role) }
      #expect(text.contains("23514"), "\(statement): \(text)")
    }
    // A record that does not follow the last one is refused by the database.
    let text = Self.failure {
      try database.sql(
        """
        INSERT INTO stockroom.ledger (seq, prev, crc, key, host, transaction_id, time, action,
          "user", record)
        VALUES (1000, 0, 0, 'gap', 'h', 'T001000', now(), 'define', 'u', '{}')
        """)
    }
    #expect(text.contains("does not follow"), "\(text)")
  }

  @Test func aSecondInitIsRefused() throws {
    let store = try StoreUnderTest(.postgres, demoTokens: nil)
    defer { store.remove() }
    let url = try #require(store.url)
    #expect(throws: LedgerError.self) { try StoreSetup.initialize(url, role: store.role) }
    do {
      try StoreSetup.initialize(url, role: store.role)
    } catch {
      guard case .notEmpty = error else {
        Issue.record("expected notEmpty, got \(error)")
        return
      }
    }
  }

  @Test func verifyComparesTheMirrorTablesWithTheLedger() throws {
    let store = try StoreUnderTest(.postgres)
    defer { store.remove() }
    let url = try #require(store.url)
    let ledger = try store.open()
    let serial = try #require(StoreUnderTest.freeSerials(ledger.state).first)
    _ = try ledger.commit(
      StoreUnderTest.deallocate([serial]), context: StoreUnderTest.context, key: "v")
    #expect(try PostgresStore.verify(url, options: store.options) == [])
    let database = try #require(store.database)
    try database.sql(
      "UPDATE stockroom.tokens SET container = 'ELSEWHERE' WHERE serial = '\(serial)'")
    try database.sql(
      "UPDATE stockroom.stock SET quantity = quantity + 1 WHERE account = 'ACC-0002' AND product = 'hardware' AND detail = 'RB-1'"
    )
    try database.sql("DELETE FROM stockroom.ledger_subjects WHERE subject = '\(serial)'")
    let problems = try PostgresStore.verify(url, options: store.options)
    #expect(problems.contains { $0.contains("stockroom.tokens: serial \(serial)") }, "\(problems)")
    #expect(
      problems.contains { $0.contains("stockroom.stock: ACC-0002 hardware RB-1") }, "\(problems)")
    #expect(problems.contains { $0.contains("stockroom.ledger_subjects") }, "\(problems)")
  }

  @Test func aSessionWhoseBackendWasEndedReconnectsAndItsKeySettlesTheRetry() throws {
    let store = try StoreUnderTest(.postgres)
    defer { store.remove() }
    let database = try #require(store.database)
    let ledger = try store.open()
    let serials = StoreUnderTest.freeSerials(ledger.state)
    try #require(serials.count >= 2)
    for (round, serial) in serials.prefix(2).enumerated() {
      try database.sql(
        """
        SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid()
        """)
      let key = "after-terminate-\(round)"
      let command = StoreUnderTest.deallocate([serial])
      do {
        _ = try ledger.commit(command, context: StoreUnderTest.context, key: key)
      } catch {
        guard case .unavailable(let text) = error else {
          Issue.record("expected the connection lost, got \(error)")
          return
        }
        #expect(error.exitCode == 4 && !text.contains("\n"), "\(text)")
        _ = try ledger.commit(command, context: StoreUnderTest.context, key: key)
      }
      let count = try database.sql("SELECT count(*) FROM stockroom.ledger WHERE key = '\(key)'")
      #expect(count == "1")
      #expect(ledger.state.token(serial: serial)?.state == .available)
    }
    #expect(try PostgresStore.verify(try #require(store.url), options: store.options) == [])
  }

  @Test func theReportingViewsAddUpToTheLedgerAndTheState() throws {
    let store = try StoreUnderTest(.postgres)
    defer { store.remove() }
    let database = try #require(store.database)
    let ledger = try store.open()
    let byDay = try database.sql(
      "SELECT sum(transactions) FROM stockroom.transactions_by_day", as: store.role)
    #expect(byDay == String(ledger.lastSequence))
    let models = ledger.state.models.map { "'\($0)'" }.joined(separator: ", ")
    let hardware = try database.sql(
      "SELECT sum(quantity) FROM stockroom.stock_by_product WHERE product IN (\(models))",
      as: store.role)
    #expect(hardware == String(ledger.state.tokens.count))
    let index = try #require(ledger.state.accountIndex("ACC-0002"))
    let allocated = ledger.state.tokenIndices(account: index).count
    let held = try database.sql(
      """
      SELECT sum(quantity) FROM stockroom.stock_by_product
      WHERE account = 'ACC-0002' AND state = 'allocated' AND product IN (\(models))
      """, as: store.role)
    #expect(held == String(allocated))
    let capacity = ledger.state.accounts[index].holding(.capacity).maximum
    let software = try database.sql(
      """
      SELECT quantity FROM stockroom.stock_by_product
      WHERE account = 'ACC-0002' AND product = 'capacity'
      """, as: store.role)
    #expect(software == String(capacity))
  }

  @Test func anUnreachableServerIsOneLineNamingWhereNeverThePassword() throws {
    // A port nothing listens on: bind one, note it, close it.
    let url = try PostgresURL(
      parsing:
        "postgresql://someone:Hush-Secret@127.0.0.1:\(Self.closedPort())/nowhere?sslmode=disable")
    do {
      _ = try PostgresStore.open(
        url, options: PostgresStore.Options(dataDirectory: URL(fileURLWithPath: "/tmp")))
      Issue.record("opened a store on a closed port")
    } catch {
      guard case .unavailable(let text) = error else {
        Issue.record("expected unavailable, got \(error)")
        return
      }
      #expect(error.exitCode == 4)
      #expect(text.contains("127.0.0.1:\(url.port)") && text.contains("nowhere"), "\(text)")
      #expect(!text.contains("Hush-Secret"), "\(text)")
      #expect(!text.contains("\n"), "\(text)")
    }
  }

  @Test func aBackupIsAFileStoreWithTheSameRecords() throws {
    let store = try StoreUnderTest(.postgres, demoTokens: 50)
    defer { store.remove() }
    let ledger = try store.open()
    let target = store.directory.appendingPathComponent("backup")
    try ledger.backup(to: target, progress: nil)
    let copy = try FileStore.open(at: target)
    var original: [Transaction] = []
    try ledger.forEachTransaction {
      original.append($0)
      return true
    }
    var copied: [Transaction] = []
    try copy.forEachTransaction {
      copied.append($0)
      return true
    }
    #expect(copied == original)
    #expect(copy.state.accounts == ledger.state.accounts)
    #expect(try copy.userMap() == ledger.userMap())
    #expect(try FileStore.verify(at: target) == [])
  }

  static func closedPort() -> Int {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(socket) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(socket, $0, length)
        return getsockname(socket, $0, &length)
      }
    }
    return Int(UInt16(bigEndian: address.sin_port))
  }
}

extension StoreUnderTest {
  /// A session as another role of the same database.
  static func openAs(_ store: StoreUnderTest, role: String) throws -> PostgresStore {
    guard var url = store.url else { throw TestDatabase.Failure("no database") }
    url.user = role
    return try PostgresStore.open(url, options: store.options)
  }
}
