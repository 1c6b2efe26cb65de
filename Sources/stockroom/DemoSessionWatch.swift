import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// What the key loop watches in a demo session: the idle timeout, a terminal that hung up
/// without a signal reaching us, and the clean-up to run before a signal ends the process.
final class DemoSessionWatch {
  /// Why the loop should stop early.
  enum Ending: Equatable {
    case idle
    case hungUp
  }

  let idleLimit: TimeInterval?
  private let cleanUp: () -> Void
  private var lastKey = Date()
  private var lastProbe = Date()
  private(set) var ending: Ending?

  init(idleLimit: TimeInterval?, cleanUp: @escaping () -> Void) {
    self.idleLimit = idleLimit
    self.cleanUp = cleanUp
  }

  /// A key arrived: the visitor is there.
  func noteKey() { lastKey = Date() }

  /// Called when no key came: true when the loop should stop (`ending` says why).
  func shouldStop(now: Date = Date()) -> Bool {
    if let idleLimit, now.timeIntervalSince(lastKey) >= idleLimit {
      ending = .idle
      return true
    }
    // A hung-up terminal fails every ioctl (EIO); look twice a second.
    if now.timeIntervalSince(lastProbe) >= 0.5 {
      lastProbe = now
      var attributes = termios()
      if tcgetattr(0, &attributes) != 0 && errno != EINTR {
        ending = .hungUp
        return true
      }
    }
    return false
  }

  /// A terminating signal arrived: remove the session before the process ends.
  func beforeSignalExit() { cleanUp() }
}
