import Foundation
import StockroomDomain
import StockroomStore
import TestSupport
import Testing

/// The ledger's lookups answer exactly what reading the whole ledger and keeping the matches
/// would, in ledger order, on the demo data (accounts, tokens, subscriptions, warehouses and
/// orders), and see a commit made after the store opened: on both stores (on the database the
/// lookups are SQL; the answers are the same).
@Suite struct LedgerLookupTests {
  @Test(.postgres) func theDatabaseCasesRun() throws { try StoreKind.reachTheServer() }

  /// Every transaction, read once, and the keys each lookup finds it under.
  struct Expected {
    var all: [Transaction] = []
    var accounts: [String: [String]] = [:]
    var serials: [String: [String]] = [:]
    var subscriptions: [String: [String]] = [:]
    var orders: [String: [String]] = [:]
    var warehouses: [String: [String]] = [:]

    init(_ store: any LedgerStore) throws {
      try store.forEachTransaction { transaction in
        all.append(transaction)
        let id = transaction.transactionId
        if let account = transaction.account { accounts[account, default: []].append(id) }
        for serial in transaction.namedSerials { serials[serial, default: []].append(id) }
        if let number = transaction.namedSubscription {
          subscriptions[number, default: []].append(id)
        }
        if let order = transaction.namedOrder { orders[order, default: []].append(id) }
        for code in transaction.namedWarehouses { warehouses[code, default: []].append(id) }
        return true
      }
    }
  }

  /// By account, subscription (in either case), order, warehouse, serial, ID (in either
  /// case), and the user map.
  @Test(arguments: StoreKind.available)
  func eachLookupAnswersWhatAFullReadWouldKeep(kind: StoreKind) throws {
    let demo = try StoreUnderTest(kind, demoTokens: 400)
    defer { demo.remove() }
    let store = try demo.open()
    let expected = try Expected(store)
    #expect(!expected.subscriptions.isEmpty && !expected.orders.isEmpty)
    #expect(!expected.warehouses.isEmpty)
    for (account, ids) in expected.accounts {
      #expect(try store.transactions(account: account).map(\.transactionId) == ids, "\(account)")
    }
    for (number, ids) in expected.subscriptions {
      #expect(try store.transactions(subscription: number).map(\.transactionId) == ids)
      #expect(try store.transactions(subscription: number.lowercased()).count == ids.count)
    }
    for (order, ids) in expected.orders {
      #expect(try store.transactions(order: order).map(\.transactionId) == ids, "\(order)")
    }
    for (code, ids) in expected.warehouses {
      #expect(try store.transactions(warehouse: code).map(\.transactionId) == ids, "\(code)")
    }
    let seed = FuzzSeed("LedgerLookupTests/eachLookupAnswersWhatAFullReadWouldKeep")
    var random = SplitMix(seed: seed.value)
    let serials = expected.serials.keys.sorted()
    for _ in 0..<25 {
      let serial = serials[Int(random.next() % UInt64(serials.count))]
      #expect(
        try store.transactions(serial: serial).map(\.transactionId) == expected.serials[serial],
        "\(serial), \(seed.note)")
    }
    for unknown in ["NO-SUCH-KEY", ""] {
      #expect(try store.transactions(account: unknown).isEmpty)
      #expect(try store.transactions(serial: unknown).isEmpty)
      #expect(try store.transactions(subscription: unknown).isEmpty)
      #expect(try store.transactions(order: unknown).isEmpty)
      #expect(try store.transactions(warehouse: unknown).isEmpty)
    }
    for transaction in [expected.all.first, expected.all.last].compactMap({ $0 }) {
      #expect(try store.transaction(id: transaction.transactionId) == transaction)
      #expect(try store.transaction(id: transaction.transactionId.lowercased()) == transaction)
    }
    #expect(try store.transaction(id: "T999999") == nil)
    #expect(try store.userMap().entries.count == 1)
  }

  @Test(arguments: StoreKind.available)
  func aCommitIsFoundByTheLookupsOfThisAndAnotherSession(kind: StoreKind) throws {
    let demo = try StoreUnderTest(kind, demoTokens: 400)
    defer { demo.remove() }
    let (store, other, _) = try demo.sessions(free: 0)
    let account = try #require(store.state.accounts.first).code
    let before = try store.transactions(account: account).count
    _ = try other.transactions(account: account)
    let result = try store.commit(
      .allocateSoftware(account: account, column: .mobilePass, quantity: 1, withCapacity: false),
      context: StoreUnderTest.context, key: "lookup-test")
    #expect(try store.transactions(account: account).count == before + 1)
    #expect(try store.transactions(account: account).last == result.transaction)
    try other.refresh()
    #expect(try other.transactions(account: account).last == result.transaction)
    #expect(try other.transaction(id: result.transaction.transactionId) == result.transaction)
  }
}
