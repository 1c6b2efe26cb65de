import StockroomDomain

/// An older store brought up to this build's schema format at opening (`StoreSchema.upgrade`),
/// in one SQL transaction under the commit lock, so two sessions opening it at once upgrade it
/// once. Only the schema's owner may alter it: opened by another role, the store stays as it
/// is and says so (everything works but what the newer format allows: reversing a receive).
extension PostgresStore {
  /// The SQLSTATE of a statement the role may not run (ALTER by a role that is not the owner).
  static let insufficientPrivilege = "42501"

  func upgrade(from format: Int) throws(LedgerError) {
    do throws(DatabaseError) {
      try session.execute("BEGIN")
      try session.query("SELECT pg_advisory_xact_lock(\(StoreSchema.commitLock))")
      let rows = try session.query("SELECT value FROM stockroom.meta WHERE name = 'format'")
      let now = (try? rows.first?.decode(String.self)).flatMap { Int($0) } ?? format
      for statement in StoreSchema.upgrade(from: now) { try session.execute(statement) }
      try session.execute("COMMIT")
    } catch {
      session.rollback()
      guard case .refused(let state, _) = error, state == Self.insufficientPrivilege else {
        throw error.ledgerError(url)
      }
      warnings.append(
        "\(url.place): store format \(format) is older than this Stockroom's "
          + "(\(StoreSchema.format)) and only the owner of the schema stockroom may upgrade it: "
          + "open it once as that role; until then a receive cannot be reversed")
    }
  }
}
