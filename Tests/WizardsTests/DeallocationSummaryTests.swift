import StockroomDomain
import Testing

@testable import Wizards

/// The Confirm summary: what is taken, what goes with it, the disposition, every serial.
@Suite struct DeallocationSummaryTests {
  func lines(_ command: Command, width: Int = 76, context: TransactionContext? = nil) throws
    -> [String]
  {
    let summary = DeallocationSummary(
      command: command, context: context ?? DeallocationFixture.context,
      state: try DeallocationFixture.state())
    return summary.lines(width: width)
  }

  @Test func hardwareMatchesTheSketch() throws {
    let serials = ["RB1-00040102", "RB1-00040109", "RB1-00040113"]
    #expect(DeallocationFixture.serials.contains(serials[2]))
    let result = try lines(
      .deallocateHardware(
        account: "ACC-0001", serials: serials, disposition: .initialize, container: "RET"))
    #expect(
      result == [
        "This will:",
        "  • take 3 RB-1 hardware tokens from Northwind Clinics (Available 24 → 21)",
        "  • re-initialize them, then return them to Inventory, available at once",
        "  • place them in the container Returns Bench – Building 2",
        "",
        "  Serials     RB1-00040102  RB1-00040109  RB1-00040113",
        "  Reference   RMA-2026-04417",
        "  Comment     Returned by courier, two units scratched",
        "  By          jdoe (uid 1001)",
      ])
  }

  @Test func rentalSMSTakesCapacityAndDefaultsTheContainer() throws {
    let result = try lines(
      .deallocateSoftware(
        account: "Northwind Clinics", column: .smsRental, quantity: 40,
        container: nil),
      context: TransactionContext(user: "jdoe", uid: 1001))
    #expect(
      result == [
        "This will:",
        "  • take 40 SMS Rental tokens from Northwind Clinics (Available 100 → 60)",
        "  • also deallocate 40 units of Capacity (Available 88 → 48)",
        "  • return them to Inventory, available at once",
        "  • place them in the container Main Warehouse",
        "",
        "  Reference   (none)",
        "  Comment     (none)",
        "  By          jdoe (uid 1001)",
      ])
  }

  @Test func capacityAndMobilePassWording() throws {
    let capacity = try lines(
      .deallocateSoftware(account: "ACC-0001", column: .capacity, quantity: 1, container: nil))
    #expect(capacity[1] == "  • take 1 unit of Capacity from Northwind Clinics (Available 88 → 87)")
    #expect(!capacity.contains { $0.contains("also deallocate") })
    let mobile = try lines(
      .deallocateMobilePass(account: "ACC-0001", quantity: 4, container: "MAIN"))
    #expect(mobile[1] == "  • take 4 MobilePASS tokens from Northwind Clinics (Available 10 → 6)")
  }

  @Test(arguments: [
    (Disposition.return, "return it to Inventory, available at once"),
    (.faulty, "return it in the Faulty state, never offered for allocation until re-initialized"),
    (.lost, "record it as lost"),
  ])
  func dispositions(disposition: Disposition, expected: String) throws {
    let result = try lines(
      .deallocateHardware(
        account: "ACC-0001", serials: ["RB1-00040110"], disposition: disposition,
        container: nil), width: 100)
    #expect(
      result[1] == "  • take 1 RB-1 hardware token from Northwind Clinics (Available 24 → 23)")
    #expect(result[2] == "  • " + expected)
  }

  @Test func everySerialIsListedAndWrapped() throws {
    let serials = Array(DeallocationFixture.serials[2..<26])
    let result = try lines(
      .deallocateHardware(
        account: "ACC-0001", serials: serials, disposition: .return, container: nil), width: 60)
    let serialLines = result.drop { !$0.hasPrefix("  Serials") }.prefix {
      !$0.contains("Reference")
    }
    #expect(serialLines.count > 3)
    #expect(result.allSatisfy { $0.count <= 60 })
    let listed = serialLines.joined(separator: " ").split(separator: " ").map(String.init)
    #expect(listed.filter { $0.hasPrefix("RB1-") } == serials)
    #expect(serialLines.dropFirst().allSatisfy { $0.hasPrefix(String(repeating: " ", count: 14)) })
  }

  @Test func controlCharactersAreNeutralised() throws {
    let context = TransactionContext(user: "j\u{7}doe", uid: 5, comment: "bad\u{1B}[2Jtext")
    let result = try lines(
      .deallocateHardware(
        account: "ACC-0001", serials: ["RB1-00040110", "X\u{1B}Y"], disposition: .lost,
        container: nil), context: context)
    #expect(!result.joined().unicodeScalars.contains { $0.value < 0x20 })
    #expect(result.contains("  Comment     bad?[2Jtext"))
    #expect(result.contains("  By          j?doe (uid 5)"))
    #expect(result.contains { $0.contains("X?Y") })
  }

  @Test func reinitializeSummary() throws {
    let result = try lines(.reinitialize(serials: [DeallocationFixture.serials[26]]))
    #expect(result[1] == "  • re-initialize 1 faulty RB-1 token")
    #expect(result[2] == "  • return it to Inventory, available at once")
  }
}

