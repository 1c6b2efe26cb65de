import Foundation
import Glibc
import Testing

@testable import StockroomStore

/// The demo root: private session directories, the cap, and the sweep of dead sessions.
/// File-only: a demo session is a file store of its own in a private directory.
@Suite struct DemoSessionRootTests {
  func root() throws -> DemoSessionRoot {
    try DemoSessionRoot(path: Support.temporaryDirectory("demo-root").path)
  }

  func mode(_ path: String) -> mode_t {
    var info = stat()
    _ = lstat(path, &info)
    return info.st_mode & 0o777
  }

  func sessions(_ root: DemoSessionRoot) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? [])
      .filter { $0.hasPrefix("session-") }.sorted()
  }

  @Test func sessionsArePrivateDistinctAndRemovedAtTheEnd() throws {
    let root = try root()
    defer { try? FileManager.default.removeItem(atPath: root.path) }
    #expect(mode(root.path) == 0o700)
    let first = try root.begin(maxSessions: 5)
    let second = try root.begin(maxSessions: 5)
    #expect(first.directory != second.directory)
    #expect(mode(first.directory) == 0o700)
    #expect(first.dataDirectory.path == first.directory + "/data")
    #expect(try root.sweep() == DemoSessionRoot.Census(removed: 0, live: 2))
    first.end()
    first.end()
    #expect(!FileManager.default.fileExists(atPath: first.directory))
    #expect(sessions(root) == [URL(fileURLWithPath: second.directory).lastPathComponent])
    second.end()
    #expect(sessions(root).isEmpty)
  }

  @Test func theCapRefusesOneSessionTooMany() throws {
    let root = try root()
    defer { try? FileManager.default.removeItem(atPath: root.path) }
    let first = try root.begin(maxSessions: 2)
    let second = try root.begin(maxSessions: 2)
    #expect(throws: DemoSessionError.full(2)) { try root.begin(maxSessions: 2) }
    #expect(DemoSessionError.full(2).message.contains("all 2 sessions are in use"))
    second.end()
    let third = try root.begin(maxSessions: 2)
    #expect(sessions(root).count == 2)
    first.end()
    third.end()
  }

  @Test func deadSessionsAreSweptAndLiveOnesKept() throws {
    let root = try root()
    defer { try? FileManager.default.removeItem(atPath: root.path) }
    let live = try root.begin(maxSessions: 5)
    // A session whose process died: its lock file is there but nobody holds it.
    let dead = root.path + "/session-dead01"
    try FileManager.default.createDirectory(
      atPath: dead + "/data", withIntermediateDirectories: true)
    FileManager.default.createFile(atPath: dead + "/lock", contents: nil)
    FileManager.default.createFile(atPath: dead + "/data/ledger.jsonl", contents: Data("x".utf8))
    // One that died before making its lock.
    try FileManager.default.createDirectory(
      atPath: root.path + "/session-dead02", withIntermediateDirectories: true)
    // Not a session: left alone.
    try FileManager.default.createDirectory(
      atPath: root.path + "/other", withIntermediateDirectories: true)
    #expect(try root.sweep() == DemoSessionRoot.Census(removed: 2, live: 1))
    #expect(sessions(root) == [URL(fileURLWithPath: live.directory).lastPathComponent])
    #expect(FileManager.default.fileExists(atPath: root.path + "/other"))
    live.end()
  }

  @Test func aRootThatIsNotAPrivateDirectoryOfThisUserIsRefusedOrFixed() throws {
    let base = Support.temporaryDirectory("demo-root-link").path
    try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: base) }
    try FileManager.default.createSymbolicLink(atPath: base + "/link", withDestinationPath: base)
    #expect(throws: DemoSessionError.unusableRoot(base + "/link: not a directory")) {
      try DemoSessionRoot(path: base + "/link")
    }
    FileManager.default.createFile(atPath: base + "/file", contents: nil)
    #expect(throws: DemoSessionError.unusableRoot(base + "/file: not a directory")) {
      try DemoSessionRoot(path: base + "/file")
    }
    mkdir(base + "/open", 0o777)
    chmod(base + "/open", 0o777)
    let opened = try DemoSessionRoot(path: base + "/open")
    #expect(mode(opened.path) == 0o700)
  }

  /// Only root can give a directory to another user.
  @Test(.needsRoot) func aRootOfAnotherUserIsRefused() throws {
    let base = Support.temporaryDirectory("demo-root-theirs").path
    try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: base) }
    mkdir(base + "/theirs", 0o700)
    try #require(chown(base + "/theirs", 65534, 65534) == 0)
    #expect(throws: DemoSessionError.unusableRoot(base + "/theirs: belongs to another user")) {
      try DemoSessionRoot(path: base + "/theirs")
    }
  }

  @Test func theDefaultRootFollowsTMPDIR() {
    #expect(DemoSessionRoot.defaultPath(environment: [:]) == "/tmp/stockroom-demo")
    #expect(DemoSessionRoot.defaultPath(environment: ["TMPDIR": ""]) == "/tmp/stockroom-demo")
    #expect(
      DemoSessionRoot.defaultPath(environment: ["TMPDIR": "/var/tmp/"])
        == "/var/tmp/stockroom-demo")
  }
}
