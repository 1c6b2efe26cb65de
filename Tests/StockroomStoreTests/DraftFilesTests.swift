import Foundation
import Glibc
import Testing

@testable import StockroomStore

/// Draft files: private, atomic, and never a path outside the user's drafts folder.
/// File-only: drafts are files of this machine's data directory whichever store holds the
/// ledger; no store is opened.
@Suite struct DraftFilesTests {
  private func mode(_ path: String) -> mode_t {
    var info = stat()
    lstat(path, &info)
    return info.st_mode & 0o7777
  }

  @Test func savedPrivatelyListedAndRemoved() throws {
    let url = Support.temporaryDirectory("drafts")
    _ = try Support.smallStore(url)
    let files = try DraftFiles(dataDirectory: url, uid: getuid(), create: true)
    try files.save(id: "0123456789ab", data: Data("{\"a\":1}".utf8))
    try files.save(id: "0123456789ab", data: Data("{\"a\":2}".utf8))
    #expect(mode(url.path + "/drafts") == 0o700)
    #expect(mode(files.folder) == 0o700)
    #expect(mode(files.folder + "/0123456789ab.json") == 0o600)
    #expect(files.list().map(\.id) == ["0123456789ab"])
    #expect(files.load(id: "0123456789ab") == Data("{\"a\":2}".utf8))
    let names = try FileManager.default.contentsOfDirectory(atPath: files.folder)
    #expect(names == ["0123456789ab.json"])
    #expect(try files.remove(id: "0123456789ab"))
    #expect(try !files.remove(id: "0123456789ab"))
    #expect(files.list().isEmpty)
  }

  @Test func identifiersNeverLeadOutside() throws {
    let url = Support.temporaryDirectory("drafts-ids")
    _ = try Support.smallStore(url)
    let files = try DraftFiles(dataDirectory: url, uid: getuid(), create: true)
    for bad in [
      "../../ledger", "../0/x", "0123456789AB", "0123456789a", "0123456789abc", "/etc/passwd",
      "0123456789a/", "", "01234567\u{1B}9ab", "0123456789aé",
    ] {
      #expect(!DraftFiles.isValidIdentifier(bad), "\(bad)")
      #expect(throws: StoreError.self) { try files.save(id: bad, data: Data()) }
      #expect(throws: StoreError.self) { try files.remove(id: bad) }
      #expect(files.load(id: bad) == nil)
    }
    // A symlink planted as a draft is not followed.
    symlink(url.path + "/ledger.jsonl", files.folder + "/aaaaaaaaaaaa.json")
    #expect(files.load(id: "aaaaaaaaaaaa") == nil)
    #expect(files.list().isEmpty)
  }

  @Test func aForeignOrLinkedFolderIsRefused() throws {
    let url = Support.temporaryDirectory("drafts-owner")
    _ = try Support.smallStore(url)
    _ = try DraftFiles(dataDirectory: url, uid: getuid(), create: true)
    let other = url.path + "/drafts/4242"
    symlink("/tmp", other)
    #expect(throws: StoreError.self) {
      _ = try DraftFiles(dataDirectory: url, uid: 4242, create: true)
    }
  }
}
