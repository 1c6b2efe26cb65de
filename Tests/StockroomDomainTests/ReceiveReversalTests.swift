import Testing

@testable import StockroomDomain

/// A hardware receive reversed takes its untouched serials out again: each token stays at its
/// place as `.removed`, in no count, list or lookup; a serial touched since blocks it, named
/// with the transaction that touched it; and a serial taken out can be received again.
@Suite struct ReceiveReversalTests {
  static func receive(_ serials: [String], container: String? = nil) -> Command {
    .receiveHardware(
      model: "RB-1", serials: serials, ownership: .owned, container: container, needsPIN: false)
  }

  @Test func aReceiveReversedTakesItsSerialsOut() throws {
    var ledger = try ReversalFixture()
    let before = ledger.state
    let receipt = try ledger.commit(Self.receive(["B1", "B2"], container: "RET"))
    let reversal = try ledger.reverse(receipt)
    #expect(reversal.serials.sorted() == ["B1", "B2"])
    #expect(ledger.state.inventorySummary() == before.inventorySummary())
    #expect(ledger.state.tokenIndices(account: nil) == before.tokenIndices(account: nil))
    #expect(ledger.state.token(serial: "B1") == nil)
    // Positions are kept: the tokens are still there, removed.
    #expect(ledger.state.tokens.count == before.tokens.count + 2)
    #expect(ledger.state.recordedToken(serial: "B2")?.state == .removed)
    #expect(ledger.state.invariantViolations() == [])
    var audit = ReversalAudit()
    audit.check(reversal, original: receipt)
    #expect(audit.problems == [])
    #expect(
      ledger.refusal(receipt)
        == "\(receipt.transactionId) is already reversed by \(reversal.transactionId)")
    #expect(throws: DomainError.self) {
      try validate(
        .allocateHardware(account: "ACC-0002", serials: ["B1"], type: .rental),
        against: ledger.state)
    }
  }

  @Test func aSerialAllocatedSinceBlocksItNamingTheTransaction() throws {
    var ledger = try ReversalFixture()
    let receipt = try ledger.commit(Self.receive(["B1", "B2"]))
    let taken = try ledger.commit(
      .allocateHardware(account: "ACC-0002", serials: ["B2"], type: .rental))
    #expect(
      ledger.refusal(receipt)
        == "\(receipt.transactionId) cannot be reversed: B2 was since taken by "
        + "\(taken.transactionId) (allocate ACC-0002, alice)")
    // Taken back since (the allocation reversed), the serial is untouched again.
    try ledger.reverse(taken)
    try ledger.reverse(receipt)
    #expect(ledger.state.token(serial: "B2") == nil)
  }

  @Test func aSerialTakenOutCanBeReceivedAgainAtItsPlace() throws {
    var ledger = try ReversalFixture()
    let receipt = try ledger.commit(Self.receive(["B1"]))
    let place = try #require(ledger.state.tokens.index(of: "B1"))
    #expect(ledger.refusal(receipt) == nil)
    try ledger.reverse(receipt)
    let again = try ledger.commit(
      .receiveHardware(
        model: "RB-1", serials: ["B1", "B3"], ownership: .leased, container: "RET",
        needsPIN: true))
    #expect(ledger.state.tokens.index(of: "B1") == place)
    let token = try #require(ledger.state.token(serial: "B1"))
    #expect(token.state == .available && token.ownership == .leased && token.needsPIN)
    #expect(ledger.state.invariantViolations() == [])
    // The new receive is a receive like any other: reversible in turn.
    try ledger.reverse(again)
    #expect(ledger.state.token(serial: "B1") == nil && ledger.state.token(serial: "B3") == nil)
    #expect(
      SerialListCheck.receipt(["A3"], state: ledger.state) == [
        "serial already in the inventory: A3"
      ])
  }

  @Test func movementsCountAReceiveReversedAsGoingOut() throws {
    let history = try ReportTests.history()
    try history.commit(Self.receive(["B1", "B2"]), day: "2026-05-02")
    let receipt = try #require(history.ledger.last)
    try history.commit(
      .reverse(ReversalRequest(original: receipt, why: "wrong model")), day: "2026-05-03")
    let may = try ReportKind.movements.run(
      ReportFilter(from: ReportDay("2026-05-01"), to: ReportDay("2026-05-31"), product: "RB-1"),
      in: history)
    try #require(may.rows.count == 1)
    let cells = ReportTests.numbers(may.rows[0])
    #expect(cells["received"] == 2 && cells["otherOut"] == 2)
    #expect(cells["start"] == cells["end"])
  }
}
