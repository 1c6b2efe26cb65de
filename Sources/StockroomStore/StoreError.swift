import StockroomDomain

/// Why the store could not do what was asked; each case maps to an exit code.
public enum StoreError: Error, Sendable, CustomStringConvertible {
  /// The store cannot be opened or read: damaged, locked out, newer format (exit 4).
  case unavailable(String)
  /// The command breaks a rule (exit 1).
  case refused(DomainError)
  /// Another session changed what the command depended on; nothing was written (exit 3).
  case conflict(String)
  /// The data directory already holds data and `--force` was not given (exit 1).
  case notEmpty(String)
  /// The write or fsync failed (disk full, I/O error); nothing was committed (exit 4).
  case commitFailed(String)

  public var description: String { message }

  /// One line naming what is wrong.
  public var message: String {
    switch self {
    case .unavailable(let text): return text
    case .refused(let error): return error.message
    case .conflict(let text): return "conflict: " + text
    case .notEmpty(let path): return "\(path) already holds a ledger (use --force to replace it)"
    case .commitFailed(let text): return "commit failed, nothing was written: " + text
    }
  }

  /// The exit code of DESIGN.md section 5.
  public var exitCode: Int32 {
    switch self {
    case .unavailable, .commitFailed: return 4
    case .refused, .notEmpty: return 1
    case .conflict: return 3
    }
  }
}
