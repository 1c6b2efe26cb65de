import Foundation
import PostgresNIO
import StockroomDomain

/// `stockroom store init`: the schema `stockroom` made in a database that holds no store, the
/// application role created when missing (LOGIN, no password of its own) and granted what it
/// needs and no more, all in one SQL transaction. `plan` says it in words first.
public enum StoreSetup {
  public static let defaultRole = "stockroom_app"
  /// The SQLSTATE of CREATE SCHEMA on a schema that exists.
  static let duplicateSchema = "42P06"

  /// A role name this accepts: a plain lower-case SQL identifier of at most 63 bytes.
  public static func isValidRole(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, name.utf8.count <= 63 else { return false }
    return (first == "_" || ("a"..."z").contains(first))
      && name.unicodeScalars.allSatisfy {
        $0 == "_" || ("a"..."z").contains($0) || ("0"..."9").contains($0)
      }
  }

  /// What `store init` would do, one line each.
  public static func plan(_ url: PostgresURL, role: String) -> [String] {
    [
      "In \(url.place):",
      "  create the schema stockroom: the ledger (append-only, chained, gapless), "
        + "ledger_subjects, tokens, stock, users, meta",
      "  and the reporting views transactions_by_day and stock_by_product;",
      "  create the role \(role) (LOGIN, no password) unless it exists;",
      "  grant \(role): USAGE on the schema; SELECT, INSERT on ledger and ledger_subjects; "
        + "SELECT, INSERT, UPDATE on tokens and stock; SELECT, INSERT, UPDATE, DELETE on "
        + "users; SELECT on meta and the views. No UPDATE, DELETE or TRUNCATE on the ledger.",
    ]
  }

  /// True when the database holds a store (the schema `stockroom` exists).
  static func holdsStore(_ session: DatabaseSession) throws(DatabaseError) -> Bool {
    let rows = try session.query(
      "SELECT 1 FROM pg_namespace WHERE nspname = 'stockroom'")
    return !rows.isEmpty
  }

  /// Creates the store; `.notEmpty` when the database already holds one (nothing changed).
  /// Returns whether the role was created (false: it existed and was only granted).
  @discardableResult
  public static func initialize(
    _ url: PostgresURL, role: String = defaultRole,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(LedgerError) -> Bool {
    let session = DatabaseSession(url: url, environment: environment)
    defer { session.close() }
    do throws(DatabaseError) {
      try session.execute("BEGIN")
      let created = try create(in: session, role: role)
      try session.execute("COMMIT")
      return created
    } catch {
      throw refusal(error, url)
    }
  }

  /// Makes the schema, the role and its grants in the SQL transaction `session` has begun;
  /// refused (SQLSTATE 42P06, see `refusal`) when the database already holds a store.
  /// Returns whether the role was created.
  static func create(in session: DatabaseSession, role: String) throws(DatabaseError) -> Bool {
    if try holdsStore(session) {
      // CREATE SCHEMA below would refuse it too; this says so before anything is tried.
      throw DatabaseError.refused(sqlState: duplicateSchema, message: "")
    }
    // A record's checksum covers its bytes: they must come back exactly as written.
    let encoding = try session.query(
      "SELECT pg_encoding_to_char(encoding) FROM pg_database WHERE datname = current_database()")
    if let row = encoding.first, let name = try? row.decode(String.self), name != "UTF8" {
      throw DatabaseError.refused(
        sqlState: "22023",
        message: "the database's encoding is \(name); a store needs UTF8 "
          + "(CREATE DATABASE ... ENCODING 'UTF8')")
    }
    for statement in StoreSchema.statements { try session.execute(statement) }
    try session.query(
      """
      INSERT INTO stockroom.meta (name, value) VALUES
        ('format', \(String(StoreSchema.format))), ('store_id', \(UUID().uuidString.lowercased())),
        ('created', \(ISO8601DateFormatter().string(from: Date())))
      """)
    let exists = try !session.query("SELECT 1 FROM pg_roles WHERE rolname = \(role)").isEmpty
    if !exists { try session.execute("CREATE ROLE \(StoreSchema.quoted(role)) LOGIN") }
    for grant in StoreSchema.grants(to: role) { try session.execute(grant) }
    return !exists
  }

  /// A failure of `create` as the ledger says it: a store already there is `.notEmpty`.
  static func refusal(_ error: DatabaseError, _ url: PostgresURL) -> LedgerError {
    if case .refused(let state, _) = error, state == duplicateSchema { return .notEmpty(url.place) }
    return error.ledgerError(url)
  }

  /// How many transactions the store in the database holds; nil when it holds no store (the
  /// one target `store migrate` copies into).
  public static func transactions(
    in url: PostgresURL, environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(LedgerError) -> Int? {
    let session = DatabaseSession(url: url, environment: environment)
    defer { session.close() }
    let rows: [PostgresRow]
    do throws(DatabaseError) {
      guard try holdsStore(session) else { return nil }
      rows = try session.query("SELECT coalesce(max(seq), 0) FROM stockroom.ledger")
    } catch {
      throw error.ledgerError(url)
    }
    do {
      return Int(try rows.first?.decode(Int64.self) ?? 0)
    } catch {
      throw .unavailable("stockroom.ledger: a row cannot be read: \(error)")
    }
  }
}
