import Testing

@testable import StockroomDomain

@Suite struct BillingTests {
  @Test func amountsAreExactDecimals() {
    #expect(Billing.amount("12.50") == "12.50")
    #expect(Billing.amount("0012.5") == "12.5")
    #expect(Billing.amount("0.10") == "0.10")
    #expect(Billing.amount(".5") == "0.5")
    #expect(Billing.amount("7") == "7")
    for bad in ["", ".", "1.", "-1", "1e3", "1,5", "1.23456", "1.2.3", "١٢", "1234567890123"] {
      #expect(Billing.amount(bad) == nil, "\(bad)")
    }
  }

  @Test func validationNamesWhatIsWrong() throws {
    #expect(try Billing(amount: "09.90", per: .unit).validated().amount == "9.90")
    #expect(throws: DomainError.self) { try Billing(amount: "x", per: .unit).validated() }
    #expect(throws: DomainError.self) {
      try Billing(amount: "1", per: .unit, trigger: "whenever").validated()
    }
    #expect(throws: DomainError.self) {
      try Billing(amount: "1", per: .unit, customerReference: "PO\u{7}").validated()
    }
  }
}
