/// A group commit refused because another session took some of its serials meanwhile: the
/// conflict names each serial and the transaction (and user) that took it. Shared by every
/// store, so the message is the same whichever keeps the ledger.
extension InventoryLedger {
  /// The conflict for `members` refused with `error` on the state as it is now, or `error`
  /// itself when none of their serials was taken (the refusal is then about something else).
  public func groupConflict(_ members: [GroupMember], refused error: LedgerError) -> LedgerError {
    var taken: [String] = []
    for member in members {
      guard case .returnHardware(let account, let returns) = member.command,
        let holder = state.accountIndex(account)
      else { continue }
      for serial in returns.flatMap(\.serials)
      where state.token(serial: serial)?.isDeallocatable(from: holder) != true {
        taken.append(serial)
      }
    }
    guard !taken.isEmpty else { return error }
    let named = taken.prefix(10).map { serial in
      let shown = TextRules.neutralised(serial)
      guard let last = (try? transactions(serial: serial))?.last else { return shown }
      return "\(shown) (taken by \(last.transactionId), \(TextRules.neutralised(last.user)))"
    }
    let more = taken.count > 10 ? " and \(taken.count - 10) more" : ""
    return .conflict(
      "another session took " + named.joined(separator: ", ") + more
        + " meanwhile; nothing of this session was written")
  }
}
