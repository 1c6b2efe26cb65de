import Foundation
import StockroomDomain
import TestSupport
import Testing

@testable import StockroomStore

/// A full disk under the file store's data directory (file-only: a database store's disk is
/// the server's, and a refused write there is a failed SQL transaction, rolled back; the
/// concurrency tests of both stores are in StockroomPostgresTests/ConcurrencyTests).
@Suite struct DiskFullTests {
  /// A full disk fails the commit clearly, cuts back, and the store still opens.
  @Test(.needsTmpfsMount) func diskFullFailsTheCommitAndLosesNothing() throws {
    let mount = Support.temporaryDirectory("tmpfs")
    try FileManager.default.createDirectory(at: mount, withIntermediateDirectories: true)
    let mounted = try Program.run(
      "/bin/mount", ["-t", "tmpfs", "-o", "size=256k", "tmpfs", mount.path])
    // The trait found a tmpfs mountable: failing now is a failure, not a skip.
    try #require(mounted.status == 0, "cannot mount a tmpfs: \(mounted.err)")
    defer { _ = try? Program.run("/bin/umount", [mount.path]) }
    let url = mount.appendingPathComponent("data")
    let store = try Support.smallStore(url)
    let before = store.state
    let serials = (0..<30_000).map { "BIG\($0)" }
    #expect {
      _ = try store.commit(
        .receiveHardware(
          model: "RB-1", serials: serials, ownership: .owned, container: nil, needsPIN: false),
        context: Support.context)
    } throws: { error in
      guard let error = error as? StoreError, case .commitFailed = error else { return false }
      return error.message.contains("No space left on device")
    }
    #expect(store.state == before)
    let reopened = try FileStore.open(at: url, options: Support.options())
    #expect(reopened.state == before)
    #expect(reopened.warnings.isEmpty)
    _ = try reopened.commit(
      .assignSoftware(account: "ACC-0001", column: .mobilePass, inUse: 2), context: Support.context)
    #expect(try FileStore.verify(at: url) == [])
  }
}
