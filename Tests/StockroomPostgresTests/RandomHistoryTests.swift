import Foundation
import StockroomDomain
import StoreTestSupport
import TestSupport
import Testing

@testable import StockroomPostgres
@testable import StockroomStore

/// Lookups by ID, account, serial, subscription, order and warehouse answer what a full scan
/// of the ledger answers on seeded random histories, on both stores (the file store's index
/// file, the database's SQL), with two sessions committing, snapshots written and sessions
/// opened again along the way.
@Suite struct RandomHistoryTests {
  @Test(.postgres) func theDatabaseCasesRun() throws { try StoreKind.reachTheServer() }

  @Test(arguments: StoreKind.available)
  func lookupsAnswerWhatAFullScanAnswersOnRandomHistories(kind: StoreKind) throws {
    let seed = FuzzSeed("RandomHistoryTests/lookupsAnswerWhatAFullScanAnswersOnRandomHistories")
    var random = SplitMix(seed: seed.value)
    let demo = try StoreUnderTest(kind, demoTokens: 300, seed: random.next() % 1_000 + 1)
    defer { demo.remove() }
    var (store, other, _) = try demo.sessions(free: 0)
    var fromFile = 0
    for step in 0..<40 {
      let choice = random.next() % 10
      if choice < 5 {
        if let command = IndexCheck.randomCommand(store.state, &random) {
          _ = try store.commit(command, context: StoreUnderTest.context, key: "step-\(step)")
        }
      } else if choice < 7 {
        try other.refresh()
        if let command = IndexCheck.randomCommand(other.state, &random) {
          _ = try other.commit(command, context: StoreUnderTest.context, key: "step-\(step)")
        }
        try store.refresh()
      } else if choice == 7 {
        try StoreUnderTest.writeSnapshot(store)
      } else {
        store = try demo.open()
      }
      if step % 8 == 7 {
        for (name, problem) in [
          ("open", IndexCheck.problems(store)),
          ("fresh", IndexCheck.problems(try demo.open(fromSnapshot: false))),
        ] {
          #expect(problem == nil, "\(seed.note): step \(step), \(name) store: \(problem ?? "")")
        }
        #expect(
          !store.warnings.contains { $0.contains("index") }, "\(seed.note): \(store.warnings)")
        if (store as? FileStore)?.indexFile != nil { fromFile += 1 }
      }
    }
    #expect(kind != .file || fromFile > 0, "\(seed.note): the index file was never used")
    #expect(try demo.verify().isEmpty, "\(seed.note)")
  }
}
