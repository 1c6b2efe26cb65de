import Testing

@testable import StockroomDomain

@Suite struct DeallocationTests {
  @Test func allocationTableShowsMaximumInUseAvailable() throws {
    let state = try Fixture.state()
    let cells = state.allocationTable(account: 0)
    #expect(
      cells.map(\.title) == [
        "Capacity", "SMS Rental", "SMS Sale", "ST-1 Legacy", "MobilePASS", "RB-1", "KT-4",
      ])
    #expect(cells[0].maximum == 30 && cells[0].inUse == 25 && cells[0].available == 5)
    #expect(cells[1].available == 20 && cells[1].deallocatable == 5)
    #expect(cells[5].maximum == 3 && cells[5].inUse == 1)
  }

  @Test func rentalSMSNeedsAndReturnsCapacity() throws {
    var state = try Fixture.state()
    #expect(throws: DomainError.capacityInUse(requested: 6, available: 5)) {
      try validate(
        .deallocateSoftware(account: "ACC-0001", column: .smsRental, quantity: 6, container: nil),
        against: state)
    }
    let change = try validate(
      .deallocateSoftware(account: "ACC-0001", column: .smsRental, quantity: 5, container: "RET"),
      against: state)
    try state.apply(change)
    #expect(state.accounts[0].holding(.smsRental).maximum == 15)
    #expect(state.accounts[0].holding(.capacity).maximum == 25)
    #expect(state.stockQuantity(.sms, container: 1) == 5)
    #expect(state.invariantViolations() == [])
  }

  @Test func leasedUnitsGoBackAsLeased() throws {
    var state = try Fixture.state()
    #expect(state.accounts[0].holding(.smsRental).leased == 10)
    try state.apply(
      try validate(
        .assignSoftware(account: "ACC-0001", column: .capacity, inUse: 0), against: state))
    try state.apply(
      try validate(
        .deallocateSoftware(account: "ACC-0001", column: .smsRental, quantity: 12, container: nil),
        against: state))
    #expect(state.stockQuantity(.sms, ownership: .leased) == 10)
    #expect(state.stockQuantity(.sms, ownership: .owned) == 42)
    #expect(state.invariantViolations() == [])
  }

  @Test func refusalsNameWhatIsWrong() throws {
    let state = try Fixture.state()
    #expect(throws: DomainError.moreThanAvailable(column: "MobilePASS", requested: 6, available: 5))
    {
      try validate(
        .deallocateMobilePass(account: "ACC-0001", quantity: 6, container: nil), against: state)
    }
    #expect(throws: DomainError.capacityInUse(requested: 6, available: 5)) {
      try validate(
        .deallocateSoftware(account: "ACC-0001", column: .capacity, quantity: 6, container: nil),
        against: state)
    }
    #expect(throws: DomainError.notPositive(0)) {
      try validate(
        .deallocateMobilePass(account: "ACC-0001", quantity: 0, container: nil), against: state)
    }
    #expect(throws: DomainError.unknownAccount("ACC-0009")) {
      try validate(
        .deallocateMobilePass(account: "ACC-0009", quantity: 1, container: nil), against: state)
    }
    #expect(throws: DomainError.unknownContainer("NOPE")) {
      try validate(
        .deallocateMobilePass(account: "ACC-0001", quantity: 1, container: "NOPE"), against: state)
    }
    #expect(DomainError.unknownSerials(["X"]).message == "unknown serial X")
  }

  @Test func hardwareStateMachine() throws {
    var state = try Fixture.state()
    #expect(throws: DomainError.serialList(["in use: A3"])) {
      try validate(
        .deallocateHardware(
          account: "ACC-0001", serials: ["A3"], disposition: .return, container: nil),
        against: state)
    }
    #expect(throws: DomainError.serialList(["unknown serial: ZZ"])) {
      try validate(
        .deallocateHardware(
          account: "ACC-0001", serials: ["A1", "ZZ"], disposition: .return, container: nil),
        against: state)
    }
    #expect(throws: DomainError.serialList(["not allocated to ACC-0001: A4"])) {
      try validate(
        .deallocateHardware(
          account: "ACC-0001", serials: ["A4"], disposition: .return, container: nil),
        against: state)
    }
    #expect(throws: DomainError.serialList(["listed twice: A1"])) {
      try validate(
        .deallocateHardware(
          account: "ACC-0001", serials: ["A1", "A1"], disposition: .return, container: nil),
        against: state)
    }
    try state.apply(
      try validate(
        .deallocateHardware(
          account: "ACC-0001", serials: ["A1", "B1"], disposition: .faulty, container: "RET"),
        against: state))
    #expect(state.token(serial: "A1")?.state == .faulty)
    #expect(state.token(serial: "A1")?.account == -1)
    #expect(state.token(serial: "B1")?.container == 1)
    #expect(state.accounts[0].hardwareAllocated == [2, 0])
    #expect(throws: DomainError.serialList(["faulty, never allocated until re-initialized: A1"])) {
      try validate(
        .allocateHardware(account: "ACC-0002", serials: ["A1"], type: .rental), against: state)
    }
    #expect(throws: DomainError.serialList(["not faulty: A4"])) {
      try validate(.reinitialize(serials: ["A4"]), against: state)
    }
    try state.apply(try validate(.reinitialize(serials: ["A1"]), against: state))
    #expect(state.token(serial: "A1")?.state == .available)
    try state.apply(
      try validate(
        .allocateHardware(account: "ACC-0002", serials: ["A1"], type: .sale), against: state))
    #expect(state.token(serial: "A1")?.accountIndex == 1)
    try state.apply(
      try validate(
        .deallocateHardware(
          account: "ACC-0002", serials: ["A1"], disposition: .lost, container: nil), against: state)
    )
    #expect(state.token(serial: "A1")?.state == .lost)
    #expect(state.invariantViolations() == [])
  }

  @Test func saleOfLeasedRefusedAndReceivingChecksSerials() throws {
    let state = try Fixture.state()
    #expect(throws: DomainError.self) {
      try validate(
        .allocateHardware(account: "ACC-0002", serials: ["B2"], type: .sale), against: state)
    }
    #expect(throws: DomainError.serialList(["serial already in the inventory: A1"])) {
      try validate(
        .receiveHardware(
          model: "RB-1", serials: ["A1"], ownership: .owned, container: nil, needsPIN: false),
        against: state)
    }
    #expect(throws: DomainError.unknownModel("XX")) {
      try validate(
        .receiveHardware(
          model: "XX", serials: ["Q"], ownership: .owned, container: nil, needsPIN: false),
        against: state)
    }
    #expect(throws: DomainError.notEnoughStock(product: "SMS", requested: 41, available: 40)) {
      try validate(
        .allocateSoftware(account: "ACC-0002", column: .smsSale, quantity: 41, withCapacity: false),
        against: state)
    }
  }

  @Test func invariantsCatchBrokenStates() throws {
    var state = try Fixture.state()
    state.accounts[0].holdings[SoftwareColumn.mobilePass.index].inUse = 99
    state.stock[StockKey(product: .sms, ownership: .owned, container: 0)] = -1
    let problems = state.invariantViolations()
    #expect(problems.contains { $0.contains("MobilePASS") && $0.contains("above the maximum") })
    #expect(problems.contains { $0.contains("provider stock of sms") })
    #expect(problems.contains { $0.contains("received but") })
  }

  @Test func textRules() throws {
    try TextRules.checkReference("RMA-123 #4/5:a_b.c")
    #expect(throws: DomainError.self) { try TextRules.checkReference("bad;") }
    #expect(throws: DomainError.self) {
      try TextRules.checkReference(String(repeating: "a", count: 65))
    }
    #expect(throws: DomainError.self) { try TextRules.checkComment("a\u{1B}b") }
    #expect(throws: DomainError.self) {
      try TextRules.checkComment(String(repeating: "é", count: 129))
    }
    try TextRules.checkComment(String(repeating: "é", count: 128))
  }
}
