import Foundation
import Glibc

/// Temporary files a crash can leave behind (`snapshot.bin.tmp-PID`, `.ID.tmp-PID` drafts):
/// removed when the process that wrote them is gone.
enum Leftovers {
  /// Deletes `<prefix><pid>` files in `folder` whose process no longer exists.
  static func remove(in folder: String, prefix: String) {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
    for name in names where name.hasPrefix(prefix) {
      guard let pid = pid_t(name.dropFirst(prefix.count)), pid != getpid() else { continue }
      if kill(pid, 0) != 0 && errno == ESRCH { unlink(folder + "/" + name) }
    }
  }

  /// True when another living process has a `<prefix><pid>` file in `folder`.
  static func alive(in folder: String, prefix: String) -> Bool {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
      return false
    }
    return names.contains { name in
      guard name.hasPrefix(prefix), let pid = pid_t(name.dropFirst(prefix.count)),
        pid != getpid()
      else { return false }
      return kill(pid, 0) == 0 || errno != ESRCH
    }
  }
}
