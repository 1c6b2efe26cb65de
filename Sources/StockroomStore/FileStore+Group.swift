import StockroomDomain

extension FileStore {
  /// Commits a group (a returns session) as one group record: all or none, a torn tail
  /// included. See `InventoryLedger.commitGroup`.
  public func commitGroup(_ members: [GroupMember], key: String) throws(StoreError)
    -> [CommitResult]
  {
    do throws(LedgerError) {
      return try commitAll(CommitRequest.group(members, key: key), asGroup: true)
    } catch .refused(let error) {
      throw groupConflict(members, refused: .refused(error))
    } catch .conflict(let text) {
      throw groupConflict(members, refused: .conflict(text))
    }
  }
}

extension CommitRequest {
  /// The requests of a group committed under `key`, one per member.
  public static func group(_ members: [GroupMember], key: String) -> [CommitRequest] {
    members.enumerated().map { index, member in
      CommitRequest(
        command: member.command, context: member.context,
        key: GroupMember.key(key, member: index))
    }
  }
}
