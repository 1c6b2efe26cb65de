import Foundation
import TestSupport
import Testing

/// A snapshot no longer usable (of an older format, after an upgrade) is replaced in the
/// background by the first command that opens the store, even one that only reads: without
/// it every command would replay the whole ledger until the next commit.
@Suite struct SnapshotUpgradeTests {
  @Test func aReadingCommandHasAnOlderSnapshotReplacedInTheBackground() throws {
    let demo = try DemoDirectory()
    defer { demo.remove() }
    let snapshot = demo.path + "/snapshot.bin"
    // A format 2 snapshot: its magic, then the version.
    try Data(Array("STKSNAP1".utf8) + [2, 0, 0, 0] + Array(repeating: 7, count: 64)).write(
      to: URL(fileURLWithPath: snapshot))
    let first = demo.run(["allocation", "--account", "ACC-0002"])
    #expect(first.status == 0, "\(first.output)")
    #expect(first.output.contains("snapshot format 2 not supported"), "\(first.output)")
    var later = first
    for _ in 0..<100 {
      Thread.sleep(forTimeInterval: 0.1)
      later = demo.run(["allocation", "--account", "ACC-0002"])
      if !later.output.contains("not supported") { break }
    }
    #expect(later.status == 0 && !later.output.contains("not supported"), "\(later.output)")
    #expect(demo.run(["verify"]).status == 0)
  }
}
