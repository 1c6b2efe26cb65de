import Foundation
import StockroomDomain
import StockroomStore
import TestSupport
import Testing

@testable import StockroomPostgres

/// The approval policy on both stores (issue 20): set in the ledger, taken by an order at
/// submission, the order through two levels, and all of it in the snapshot a new session opens.
@Suite struct ApprovalPolicyStoreTests {
  @Test(.postgres) func theDatabaseCasesRun() throws { try StoreKind.reachTheServer() }

  static let at = "2026-11-22T09:00:00Z"

  static let twoLevels = ApprovalPolicy(chains: [
    ApprovalChain(
      types: [.suspend],
      levels: [ApprovalLevel(approver: .manager), ApprovalLevel(approver: .department("IT"))])
  ])

  @Test(arguments: StoreKind.available)
  func anOrderGoesThroughTwoLevels(kind: StoreKind) throws {
    try kind.requireAvailable()
    let demo = try StoreUnderTest(kind, demoTokens: 50)
    defer { demo.remove() }
    let store = try demo.open()
    let context = StoreUnderTest.context
    let policy = try store.commit(
      .order(.policy(Self.twoLevels, actor: "EMP-0004")), context: context, key: "policy")
    #expect(policy.transaction.action == .approvalPolicy)
    let request = OrderRequest(type: .suspend, employee: "EMP-0006", line: "312-555-0106")
    let submitted = try store.commit(
      .order(.submit(request, actor: "EMP-0006", at: Self.at, comment: "leave")),
      context: context, key: "submit")
    let number = try #require(submitted.transaction.order?.number)
    _ = try store.commit(
      .order(.step(.approve, order: number, actor: "EMP-0005", at: Self.at, comment: "")),
      context: context, key: "manager")
    #expect(store.state.orders.order(number)?.state == .pendingApproval)
    _ = try store.commit(
      .order(.step(.approve, order: number, actor: "EMP-0003", at: Self.at, comment: "")),
      context: context, key: "it")
    let done = try #require(store.state.orders.order(number))
    #expect(done.state != .pendingApproval)
    #expect(done.chain.map(\.approvedBy) == ["EMP-0005", "EMP-0003"])
    // A snapshot written now carries the policy and the chain's progress.
    switch store {
    case let file as FileStore: try file.writeSnapshot()
    case let database as PostgresStore: try database.writeSnapshot()
    default: Issue.record("a store of neither kind")
    }
    #expect(try demo.verify() == [])

    for fromSnapshot in [true, false] {
      let again = try demo.open(fromSnapshot: fromSnapshot)
      #expect(again.state.orders.policy == Self.twoLevels)
      #expect(again.state.orders.order(number) == done)
    }
  }
}
