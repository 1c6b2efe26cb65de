import StockroomDomain

extension FileStore {
  /// Commits a group (a returns session) all or none: see `InventoryLedger.commitGroup`.
  public func commitGroup(_ members: [GroupMember], key: String) throws(StoreError)
    -> [CommitResult]
  {
    try commitAll(
      members.enumerated().map { index, member in
        CommitRequest(
          command: member.command, context: member.context,
          key: GroupMember.key(key, member: index))
      })
  }
}
