/// Why a ledger could not do what was asked, in words any store can give: the file store
/// throws these (as `StoreError`), and so would a database store.
public enum LedgerError: Error, Sendable, CustomStringConvertible {
  /// The ledger cannot be opened or read: damaged, locked out, newer format, unreachable.
  case unavailable(String)
  /// The command breaks a rule.
  case refused(DomainError)
  /// Another session changed what the command depended on; nothing was written.
  case conflict(String)
  /// The place a new ledger was to be made already holds one, and replacing it was not asked.
  case notEmpty(String)
  /// The write did not become durable (disk full, I/O error); nothing was committed.
  case commitFailed(String)

  public var description: String { message }

  /// One line naming what is wrong.
  public var message: String {
    switch self {
    case .unavailable(let text): return text
    case .refused(let error): return error.message
    case .conflict(let text): return "conflict: " + text
    case .notEmpty(let place): return "\(place) already holds a ledger (use --force to replace it)"
    case .commitFailed(let text): return "commit failed, nothing was written: " + text
    }
  }
}

extension LedgerError {
  /// A pick made stale by `intervening` (what other sessions committed since this one's
  /// view): names them and who made them, then why the command no longer holds.
  public static func conflict(after intervening: [Transaction], _ reason: String) -> LedgerError {
    guard let first = intervening.first, let last = intervening.last else {
      return .conflict(reason)
    }
    let ids =
      first.transactionId == last.transactionId
      ? first.transactionId : "\(first.transactionId)–\(last.transactionId)"
    let users = Set(intervening.map(\.user)).sorted().joined(separator: ", ")
    return .conflict("another session committed \(ids) (by \(users)) meanwhile: " + reason)
  }
}
