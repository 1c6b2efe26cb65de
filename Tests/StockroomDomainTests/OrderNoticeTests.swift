import Testing

@testable import StockroomDomain

/// The timeline's e-mail marks (issue 19, point 10): whom each step notified, read against the
/// order as it stood after that step, by the rule the outbox's messages follow.
@Suite struct OrderNoticeTests {
  typealias Chain = ApprovalChainTests

  static func notified(_ state: InventoryState, _ number: String) throws -> [[String]] {
    let order = try #require(state.orders.order(number))
    return state.orders.notified(along: order).map { $0.map(\.id) }
  }

  @Test func eachStepNamesWhomItsMailWentTo() throws {
    var state = try Chain.state()
    try Chain.setPolicy(
      &state,
      [
        ApprovalChain(
          types: [],
          levels: [ApprovalLevel(approver: .manager), ApprovalLevel(approver: .department("IT"))])
      ])
    // Asked about and rejected at the second level: each request for a decision goes to the
    // level the order waited at then, not to the one it ended at.
    let asked = try Chain.submit(&state)
    try Chain.approve(&state, asked, by: "MGR")
    try Chain.run(
      &state, .step(.requestInfo, order: asked, actor: "IT1", at: Chain.at, comment: "why"))
    try Chain.run(
      &state, .step(.respond, order: asked, actor: "REQ", at: Chain.at, comment: "site"))
    try Chain.run(&state, .step(.reject, order: asked, actor: "IT2", at: Chain.at, comment: "no"))
    #expect(
      try Self.notified(state, asked) == [
        ["REQ", "MGR"], ["IT1", "IT2"], ["REQ"], ["IT1", "IT2"], ["REQ"],
      ])

    // A fulfilment update without tracking numbers sends nothing; one that ships does.
    let shipped = try Chain.submit(&state)
    try Chain.approve(&state, shipped, by: "MGR")
    try Chain.approve(&state, shipped, by: "IT1")
    for update in [Fulfilment(serials: ["S1"]), Fulfilment(tracking: ["1Z"])] {
      try Chain.run(
        &state, .fulfil(order: shipped, update: update, actor: "DESK", at: Chain.at, comment: ""))
    }
    try Chain.run(
      &state, .step(.complete, order: shipped, actor: "DESK", at: Chain.at, comment: ""))
    #expect(
      try Self.notified(state, shipped) == [
        ["REQ", "MGR"], ["IT1", "IT2"], ["REQ"], [], ["REQ"], ["REQ"],
      ])
  }
}
