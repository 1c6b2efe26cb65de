import Foundation
import StockroomDomain
import Testing

@testable import StockroomStore

/// The full passes (issue 15): `verify` compares the snapshot with the replay by fingerprint
/// and the index with the ledger by a digest per record, and still names every difference a
/// whole comparison did (file-only: snapshot.bin and index.bin are the file store's; the
/// database's local snapshot is checked in LocalSnapshotTests, and a demo written in parts on
/// both stores in DemoInPartsTests).
@Suite struct FullPassTests {
  @Test func verifyNamesASnapshotThatDiffersFromTheReplay() throws {
    let url = Support.temporaryDirectory("verify-snapshot")
    defer { try? FileManager.default.removeItem(at: url) }
    let store = try Support.smallStore(url, options: Support.options(snapshots: true))
    try store.writeSnapshot()
    #expect(try FileStore.verify(at: url) == [])
    store.state.tokens[3].inUse.toggle()
    try store.writeSnapshot()
    #expect(
      try FileStore.verify(at: url).contains {
        $0 == "snapshot plus ledger tail differs from a full replay of the ledger"
      })
  }

  @Test func aFingerprintTellsStatesApart() throws {
    let url = Support.temporaryDirectory("fingerprint")
    defer { try? FileManager.default.removeItem(at: url) }
    let state = try Support.smallStore(url).state
    #expect(StateFingerprint(state) == StateFingerprint(state))
    var token = state
    token.tokens[7].account = 1
    #expect(StateFingerprint(token) != StateFingerprint(state))
    var account = state
    account.accounts[0].hardwareInUse[0] += 1
    #expect(StateFingerprint(account) != StateFingerprint(state))
  }

  @Test func verifyNamesAPostingLeftOutOrMoved() throws {
    let url = Support.temporaryDirectory("verify-postings")
    defer { try? FileManager.default.removeItem(at: url) }
    let store = try Support.smallStore(url, options: FileStore.Options())
    try store.writeSnapshot()
    let directory = try DataDirectory.prepare(
      url.path, create: false, environment: ProcessInfo.processInfo.environment)
    let honest = try #require(try IndexFile.open(in: directory))
    let locations = try honest.allLocations()
    let postings = try honest.allPostings()
    #expect(try FileStore.verify(at: url) == [])
    var moved = postings
    let last = try #require(moved.indices.last)
    moved[last].sequence = moved[last].sequence == 1 ? 2 : 1
    FileStore.sortUnique(&moved)
    for (name, lying) in [("left out", Array(postings.dropLast())), ("moved", moved)] {
      try IndexFile.write(stamp: honest.stamp, locations: locations, postings: lying, in: directory)
      #expect(
        try FileStore.verify(at: url).contains { $0.contains("index.bin") }, "a posting \(name)")
    }
  }
}