/// A whole serial list is refused with every bad serial named by kind.
@Suite struct SerialListCheckTests {
  @Test func namesEveryProblem() throws {
    let state = try DeallocationFixture.state()
    let serials = DeallocationFixture.serials
    let problems = SerialListCheck.deallocation(
      [serials[5], "NOPE", serials[5], serials[0], serials[28], serials[26], "A\u{1B}B"],
      account: 0, state: state)
    #expect(
      problems == [
        "unknown serial: NOPE, A?B", "listed twice: \(serials[5])",
        "not allocated to ACC-0001: \(serials[28]), \(serials[26])", "in use: \(serials[0])",
      ])
    #expect(SerialListCheck.deallocation([serials[5], serials[6]], account: 0, state: state) == [])
  }

  @Test func reinitializationNeedsFaultyTokens() throws {
    let state = try DeallocationFixture.state()
    let serials = DeallocationFixture.serials
    #expect(SerialListCheck.reinitialization([serials[26]], state: state) == [])
    #expect(
      SerialListCheck.reinitialization([serials[26], serials[3]], state: state)
        == ["not faulty: \(serials[3])"])
  }
}

/// The prefill maps its answers to an allocation-table column.
@Suite struct DeallocationRecordTests {
  @Test func columns() {
    #expect(DeallocationRecord(flow: .software, product: .sms, type: .rental).column == .smsRental)
    #expect(DeallocationRecord(flow: .software, product: .sms).column == nil)
    #expect(DeallocationRecord(flow: .mobilePass).column == .mobilePass)
    #expect(DeallocationRecord(flow: .hardware, serials: ["A"]).column == nil)
  }

  /// `deallocate software --product sms --interactive` without `--type` opens where the
  /// allocation table's cells open the wizard: on the choice of row, at SMS's first row,
  /// not on Capacity; with its type, on that type's row.
  @Test func smsWithoutItsTypeOpensOnTheChoiceOfRow() throws {
    let context = try DemoFixture.context()
    let untyped = DeallocationRecord(flow: .software, account: "ACC-0002", product: .sms)
    let wizard = try #require(
      untyped.screens(context: context).last as? WizardScreen<DeallocationFlow>)
    #expect(wizard.step == .select)
    #expect(wizard.focusedControl == .softwareRow)
    #expect(DeallocationFlow.softwareRows[wizard.answers.softwareRow] == .smsRental)
    let typed = DeallocationRecord(
      flow: .software, account: "ACC-0002", product: .sms, type: .sale)
    let sale = try #require(typed.screens(context: context).last as? WizardScreen<DeallocationFlow>)
    #expect(DeallocationFlow.softwareRows[sale.answers.softwareRow] == .smsSale)
  }
}
