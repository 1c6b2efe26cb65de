import Foundation
import Glibc
import TestSupport
import Testing

@testable import StockroomStore

/// The data directory: created private, network filesystems known, permissions for another
/// user. File-only: where the file store keeps its ledger and lock; who may use a database
/// store is its roles' (DatabaseGuardTests).
@Suite struct DirectoryTests {
  private func mode(_ path: String) -> mode_t {
    var info = stat()
    stat(path, &info)
    return info.st_mode & 0o7777
  }

  @Test func createdPrivate() throws {
    let url = Support.temporaryDirectory()
    _ = try Support.smallStore(url)
    #expect(mode(url.path) == 0o700)
    #expect(mode(Support.ledger(url).path) == 0o600)
    #expect(mode(url.appendingPathComponent("lock").path) == 0o600)
  }

  @Test func networkFilesystemsAreKnown() {
    #expect(DataDirectory.filesystemType(of: "/proc") == "proc")
    #expect(DataDirectory.networkFilesystems.contains("nfs4"))
    #expect(DataDirectory.networkFilesystems.contains("fuse.sshfs"))
  }

  /// Permissions run as an unprivileged user (root ignores file modes).
  @Test(.needsSwitchToNobody) func permissionsAsAnUnprivilegedUser() throws {
    let binary = try #require(Program.stockroom?.path, "build the stockroom executable first")
    let base = URL(
      fileURLWithPath: "/tmp/stockroom-perm-\(getpid())-\(UUID().uuidString.prefix(6))")
    try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
    chmod(base.path, 0o755)
    chown(base.path, 65_534, 65_534)
    let copy = base.appendingPathComponent("stockroom")
    try FileManager.default.copyItem(atPath: binary, toPath: copy.path)
    chmod(copy.path, 0o755)
    let asNobody = ["--reuid=65534", "--regid=65534", "--clear-groups", copy.path]
    let open = base.appendingPathComponent("open")
    mkdir(open.path, 0o777)
    chmod(open.path, 0o777)
    chown(open.path, 65_534, 65_534)
    // A process another test forks at the moment of the copy can hold the
    // copy open for writing until it execs ("Text file busy"): try again.
    func runAsNobody(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
      var result = try Program.run(Requirement.setpriv, asNobody + arguments)
      for _ in 0..<20 where result.status == 126 && result.err.contains("Text file busy") {
        usleep(100_000)
        result = try Program.run(Requirement.setpriv, asNobody + arguments)
      }
      return result
    }
    let refused = try runAsNobody(["verify", "--data-dir", open.path])
    #expect(refused.status == 4)
    #expect(refused.err.contains("writable by others"))
    let made = base.appendingPathComponent("made")
    let demo = try runAsNobody(["demo", "--tokens", "300", "--data-dir", made.path])
    #expect(demo.status == 0)
    #expect(mode(made.path) == 0o700)
    #expect(mode(made.appendingPathComponent("ledger.jsonl").path) == 0o600)
    let rootStore = Support.temporaryDirectory("rootonly")
    _ = try Support.smallStore(rootStore)
    let denied = try runAsNobody(["tokens", "--data-dir", rootStore.path])
    #expect(denied.status == 4)
  }
}
