import Foundation
import Glibc
import StockroomDomain
import StoreTestSupport
import TestSupport
import Testing

@testable import StockroomStore

/// The snapshot read in place (format 4): the same answers as a full replay, whatever moved
/// since it was written, and written again only off a commit's path. File-only: snapshot.bin's
/// layout; a database store's local snapshot is in LocalSnapshotTests.
@Suite struct MappedSnapshotTests {
  @Test func aSnapshotReadInPlaceAnswersAsAFullReplay() throws {
    let seed = FuzzSeed("MappedSnapshotTests")
    var random = seed.generator
    let url = Support.temporaryDirectory("mapped")
    let store = try Support.smallStore(url, options: Support.options(snapshots: true))
    _ = try store.commit(
      .define(Definitions(models: ["KT-4"])), context: Support.context)
    var received = 0
    for round in 0..<60 {
      if round % 6 == 0 {
        // Serials out of order, some not ASCII, in both models.
        let serials = (0..<15).map { _ in
          ["é", "Z", "a", "Ω", "0"][Int(random.next() % 5)] + "-\(random.next() % 100_000)"
        }
        received += 1
        _ = try? store.commit(
          .receiveHardware(
            model: round % 12 == 0 ? "KT-4" : "RB-1", serials: Array(Set(serials)),
            ownership: .owned, container: nil, needsPIN: round % 4 == 0), context: Support.context)
      } else if let command = IndexCheck.randomCommand(store.state, &random) {
        _ = try? store.commit(command, context: Support.context)
      }
      if round == 30 { try store.writeSnapshot() }
    }
    let fast = try FileStore.open(at: url, options: Support.options(snapshots: true))
    let slow = try FileStore.open(at: url, options: Support.options())
    #expect(fast.state.tokens.base is MappedTokens, "\(seed.note)")
    #expect(fast.state.tokens.overlayCount > 0, "\(seed.note)")
    #expect(fast.state == slow.state, "\(seed.note)")
    for holder in Int32(-1)..<Int32(slow.state.accounts.count) {
      for model in slow.state.models.indices {
        #expect(
          fast.state.tokens.members(holder: holder, model: model)
            == slow.state.tokens.members(holder: holder, model: model), "\(seed.note)")
        if holder >= 0 {
          let offered = fast.state.deallocatableSerials(
            account: Int(holder), model: model, limit: .max)
          #expect(offered.serials == offered.serials.sorted(), "\(seed.note)")
          #expect(
            offered
              == slow.state.deallocatableSerials(account: Int(holder), model: model, limit: .max),
            "\(seed.note)")
        }
      }
    }
    for index in slow.state.tokens.indices {
      let serial = slow.state.tokens[index].serial
      #expect(fast.state.tokens.index(of: serial) == index, "\(seed.note): \(serial)")
    }
    // Written again from the mapped base and what changed since: the same state.
    try fast.writeSnapshot()
    #expect(fast.state.tokens.overlayCount == 0)
    let again = try FileStore.open(at: url, options: Support.options(snapshots: true))
    #expect(again.state == slow.state, "\(seed.note)")
    #expect(try FileStore.verify(at: url) == [], "\(seed.note)")
  }

  @Test func aCommitNeverWritesTheSnapshotThatIsDue() throws {
    let url = Support.temporaryDirectory("due")
    var options = Support.options(snapshots: true)
    options.snapshotInterval = 3
    let store = try Support.smallStore(url, options: options)
    try store.writeSnapshot()
    let written = Snapshot.sequence(in: store.directory)
    for round in 0..<4 {
      _ = try store.commit(
        .assignSoftware(account: "ACC-0001", column: .mobilePass, inUse: round),
        context: Support.context)
    }
    #expect(Snapshot.sequence(in: store.directory) == written)
    #expect(store.snapshotIsDue)
    #expect(!store.isWritingSnapshot)
    // Nor does opening: a later process or a background one writes it.
    let reopened = try FileStore.open(at: url, options: options)
    #expect(Snapshot.sequence(in: store.directory) == written)
    #expect(reopened.snapshotIsDue)
    try reopened.writeSnapshotIfDue()
    #expect(Snapshot.sequence(in: store.directory) == reopened.lastSequence)
    #expect(!reopened.snapshotIsDue)
    #expect(!store.snapshotIsDue)
  }

  @Test func aHeadlessCommitStartsTheSnapshotWriterInTheBackground() throws {
    let binary = try #require(Program.stockroom?.path, "build the stockroom executable first")
    let url = Support.temporaryDirectory("background")
    let store = try Support.smallStore(url, options: Support.options(snapshots: true))
    try store.writeSnapshot()
    let written = try #require(Snapshot.sequence(in: store.directory))
    // A tail of a thousand records: a snapshot is due.
    _ = try store.commitAll(
      (0..<1_000).map { round in
        CommitRequest(
          command: .assignSoftware(account: "ACC-0001", column: .mobilePass, inUse: round % 9),
          context: Support.context)
      })
    let result = try Program.run(
      binary,
      [
        "deallocate", "mobilepass", "--account", "ACC-0001", "--quantity", "1", "--yes",
        "--data-dir", url.path,
      ])
    #expect(result.status == 0, "\(result.err)")
    var covered = written
    for _ in 0..<300 where covered <= written {
      usleep(100_000)
      covered = Snapshot.sequence(in: store.directory) ?? written
    }
    #expect(covered == written + 1_001)
    #expect(try FileStore.verify(at: url) == [])
  }
}
