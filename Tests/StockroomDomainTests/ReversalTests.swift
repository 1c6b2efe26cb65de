import Testing

@testable import StockroomDomain

@Suite struct ReversalTests {
  @Test func hardwareDeallocationGoesBackAsItWas() throws {
    var ledger = try ReversalFixture()
    let before = ledger.state
    let deallocation = try ledger.commit(
      .deallocateHardware(
        account: "ACC-0001", serials: ["A1"], disposition: .faulty, container: "RET"))
    let reversal = try ledger.reverse(deallocation)
    #expect(
      reversal.action == .reverse && reversal.reversal?.reverses == deallocation.transactionId)
    #expect(ledger.state.tokens.map { $0 } == before.tokens.map { $0 })
    #expect(ledger.state.accounts == before.accounts)
    #expect(
      ledger.state.reversals.words(for: deallocation) == "Reversed by \(reversal.transactionId)")
    #expect(ledger.state.reversals.words(for: reversal) == "Reverses \(deallocation.transactionId)")
    #expect(ledger.state.invariantViolations() == [])
  }

  @Test func secondReversalIsRefusedNamingTheFirst() throws {
    var ledger = try ReversalFixture()
    let deallocation = try ledger.commit(
      .deallocateHardware(
        account: "ACC-0001", serials: ["A2"], disposition: .return, container: nil))
    let reversal = try ledger.reverse(deallocation)
    #expect(
      ledger.refusal(deallocation)
        == "\(deallocation.transactionId) is already reversed by \(reversal.transactionId)")
  }

  @Test func serialTakenSinceIsNamedWithItsTransaction() throws {
    var ledger = try ReversalFixture()
    let deallocation = try ledger.commit(
      .deallocateHardware(
        account: "ACC-0001", serials: ["A1"], disposition: .return, container: nil))
    let taken = try ledger.commit(
      .allocateHardware(account: "ACC-0002", serials: ["A1"], type: .rental))
    let message = try #require(ledger.refusal(deallocation))
    #expect(message.contains("A1 was since taken by \(taken.transactionId) (allocate ACC-0002"))
  }

  @Test func softwareDeallocationGivesTheQuantitiesBack() throws {
    var ledger = try ReversalFixture()
    let before = ledger.state
    let deallocation = try ledger.commit(
      .deallocateMobilePass(account: "ACC-0001", quantity: 5, container: "RET"))
    try ledger.reverse(deallocation)
    #expect(ledger.state.accounts == before.accounts)
    #expect(ledger.state.stockQuantity(.mobilepass) == before.stockQuantity(.mobilepass))
    #expect(ledger.state.invariantViolations() == [])
  }

  @Test func softwareDeallocationIsRefusedWhenTheProviderNoLongerHoldsIt() throws {
    var ledger = try ReversalFixture()
    let deallocation = try ledger.commit(
      .deallocateSoftware(account: "ACC-0001", column: .smsSale, quantity: 10, container: "RET"))
    try ledger.commit(
      .allocateSoftware(account: "ACC-0002", column: .smsSale, quantity: 50, withCapacity: false))
    let message = try #require(ledger.refusal(deallocation))
    #expect(message.contains("the provider no longer holds 10 owned SMS in RET (0 there)"))
  }

  @Test func allocationTakesItsStockBack() throws {
    var ledger = try ReversalFixture()
    let before = ledger.state
    let allocation = try ledger.commit(
      .allocateHardware(account: "ACC-0002", serials: ["A3"], type: .rental))
    let software = try ledger.commit(
      .allocateSoftware(account: "ACC-0002", column: .smsSale, quantity: 4, withCapacity: false))
    try ledger.reverse(software)
    try ledger.reverse(allocation)
    #expect(ledger.state.tokens.map { $0 } == before.tokens.map { $0 })
    #expect(ledger.state.accounts == before.accounts)
    #expect(ledger.state.stock == before.stock)
  }

  @Test func allocationInUseOrDeallocatedSinceIsRefused() throws {
    var ledger = try ReversalFixture()
    let allocation = try ledger.commit(
      .allocateHardware(account: "ACC-0002", serials: ["A3"], type: .rental))
    let assigned = try ledger.commit(
      .assignHardware(account: "ACC-0002", serials: ["A3"], inUse: true))
    #expect(
      try #require(ledger.refusal(allocation)).contains(
        "A3 was since taken by \(assigned.transactionId) (assign ACC-0002"))
    let software = try ledger.commit(
      .allocateSoftware(account: "ACC-0002", column: .smsSale, quantity: 4, withCapacity: false))
    try ledger.commit(.assignSoftware(account: "ACC-0002", column: .smsSale, inUse: 2))
    #expect(try #require(ledger.refusal(software)).contains("ACC-0002 no longer holds 4 SMS Sale"))
  }

  @Test func aLaterTransactionReversedSinceNoLongerBlocks() throws {
    var ledger = try ReversalFixture()
    let before = ledger.state
    let allocation = try ledger.commit(
      .allocateHardware(account: "ACC-0002", serials: ["A3"], type: .rental))
    let deallocation = try ledger.commit(
      .deallocateHardware(account: "ACC-0002", serials: ["A3"], disposition: .lost, container: nil))
    #expect(
      ledger.refusal(allocation)?.contains("since taken by \(deallocation.transactionId)") == true)
    try ledger.reverse(deallocation)
    try ledger.reverse(allocation)
    #expect(ledger.state.tokens.map { $0 } == before.tokens.map { $0 })
    #expect(ledger.state.accounts == before.accounts)
  }

  @Test func receiveTakesItsUntouchedStockOut() throws {
    var ledger = try ReversalFixture()
    let before = ledger.state
    let receipt = try ledger.commit(
      .receiveSoftware(product: .sms, quantity: 7, ownership: .leased, container: "RET"))
    try ledger.reverse(receipt)
    #expect(ledger.state.stock.filter { $0.value != 0 } == before.stock.filter { $0.value != 0 })
    #expect(ledger.state.received[.sms]?[.leased] ?? 0 == 0)
  }

  @Test func reinitializationMakesItsTokensFaultyAgain() throws {
    var ledger = try ReversalFixture()
    try ledger.commit(
      .deallocateHardware(
        account: "ACC-0001", serials: ["A2"], disposition: .faulty, container: nil))
    let reinitialization = try ledger.commit(.reinitialize(serials: ["A2"]))
    try ledger.reverse(reinitialization)
    #expect(ledger.state.token(serial: "A2")?.state == .faulty)
  }

  @Test func notReversibleActionsSaySo() throws {
    var ledger = try ReversalFixture()
    let define = ledger.transactions[0]
    #expect(
      ledger.refusal(define)
        == "T000001 (define) cannot be reversed: demo set-up is not reversible")
    let deallocation = try ledger.commit(
      .deallocateMobilePass(account: "ACC-0001", quantity: 1, container: nil))
    let reversal = try ledger.reverse(deallocation)
    #expect(ledger.refusal(reversal)?.hasSuffix("a reversal is not reversible") == true)
    #expect(ActionCode.orderSubmit.irreversibility?.contains("order workflow") == true)
    #expect(ActionCode.approvalPolicy.irreversibility?.hasPrefix("settings changes") == true)
  }

  @Test func whyIsRequiredPrintableAndShort() throws {
    let ledger = try ReversalFixture()
    let original = ledger.transactions[4]
    #expect(ledger.refusal(original, why: " ") == "Why: required")
    #expect(
      ledger.refusal(original, why: String(repeating: "x", count: 129))
        == "Why: more than 128 characters")
    #expect(ledger.refusal(original, why: "a\u{7}") == "Why: control characters are not allowed")
  }

  @Test func theIndexKeepsASecondReversalForVerify() throws {
    var ledger = try ReversalFixture()
    let deallocation = try ledger.commit(
      .deallocateMobilePass(account: "ACC-0001", quantity: 2, container: nil))
    let first = try ledger.reverse(deallocation)
    var forged = first
    forged.transactionId = "T000099"
    try ledger.state.apply(forged)
    #expect(ledger.state.reversals.reversal(of: deallocation.transactionId) == first.transactionId)
    #expect(ledger.state.reversals.all == [first.transactionId, "T000099"])
  }

  @Test func auditNamesAMismatchAndASecondReversal() throws {
    var ledger = try ReversalFixture()
    let deallocation = try ledger.commit(
      .deallocateMobilePass(account: "ACC-0001", quantity: 2, container: nil))
    let reversal = try ledger.reverse(deallocation)
    var audit = ReversalAudit()
    audit.check(reversal, original: deallocation)
    #expect(audit.problems == [])
    var twice = reversal
    twice.transactionId = "T000099"
    twice.items[0].quantity = 1
    audit.check(twice, original: deallocation)
    #expect(
      audit.problems == [
        "T000099 reverses \(deallocation.transactionId), already reversed by \(reversal.transactionId)"
      ])
    var other = ReversalAudit()
    other.check(twice, original: deallocation)
    #expect(
      other.problems == [
        "T000099 does not match \(deallocation.transactionId), the transaction it reverses"
      ])
  }
}
