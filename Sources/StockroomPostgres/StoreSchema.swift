import StockroomDomain

/// The schema `stockroom` of a database store (docs/DESIGN.md section 6): the ledger with
/// its chain guarded by the database, the tables that mirror the state under constraints, the
/// user map, and the reporting views. Written once here; `store init` runs it.
enum StoreSchema {
  /// The format of the schema, kept in `stockroom.meta`: 2 since a token may be `removed`
  /// (its receive reversed). An older store is brought up to it at opening (`upgrade`).
  static let format = 2
  /// The advisory lock every commit takes (`pg_advisory_xact_lock`): "Stockroo" in ASCII.
  static let commitLock: Int64 = 0x5374_6F63_6B72_6F6F
  /// The channel each commit notifies with its sequence number.
  static let channel = "stockroom"
  /// The token states the hardware state machine has (the CHECK on `stockroom.tokens`).
  static let tokenStates = TokenState.allCases.map(\.rawValue)

  /// The statements that make the schema, in order.
  static var statements: [String] {
    [
      "CREATE SCHEMA stockroom",
      """
      CREATE TABLE stockroom.meta (
        name text PRIMARY KEY,
        value text NOT NULL)
      """,
      // The ledger: one row a transaction, the record exactly as the file ledger's line.
      """
      CREATE TABLE stockroom.ledger (
        seq bigint PRIMARY KEY CHECK (seq > 0),
        prev bigint NOT NULL CHECK (prev BETWEEN 0 AND 4294967295),
        crc bigint NOT NULL CHECK (crc BETWEEN 0 AND 4294967295),
        key text NOT NULL UNIQUE,
        host text NOT NULL,
        transaction_id text NOT NULL UNIQUE,
        time timestamptz NOT NULL,
        action text NOT NULL,
        account text,
        "user" text NOT NULL,
        record text NOT NULL)
      """,
      // What each lookup finds a transaction under (IndexSubject): no scan of the ledger.
      """
      CREATE TABLE stockroom.ledger_subjects (
        kind text NOT NULL
          CHECK (kind IN ('account', 'serial', 'subscription', 'order', 'warehouse')),
        subject text NOT NULL,
        seq bigint NOT NULL,
        PRIMARY KEY (kind, subject, seq))
      """,
      // Gapless and chained: each record follows the last one, whoever inserts it.
      """
      CREATE FUNCTION stockroom.ledger_follows() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        last_seq bigint;
        last_crc bigint;
      BEGIN
        SELECT seq, crc INTO last_seq, last_crc FROM stockroom.ledger ORDER BY seq DESC LIMIT 1;
        IF NEW.seq <> COALESCE(last_seq, 0) + 1 OR NEW.prev <> COALESCE(last_crc, 0) THEN
          RAISE EXCEPTION 'stockroom.ledger: record % does not follow record % (gapless sequence and checksum chain)',
            NEW.seq, COALESCE(last_seq, 0) USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$
      """,
      """
      CREATE TRIGGER ledger_follows BEFORE INSERT ON stockroom.ledger
        FOR EACH ROW EXECUTE FUNCTION stockroom.ledger_follows()
      """,
      // Append-only for every role: no UPDATE, DELETE or TRUNCATE gets through.
      """
      CREATE FUNCTION stockroom.ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'stockroom.ledger is append-only: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$
      """,
      """
      CREATE TRIGGER ledger_no_change BEFORE UPDATE OR DELETE ON stockroom.ledger
        FOR EACH ROW EXECUTE FUNCTION stockroom.ledger_append_only()
      """,
      """
      CREATE TRIGGER ledger_no_truncate BEFORE TRUNCATE ON stockroom.ledger
        FOR EACH STATEMENT EXECUTE FUNCTION stockroom.ledger_append_only()
      """,
      // Every hardware token, one row by serial: a serial is in one place.
      """
      CREATE TABLE stockroom.tokens (
        serial text PRIMARY KEY,
        model text NOT NULL,
        state text NOT NULL CONSTRAINT tokens_state_check CHECK (state IN (\(stateList))),
        account text,
        container text NOT NULL,
        in_use boolean NOT NULL,
        ownership text NOT NULL CHECK (ownership IN ('owned', 'leased')),
        needs_pin boolean NOT NULL,
        sold boolean NOT NULL,
        CHECK ((state = 'allocated') = (account IS NOT NULL)),
        CHECK (NOT in_use OR state = 'allocated'))
      """,
      "CREATE INDEX tokens_by_account ON stockroom.tokens (account, model, serial)",
      // Quantities: the provider's stock (account '') by ownership/container, and each
      // account's Maximum and In Use per product (detail: rental, sale or a hardware model).
      """
      CREATE TABLE stockroom.stock (
        account text NOT NULL,
        product text NOT NULL,
        detail text NOT NULL,
        quantity bigint NOT NULL CHECK (quantity >= 0),
        in_use bigint NOT NULL CHECK (in_use >= 0),
        CHECK (in_use <= quantity),
        PRIMARY KEY (account, product, detail))
      """,
      """
      CREATE TABLE stockroom.users (
        os_user text PRIMARY KEY,
        uid bigint,
        employee text NOT NULL,
        may_act_as text NOT NULL DEFAULT '')
      """,
      """
      CREATE VIEW stockroom.transactions_by_day AS
        SELECT (time AT TIME ZONE 'UTC')::date AS day, "user", action,
          count(*) AS transactions
        FROM stockroom.ledger GROUP BY 1, 2, 3
      """,
      "CREATE VIEW stockroom.stock_by_product AS " + stockByProduct,
    ]
  }

