import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Every file Stockroom writes in the data directory is private (`0600`), whatever the umask:
/// after the demo, an order (its mail in the outbox), a returns receipt and a draft,
/// `find DATA -type f -perm /o+rwx` finds nothing.
@Suite(.serialized) struct PrivateFilesTests {
  @Test(.postgres) func theDatabaseCasesRun() throws { try StoreKind.reachTheServer() }

  /// `stockroom ARGUMENTS` on the demo's store with the umask cleared.
  func loose(_ demo: DemoDirectory, _ arguments: [String]) -> Spawn.Result {
    Spawn.run(
      ["/bin/sh", "-c", "umask 0; exec \"$@\"", "sh", Binary.path] + arguments,
      environment: demo.environment)
  }

  func mode(_ path: String) -> mode_t {
    var info = stat()
    stat(path, &info)
    return info.st_mode & 0o777
  }

  @Test(arguments: StoreKind.available)
  func everyFileWrittenIsPrivate(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let order = loose(
      demo,
      [
        "order", "new", "--type", "upgrade", "--line", "312-555-0107", "--model", "Pixel 9",
        "--as", "EMP-0007", "--yes",
      ])
    #expect(order.status == 0, "\(order.output)")
    let free = demo.serials(account: "ACC-0002", inUse: false)
    try #require(free.count >= 2)
    let list = demo.path + "/box.txt"
    FileManager.default.createFile(atPath: list, contents: Data((free[0] + "\n").utf8))
    let returns = loose(demo, ["returns", "--serials-from", list, "--reference", "BOX 1", "--yes"])
    #expect(returns.status == 0, "\(returns.output)")
    unlink(list)
    let session = try TmuxSession(
      command: "umask 0; exec "
        + demo.command([
          "deallocate", "hardware", "--account", "ACC-0002", "--serial", free[1], "--interactive",
        ]), environment: demo.terminalEnvironment)
    defer { session.close() }
    try session.waitFor("Step 2 of 3")
    session.send("Tab", "Tab")
    session.type("RMA-9")
    try session.waitUntil("the draft is saved") { _ in
      demo.run(["drafts", "--json"]).output.contains("RMA-9")
    }
    let written = try #require(FileManager.default.enumerator(atPath: demo.path))
      .compactMap { $0 as? String }
    #expect(written.contains { $0.hasPrefix("outbox/new/") })
    #expect(written.contains { $0.hasPrefix("receipts/") })
    #expect(written.contains { $0.hasPrefix("drafts/") && $0.hasSuffix(".json") })
    if kind == .file { #expect(mode(demo.path + "/users.tsv") == 0o600) }
    let open = Spawn.run(["/usr/bin/find", demo.path, "-type", "f", "-perm", "/o+rwx"])
    #expect(open.status == 0 && open.output.isEmpty, "\(open.output)")
  }
}
