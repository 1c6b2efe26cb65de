import Foundation
import Glibc

/// The folder that holds one private directory per demo visitor (`stockroom --demo-session`).
/// Each session directory is held by a lock for as long as its process lives, so a directory
/// whose lock is free belongs to a session that died, and every start sweeps those away.
/// Creating and sweeping happen under one lock on the root, so a sweep never takes a session
/// that is still being made.
public struct DemoSessionRoot: Sendable {
  /// The root folder (private to the user the demo runs as).
  public let path: String

  /// Session directories are named with this prefix (and a random suffix).
  static let prefix = "session-"
  static let rootLockName = "sessions.lock"
  static let sessionLockName = "lock"

  /// `$TMPDIR/stockroom-demo`, else `/tmp/stockroom-demo`.
  public static func defaultPath(environment: [String: String]) -> String {
    var temporary = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    while temporary.count > 1, temporary.hasSuffix("/") { temporary.removeLast() }
    return temporary + "/stockroom-demo"
  }

  /// Opens the root, creating it (0700) when missing. Refused when the path is not a real
  /// directory of this user, so another local user cannot plant one for visitors to write in.
  public init(path: String) throws(DemoSessionError) {
    self.path = path
    if mkdir(path, 0o700) != 0 && errno != EEXIST {
      throw .unusableRoot("\(path): cannot create: \(POSIXFile.errnoText())")
    }
    var info = stat()
    guard lstat(path, &info) == 0 else {
      throw .unusableRoot("\(path): \(POSIXFile.errnoText())")
    }
    guard (info.st_mode & S_IFMT) == S_IFDIR else {
      throw .unusableRoot("\(path): not a directory")
    }
    guard info.st_uid == geteuid() else {
      throw .unusableRoot("\(path): belongs to another user")
    }
    if info.st_mode & 0o077 != 0, chmod(path, 0o700) != 0 {
      throw .unusableRoot("\(path): cannot make it private: \(POSIXFile.errnoText())")
    }
  }

  /// What a sweep found.
  public struct Census: Equatable, Sendable {
    /// Directories of dead sessions removed.
    public var removed: Int
    /// Sessions still running.
    public var live: Int
  }

  /// Removes the directories of sessions that died without cleaning up.
  @discardableResult
  public func sweep() throws(DemoSessionError) -> Census {
    let rootLock = try lockRoot()
    defer { close(rootLock) }
    return sweepLocked()
  }

  /// Starts a session: sweeps, refuses past `maxSessions` live sessions, then makes a
  /// fresh private directory held by its lock until `DemoSessionLease.end()` or death.
  public func begin(maxSessions: Int) throws(DemoSessionError) -> DemoSessionLease {
    let rootLock = try lockRoot()
    defer { close(rootLock) }
    let census = sweepLocked()
    if census.live >= maxSessions { throw .full(maxSessions) }
    var template = Array((path + "/" + DemoSessionRoot.prefix + "XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else {
      throw .unusableRoot("\(path): cannot create a session: \(POSIXFile.errnoText())")
    }
    let directory = String(cString: made)
    let lockPath = directory + "/" + DemoSessionRoot.sessionLockName
    let fd = open(lockPath, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
    guard fd >= 0, flock(fd, LOCK_EX | LOCK_NB) == 0 else {
      let reason = POSIXFile.errnoText()
      if fd >= 0 { close(fd) }
      try? FileManager.default.removeItem(atPath: directory)
      throw .unusableRoot("\(directory): cannot lock: \(reason)")
    }
    return DemoSessionLease(directory: directory, lockDescriptor: fd)
  }

  private func lockRoot() throws(DemoSessionError) -> Int32 {
    let fd = open(
      path + "/" + DemoSessionRoot.rootLockName, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
    guard fd >= 0 else {
      throw .unusableRoot("\(path): cannot open its lock: \(POSIXFile.errnoText())")
    }
    while flock(fd, LOCK_EX) != 0 {
      if errno == EINTR { continue }
      let reason = POSIXFile.errnoText()
      close(fd)
      throw .unusableRoot("\(path): cannot lock: \(reason)")
    }
    return fd
  }

  /// With the root locked: no session is half made, so a session directory without a held
  /// lock is dead.
  private func sweepLocked() -> Census {
    var census = Census(removed: 0, live: 0)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    for name in names where name.hasPrefix(DemoSessionRoot.prefix) {
      let directory = path + "/" + name
      var info = stat()
      guard lstat(directory, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { continue }
      let fd = open(
        directory + "/" + DemoSessionRoot.sessionLockName, O_RDWR | O_CLOEXEC | O_NOFOLLOW)
      if fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) != 0 {
        close(fd)
        census.live += 1
        continue
      }
      try? FileManager.default.removeItem(atPath: directory)
      if fd >= 0 { close(fd) }
      census.removed += 1
    }
    return census
  }
}

/// One visitor's private directory, held by its lock while the session runs. `end()` removes
/// it; if the process dies instead, the lock is freed and the next start sweeps it away.
public final class DemoSessionLease {
  /// The session directory (0700).
  public let directory: String
  private var lockDescriptor: Int32

  init(directory: String, lockDescriptor: Int32) {
    self.directory = directory
    self.lockDescriptor = lockDescriptor
  }

  /// The data directory the session's store lives in, inside the session directory.
  public var dataDirectory: URL { URL(fileURLWithPath: directory + "/data") }

  /// Removes the session directory and lets go of its lock. Safe to call more than once.
  public func end() {
    guard lockDescriptor >= 0 else { return }
    try? FileManager.default.removeItem(atPath: directory)
    close(lockDescriptor)
    lockDescriptor = -1
  }

  deinit { end() }
}

/// Why a demo session could not start; the message is shown to the visitor.
public enum DemoSessionError: Error, Equatable, Sendable {
  /// Every allowed session is in use.
  case full(Int)
  /// The demo root cannot be used (an administrator's problem).
  case unusableRoot(String)

  public var message: String {
    switch self {
    case .full(let cap):
      return "The Stockroom demo is busy: all \(cap) sessions are in use. "
        + "Please try again in a few minutes."
    case .unusableRoot(let reason):
      return "The Stockroom demo is not available right now (\(reason))."
    }
  }
}
