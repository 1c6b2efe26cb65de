/// Why a scanned serial cannot be returned. The rule is the deallocation's (a token goes back
/// only when allocated and not in use, docs/DESIGN.md section 1), matched exactly on the
/// serial; here it names the one reason a single scan fails.
public enum ReturnRefusal: String, CaseIterable, Hashable, Sendable, Codable {
  case unknown
  case notAllocated = "not-allocated"
  case inUse = "in-use"
  case faulty
  case lost
  case alreadyScanned = "already-scanned"

  /// Why `token` (nil: no token has the serial) cannot be deallocated, or nil when it can.
  public static func of(_ token: HardwareToken?) -> ReturnRefusal? {
    guard let token, token.state != .removed else { return .unknown }
    switch token.state {
    case .available: return .notAllocated
    case .faulty: return .faulty
    case .lost, .removed: return .lost
    case .allocated:
      guard let account = token.accountIndex else { return .notAllocated }
      return token.isDeallocatable(from: account) ? nil : .inUse
    }
  }

  /// One line saying why, in the seed's words.
  public var message: String {
    switch self {
    case .unknown: return "not a known serial"
    case .notAllocated: return "not allocated to an account (it is in the provider's stock)"
    case .inUse:
      return "in use (assigned to a user in the Virtual Server); it cannot be deallocated"
    case .faulty: return "faulty: kept aside, never allocated until re-initialized"
    case .lost: return "lost: the token is gone"
    case .alreadyScanned: return "already scanned in this session"
    }
  }
}