  /// The token states as the CHECK lists them.
  private static var stateList: String {
    tokenStates.map { "'\($0)'" }.joined(separator: ", ")
  }

  /// What the provider and each account hold, by product and state; a removed token is
  /// held by no one.
  private static let stockByProduct = """
    SELECT model AS product, state, account, count(*) AS quantity
      FROM stockroom.tokens WHERE state <> 'removed' GROUP BY model, state, account
    UNION ALL
    SELECT product || CASE WHEN account = '' OR detail = '' THEN '' ELSE ' ' || detail END,
      CASE WHEN account = '' THEN 'available' ELSE 'allocated' END,
      NULLIF(account, ''), sum(quantity)::bigint
      FROM stockroom.stock WHERE product <> 'hardware' GROUP BY 1, 2, 3
    """

  /// The statements that bring a store of `format` up to this one, in order (none when it
  /// is this one). Format 1 → 2: the state CHECK takes `removed` and the view leaves removed
  /// tokens out. Run by the schema's owner, in one SQL transaction (`PostgresStore.upgrade`).
  static func upgrade(from format: Int) -> [String] {
    guard format < Self.format else { return [] }
    return [
      """
      ALTER TABLE stockroom.tokens DROP CONSTRAINT tokens_state_check,
        ADD CONSTRAINT tokens_state_check CHECK (state IN (\(stateList)))
      """,
      "CREATE OR REPLACE VIEW stockroom.stock_by_product AS " + stockByProduct,
      "UPDATE stockroom.meta SET value = '\(Self.format)' WHERE name = 'format'",
    ]
  }

  /// What the application role may do, and no more: read everything, append to the ledger,
  /// keep the mirror tables and the user map.
  static func grants(to role: String) -> [String] {
    let name = quoted(role)
    return [
      "GRANT USAGE ON SCHEMA stockroom TO \(name)",
      "GRANT SELECT, INSERT ON stockroom.ledger, stockroom.ledger_subjects TO \(name)",
      "GRANT SELECT, INSERT, UPDATE ON stockroom.tokens, stockroom.stock TO \(name)",
      "GRANT SELECT, INSERT, UPDATE, DELETE ON stockroom.users TO \(name)",
      """
      GRANT SELECT ON stockroom.meta, stockroom.transactions_by_day,
        stockroom.stock_by_product TO \(name)
      """,
    ]
  }

  /// An identifier in double quotes (a role name is checked before it gets here).
  static func quoted(_ name: String) -> String {
    "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
