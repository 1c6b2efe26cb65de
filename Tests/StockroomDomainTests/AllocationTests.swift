import Foundation
import Testing

@testable import StockroomDomain

@Suite struct AllocationTests {
  @Test func rentalDrawsLeasedFirstAndBringsCapacity() throws {
    var state = try Fixture.state()
    let before = state.stockQuantity(.capacity)
    let change = try validate(
      .allocateSoftware(account: "ACC-0002", column: .smsRental, quantity: 5, withCapacity: false),
      against: state)
    try state.apply(change)
    #expect(state.accounts[1].holding(.smsRental).maximum == 5)
    #expect(state.accounts[1].holding(.capacity).maximum == 5)
    #expect(state.stockQuantity(.capacity) == before - 5)
    #expect(state.invariantViolations() == [])
  }

  @Test func saleWithCapacityAddsTheSameQuantity() throws {
    var state = try Fixture.state()
    try state.apply(
      try validate(
        .allocateSoftware(account: "ACC-0002", column: .smsSale, quantity: 4, withCapacity: true),
        against: state))
    #expect(state.accounts[1].holding(.smsSale).maximum == 4)
    #expect(state.accounts[1].holding(.smsSale).leased == 0)
    #expect(state.accounts[1].holding(.capacity).maximum == 4)
    #expect(state.invariantViolations() == [])
  }

  @Test func billingIsRecordedOnTheTransaction() throws {
    let state = try Fixture.state()
    let change = try validate(
      .allocateHardware(account: "ACC-0002", serials: ["A4"], type: .sale), against: state)
    let billing = try Billing(
      amount: "0012.50", per: .unit, trigger: "on allocation", customerReference: "PO-77"
    ).validated()
    let transaction = Transaction(
      sequence: 9, key: "k", version: 1, time: "2026-11-22T09:00:00Z", change: change,
      context: TransactionContext(user: "u", uid: 1, billing: billing))
    let json = String(decoding: try JSONEncoder().encode(transaction), as: UTF8.self)
    #expect(transaction.billing?.amount == "12.50")
    #expect(json.contains(#""amount":"12.50""#))
    #expect(json.contains(#""customerReference":"PO-77""#))
    let decoded = try JSONDecoder().decode(Transaction.self, from: Data(json.utf8))
    #expect(decoded.billing == billing)
  }

  /// Each refusal has its own message, and the state is untouched.
  @Test(arguments: [
    (
      Command.allocateHardware(account: "ACC-0002", serials: ["B2"], type: .sale),
      "leased tokens can only be rented, not sold: B2"
    ),
    (
      Command.allocateSoftware(
        account: "ACC-0002", column: .smsSale, quantity: 45,
        withCapacity: false),
      "SMS Sale: 45 requested but the provider owns 40; leased stock can only be rented"
    ),
    (
      Command.allocateSoftware(
        account: "ACC-0002", column: .mobilePass, quantity: 23,
        withCapacity: false),
      "MobilePASS: 23 requested but the provider holds 22"
    ),
    (
      Command.allocateHardware(account: "ACC-0002", serials: ["F1"], type: .rental),
      "faulty, never allocated until re-initialized: F1"
    ),
    (
      Command.allocateHardware(account: "ACC-0002", serials: ["L1"], type: .rental),
      "lost, never allocatable: L1"
    ),
    (
      Command.allocateHardware(account: "ACC-0002", serials: ["A1"], type: .rental),
      "already allocated: A1"
    ),
    (
      Command.receiveHardware(
        model: "RB-1", serials: ["N1", "N2", "N1"], ownership: .owned, container: nil,
        needsPIN: false),
      "serial listed twice: N1"
    ),
    (
      Command.receiveHardware(
        model: "RB-1", serials: ["N1", "A4"], ownership: .owned, container: nil, needsPIN: false),
      "serial already in the inventory: A4"
    ),
    (
      Command.allocateSoftware(
        account: "ACC-9999", column: .capacity, quantity: 1,
        withCapacity: false),
      "unknown account ACC-9999"
    ),
  ])
  func refusalsHaveTheirOwnMessage(command: Command, message: String) throws {
    let state = try Self.withFaultyAndLost()
    let before = state
    do {
      _ = try validate(command, against: state)
      Issue.record("not refused: \(command)")
    } catch {
      #expect(error.message == message)
    }
    #expect(state == before)
  }

  @Test func theLoopKeepsEveryInvariant() throws {
    var state = try Fixture.state()
    let steps: [Command] = [
      .receiveHardware(
        model: "KT-4", serials: ["L-1", "L-2"], ownership: .owned, container: "RET",
        needsPIN: false),
      .allocateHardware(account: "ACC-0001", serials: ["L-1"], type: .rental),
      .deallocateHardware(
        account: "ACC-0001", serials: ["L-1"], disposition: .faulty,
        container: nil),
      .reinitialize(serials: ["L-1"]),
      .allocateHardware(account: "ACC-0002", serials: ["L-1"], type: .sale),
    ]
    for command in steps {
      try state.apply(try validate(command, against: state))
      #expect(state.invariantViolations() == [], "\(command)")
    }
    #expect(state.token(serial: "L-1")?.accountIndex == 1)
    #expect(state.accounts[1].hardwareAllocated[1] == 1)
  }

  @Test func verifyCatchesASoldLeasedToken() throws {
    var state = try Fixture.state()
    state.tokens[try #require(state.tokens.index(of: "B1"))].sold = true
    #expect(state.invariantViolations() == ["serial B1 is leased but was sold"])
  }

  @Test func inventorySummaryCountsStockByState() throws {
    let state = try Self.withFaultyAndLost()
    let summary = state.inventorySummary()
    let sms = try #require(summary.software.first { $0.product == .sms })
    #expect(sms.owned == 40 && sms.leased == 10)
    let rb1 = try #require(summary.hardware.first { $0.model == "RB-1" && $0.container == "MAIN" })
    #expect(rb1.available == 1 && rb1.faulty == 1 && rb1.lost == 1)
  }

  /// The fixture plus a faulty F1 and a lost L1 of RB-1 in MAIN.
  static func withFaultyAndLost() throws -> InventoryState {
    var state = try Fixture.state()
    let commands: [Command] = [
      .receiveSoftware(product: .sms, quantity: 10, ownership: .leased, container: nil),
      .receiveHardware(
        model: "RB-1", serials: ["F1", "L1"], ownership: .owned, container: nil, needsPIN: false),
      .allocateHardware(account: "ACC-0002", serials: ["F1", "L1"], type: .rental),
      .deallocateHardware(
        account: "ACC-0002", serials: ["F1"], disposition: .faulty,
        container: nil),
      .deallocateHardware(
        account: "ACC-0002", serials: ["L1"], disposition: .lost,
        container: nil),
    ]
    for command in commands { try state.apply(try validate(command, against: state)) }
    return state
  }
}
