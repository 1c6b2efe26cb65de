import Foundation
import Glibc
import TestSupport
import Testing

/// What a few store tests need beyond the build: root, a tmpfs they can mount, a switch to
/// another uid. Each is found out before the test runs, by trying where only trying can tell
/// (root in a container may lack CAP_SYS_ADMIN or CAP_SETUID), so a machine without it shows
/// the test as skipped with the reason, e.g.
/// `Test diskFullFailsTheCommitAndLosesNothing() skipped: "needs root and a tmpfs mount ..."`,
/// instead of a test that returned early and passed.
enum Requirement {
  /// Root, and `mount -t tmpfs` works here: a tiny tmpfs is mounted and unmounted to find out.
  static let tmpfsMount: Bool = {
    guard Support.isRoot else { return false }
    let probe = Support.temporaryDirectory("tmpfs-probe")
    guard
      (try? FileManager.default.createDirectory(at: probe, withIntermediateDirectories: true))
        != nil
    else { return false }
    defer { try? FileManager.default.removeItem(at: probe) }
    guard
      let mounted = try? Program.run(
        "/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", probe.path]),
      mounted.status == 0
    else { return false }
    _ = try? Program.run("/bin/umount", [probe.path])
    return true
  }()

  /// Root, and `setpriv` can run a program as uid and gid 65534 (it runs /bin/true).
  static let switchToNobody: Bool = {
    guard Support.isRoot, FileManager.default.isExecutableFile(atPath: setpriv) else {
      return false
    }
    let ran = try? Program.run(
      setpriv, ["--reuid=65534", "--regid=65534", "--clear-groups", "/bin/true"])
    return ran?.status == 0
  }()

  static let setpriv = "/usr/bin/setpriv"
}

extension Trait where Self == ConditionTrait {
  /// Skips the test unless it runs as root.
  static var needsRoot: Self {
    .enabled(if: Support.isRoot, "needs root (running as uid \(geteuid()))")
  }

  /// Skips the test unless a tmpfs can be mounted (see `Requirement.tmpfsMount`).
  static var needsTmpfsMount: Self {
    .enabled(
      if: Requirement.tmpfsMount,
      "needs root and a tmpfs mount (mount -t tmpfs failed or not root: uid \(geteuid()))")
  }

  /// Skips the test unless `setpriv` can switch to uid 65534 (see `Requirement.switchToNobody`).
  static var needsSwitchToNobody: Self {
    .enabled(
      if: Requirement.switchToNobody,
      "needs root and setpriv (util-linux) to run as uid 65534 (not root, no setpriv, or it failed)"
    )
  }
}
