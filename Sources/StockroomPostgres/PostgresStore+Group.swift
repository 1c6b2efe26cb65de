import StockroomDomain
import StockroomStore

extension PostgresStore {
  /// Commits a group (a returns session) in one SQL transaction: all or none. See
  /// `InventoryLedger.commitGroup`.
  public func commitGroup(_ members: [GroupMember], key: String) throws(LedgerError)
    -> [CommitResult]
  {
    do throws(LedgerError) {
      return try commitAll(CommitRequest.group(members, key: key))
    } catch .refused(let error) {
      throw groupConflict(members, refused: .refused(error))
    } catch .conflict(let text) {
      throw groupConflict(members, refused: .conflict(text))
    }
  }
}
