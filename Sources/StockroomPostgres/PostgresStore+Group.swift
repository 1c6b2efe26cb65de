import StockroomDomain
import StockroomStore

extension PostgresStore {
  /// Commits a group (a returns session) in one SQL transaction: all or none.
  public func commitGroup(_ members: [GroupMember], key: String) throws(LedgerError)
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
