import Foundation
import StockroomDomain
import StoreTestSupport
import TestSupport
import Testing

@testable import StockroomPostgres
@testable import StockroomStore

/// The reports of issue 18 read through each store: a return reason survives the ledger, an
/// account's transactions read through the index are the ones a full scan finds, and the
/// movements over the demo history and a seeded random tail add up and agree with the
/// inventory, on the file store and on PostgreSQL.
@Suite struct ReportStoreTests {
  @Test(.postgres) func theDatabaseCasesRun() throws { try StoreKind.reachTheServer() }

  @Test(arguments: StoreKind.available)
  func aReturnReasonIsRecordedAndReported(kind: StoreKind) throws {
    let demo = try StoreUnderTest(kind)
    defer { demo.remove() }
    let (store, _, free) = try demo.sessions(free: 2)
    var context = StoreUnderTest.context
    context.returnReason = .fulfilmentError
    let done = try store.commit(
      StoreUnderTest.deallocate(free), context: context, key: "reason")
    let history = try #require(store as? any TransactionHistory)
    let reread = try demo.open(fromSnapshot: false)
    #expect(
      try reread.transaction(id: done.transaction.transactionId)?.returnReason
        == .fulfilmentError)
    for filter in [
      ReportFilter(returnReason: .fulfilmentError),
      ReportFilter(account: "ACC-0002", returnReason: .fulfilmentError),
    ] {
      let table = try ReportKind.transactions.run(filter, in: history)
      #expect(table.rows.map { $0[0].text } == [done.transaction.transactionId])
    }
  }

  @Test(arguments: StoreKind.available)
  func reportsAgreeWithAFullScanAndTheInventory(kind: StoreKind) throws {
    let seed = FuzzSeed("ReportStoreTests/reportsAgreeWithAFullScanAndTheInventory")
    let (demo, store, _) = try Self.randomHistory(kind, seed, steps: 30)
    defer { demo.remove() }
    for session in [store, try demo.open(fromSnapshot: false)] {
      let history = try #require(session as? any TransactionHistory)
      let all = try ReportKind.transactions.run(ReportFilter(), in: history)
      #expect(all.rows.count == Int(session.lastSequence), "\(seed.note)")
      for account in session.state.accounts.map(\.code) {
        let indexed = try ReportKind.transactions.run(ReportFilter(account: account), in: history)
        let scanned = all.rows.filter { $0[3].text == account }
        #expect(indexed.rows == scanned, "\(account), \(seed.note)")
      }
      let movements = try ReportKind.movements.run(ReportFilter(), in: history)
      let inventory = session.state.inventorySummary()
      for row in movements.rows {
        var cells: [String: Int] = [:]
        for (column, value) in zip(MovementsReport.columns, row) {
          if case .number(let number) = value { cells[column.key] = number }
        }
        let product = row[0].text
        #expect(
          cells["start", default: 0] + cells["in", default: 0] - cells["out", default: 0]
            == cells["end"], "\(product), \(seed.note)")
        let held =
          inventory.software.first { $0.product.rawValue == product }?.total
          ?? inventory.hardware.filter { $0.model == product }.reduce(0) {
            $0 + $1.available + $1.faulty + $1.lost
          }
        #expect(cells["end"] == held, "\(product), \(seed.note)")
      }
    }
  }

  /// The reports read the ledger on a thread of their own (`LedgerPipe`): over the demo history
  /// with a seeded random tail, every report of random periods and products is what the
  /// transactions taken one by one on this thread give.
  @Test(arguments: StoreKind.available)
  func aPipedReadGivesWhatAPlainReplayGives(kind: StoreKind) throws {
    let seed = FuzzSeed("ReportStoreTests/aPipedReadGivesWhatAPlainReplayGives")
    let (demo, store, generator) = try Self.randomHistory(kind, seed, steps: 20)
    defer { demo.remove() }
    var random = generator
    let history = try #require(store as? any TransactionHistory)
    let now = ISO8601DateFormatter().string(from: Date())
    let products = [nil, "capacity", "RB-1", "kt-4"]
    for round in 0..<12 {
      var filter = ReportFilter(product: products.randomElement(using: &random) ?? nil)
      if round > 0 {
        let first = Date().addingTimeInterval(
          -Double(Int.random(in: 0...130, using: &random)) * 86_400)
        let last = first.addingTimeInterval(Double(Int.random(in: 0...40, using: &random)) * 86_400)
        filter.from = ReportDay(String(ISO8601DateFormatter().string(from: first).prefix(10)))
        filter.to = ReportDay(String(ISO8601DateFormatter().string(from: last).prefix(10)))
      }
      for kind in ReportKind.allCases {
        var plain = ReportRun(kind, filter: filter, now: now)
        try history.forEachTransaction { (try? plain.take($0)) ?? false }
        let piped = try kind.run(filter, now: now, in: history)
        #expect(piped == plain.finish(state: history.state), "\(kind) \(filter), \(seed.note)")
      }
    }
    // The store is the reading thread's no longer: it commits as before.
    Self.commitRandomly(store, steps: 3, &random)
    #expect(
      try ReportKind.transactions.run(ReportFilter(), in: history).rows.count
        == Int(store.lastSequence))
  }

  /// The demo history of 300 tokens with `steps` random commands (from `seed`) committed after
  /// it; the generator as those left it.
  static func randomHistory(_ kind: StoreKind, _ seed: FuzzSeed, steps: Int) throws
    -> (StoreUnderTest, any LedgerStore, SplitMix)
  {
    var random = seed.generator
    let demo = try StoreUnderTest(kind, demoTokens: 300)
    do {
      let store = try demo.open()
      commitRandomly(store, steps: steps, &random)
      return (demo, store, random)
    } catch {
      demo.remove()
      throw error
    }
  }

  /// `steps` random commands committed on `store`, each told a random return reason.
  static func commitRandomly(_ store: any LedgerStore, steps: Int, _ random: inout SplitMix) {
    for step in 0..<steps {
      guard let command = IndexCheck.randomCommand(store.state, &random) else { continue }
      var context = StoreUnderTest.context
      context.returnReason = ReturnReason.allCases.randomElement(using: &random)
      _ = try? store.commit(command, context: context, key: "step-\(store.lastSequence)-\(step)")
    }
  }
}
