import Foundation
import TestSupport
import Testing

@testable import StockroomDomain

/// What is offered is what is allowed: every serial and quantity a pick list or field offers
/// is accepted by `validate`, and every other one is refused.
@Suite struct OfferTests {
  @Test func allocatableSerialsAreExactlyTheOnesValidateAccepts() throws {
    let state = try Fixture.state()
    for type in AllocationType.allCases {
      var offered: Set<String> = []
      for model in state.models.indices {
        let found = state.allocatableSerials(model: model, type: type, limit: .max)
        #expect(found.serials.count == state.allocatableCount(model: model, type: type))
        offered.formUnion(found.serials)
      }
      for token in state.tokens {
        let command = Command.allocateHardware(
          account: "ACC-0002", serials: [token.serial], type: type)
        let accepted = (try? validate(command, against: state)) != nil
        #expect(accepted == offered.contains(token.serial), "\(token.serial) \(type)")
      }
    }
    #expect(state.allocatableSerials(model: 0, type: .rental, limit: .max).serials == ["A4"])
    #expect(state.allocatableSerials(model: 1, type: .rental, limit: .max).serials == ["B2"])
    #expect(state.allocatableSerials(model: 1, type: .sale, limit: .max).serials == [])
  }

  @Test func deallocatableSerialsAreExactlyTheOnesValidateAccepts() throws {
    let state = try Fixture.state()
    for account in state.accounts.indices {
      var offered: Set<String> = []
      for model in state.models.indices {
        let found = state.deallocatableSerials(account: account, model: model, limit: .max)
        #expect(found.serials.count == state.deallocatableCount(account: account, model: model))
        offered.formUnion(found.serials)
      }
      for token in state.tokens {
        let command = Command.deallocateHardware(
          account: state.accounts[account].code, serials: [token.serial], disposition: .return,
          container: nil)
        let accepted = (try? validate(command, against: state)) != nil
        #expect(accepted == offered.contains(token.serial), "\(token.serial) \(account)")
      }
    }
    let first = state.deallocatableSerials(account: 0, model: 0, limit: 1)
    #expect(first.serials == ["A1"])
    #expect(first.needsPIN.contains("A1") && first.needsPIN.isMarked(0))
  }

  @Test func offeredQuantitiesAreTheMostValidateAccepts() throws {
    let state = try Fixture.state()
    for column in SoftwareColumn.allCases {
      for withCapacity in [false, true] where !withCapacity || column == .smsSale {
        let most = state.allocatableQuantity(column, withCapacity: withCapacity)
        func accepts(_ quantity: Int) -> Bool {
          let command = Command.allocateSoftware(
            account: "ACC-0002", column: column, quantity: quantity, withCapacity: withCapacity)
          return (try? validate(command, against: state)) != nil
        }
        #expect(most == 0 || accepts(most), "\(column)")
        #expect(!accepts(most + 1), "\(column)")
      }
      let most = state.deallocatableQuantity(column, account: 0)
      func gives(_ quantity: Int) -> Bool {
        let command: Command =
          column == .mobilePass
          ? .deallocateMobilePass(account: "ACC-0001", quantity: quantity, container: nil)
          : .deallocateSoftware(
            account: "ACC-0001", column: column, quantity: quantity, container: nil)
        return (try? validate(command, against: state)) != nil
      }
      #expect(most == 0 || gives(most), "\(column)")
      #expect(!gives(most + 1), "\(column)")
    }
  }
}

/// A list of serials is refused once, naming every problem by kind.
@Suite struct SerialListCheckDomainTests {
  @Test func validateNamesEveryProblemOfAList() throws {
    let state = try Fixture.state()
    #expect(
      throws: DomainError.serialList([
        "unknown serial: ZZ", "listed twice: A4", "already allocated: A1",
        "leased tokens can only be rented, not sold: B2",
      ])
    ) {
      try validate(
        .allocateHardware(
          account: "ACC-0002", serials: ["A1", "ZZ", "A4", "A4", "B2"], type: .sale),
        against: state)
    }
    #expect(
      throws: DomainError.serialList([
        "unknown serial: Z\u{3F}Z", "not allocated to ACC-0001: A4", "in use: A3",
      ])
    ) {
      try validate(
        .deallocateHardware(
          account: "ACC-0001", serials: ["A3", "Z\u{1B}Z", "A4"], disposition: .return,
          container: nil),
        against: state)
    }
    #expect(throws: DomainError.serialList(["not in that container: A4"])) {
      try validate(
        .allocateHardware(account: "ACC-0002", serials: ["A4"], type: .rental, container: "RET"),
        against: state)
    }
    #expect(throws: DomainError.serialList(["unknown container NOPE"])) {
      try validate(
        .allocateHardware(account: "ACC-0002", serials: ["A4"], type: .rental, container: "NOPE"),
        against: state)
    }
    #expect(throws: DomainError.unknownAccount("ACC-0009")) {
      try validate(
        .allocateHardware(account: "ACC-0009", serials: ["ZZ"], type: .rental), against: state)
    }
    #expect(throws: DomainError.emptySelection) {
      try validate(.reinitialize(serials: []), against: state)
    }
  }

  @Test func aLongListNamesTenAndCountsTheRest() throws {
    let state = try Fixture.state()
    let serials = (1...13).map { "Q\($0)" }
    let problems = SerialListCheck.reinitialization(serials, state: state)
    #expect(problems == ["unknown serial: Q1, Q2, Q3, Q4, Q5, Q6, Q7, Q8, Q9, Q10 and 3 more"])
    #expect(DomainError.serialList(problems + ["x"]).message == problems[0] + "; x")
  }

  @Test func tallyCountsAListAgainstWhatIsOffered() throws {
    let state = try Fixture.state()
    let offered: [String: (Int32, Bool)] = ["A1": (0, false), "A2": (1, true)]
    let tally = SerialTally(["A1", "A2", "ZZ", "A1", "A4", "A1"], state: state) {
      offered[$0].map { (item: $0.0, chosen: $0.1) }
    }
    #expect(tally.given == 6)
    #expect(tally.matched == [0])
    #expect(tally.alreadyChosen == ["A2"])
    #expect(tally.unknown == ["ZZ"])
    #expect(tally.duplicated == ["A1"])
    #expect(tally.notOffered == ["A4"])
  }
}

/// Typed ranges and pasted lists.
@Suite struct SerialListInputTests {
  @Test func parsesRangesAndPastedLists() {
    #expect(
      SerialListInput.range("RB1-00001000..RB1-00001999")! == ("RB1-00001000", "RB1-00001999"))
    #expect(SerialListInput.range(" A .. B ")! == ("A", "B"))
    #expect(SerialListInput.range("RB1-1000") == nil)
    #expect(SerialListInput.range("A..B..C") == nil)
    #expect(SerialListInput.range("A B..C") == nil)
    #expect(SerialListInput.serials(in: "A\nB, C;D\tE  F\r\n\n") == ["A", "B", "C", "D", "E", "F"])
  }

  /// The range reader before it left Foundation, to compare with.
  static func foundationRange(_ text: String) -> (first: String, last: String)? {
    let parts = text.trimmingCharacters(in: .whitespaces).components(separatedBy: "..")
    guard parts.count == 2 else { return nil }
    let first = parts[0].trimmingCharacters(in: .whitespaces)
    let last = parts[1].trimmingCharacters(in: .whitespaces)
    guard !first.isEmpty, !last.isEmpty,
      !(first + last).contains(where: { $0.isWhitespace || $0 == "," })
    else { return nil }
    return (first, last)
  }

  @Test func rangesReadAsFoundationReadThem() {
    let seed = FuzzSeed("SerialListInputTests")
    var random = seed.generator
    let pieces = [
      "A", "7", ".", "..", "...", " ", "\t", "\u{A0}", "\u{3000}", "\n", ",", "é", "e\u{301}",
      ".\u{301}", "RB1-0001", "\u{301}",
    ]
    for _ in 0..<5_000 {
      let count = Int.random(in: 0...8, using: &random)
      let text = (0..<count).map { _ in pieces.randomElement(using: &random) ?? "" }.joined()
      let mine = SerialListInput.range(text)
      let theirs = Self.foundationRange(text)
      #expect(
        mine?.first == theirs?.first && mine?.last == theirs?.last,
        "\(seed.note): \(text.debugDescription)")
    }
  }
}

/// Manifests: one serial a line, or a CSV column by header, name or number.
@Suite struct SerialManifestTests {
  @Test func plainLines() throws {
    #expect(try SerialManifest.serials(in: "A1\r\n  B2 \n\nC3") == ["A1", "B2", "C3"])
    #expect(try SerialManifest.serials(in: "A1\nB2,C3\n") == ["A1", "B2,C3"])
  }

  @Test func csvPicksTheSerialColumn() throws {
    let text = "\u{FEFF}Model,Serial Number,Note\nRB-1,A1,\"scratched, boxed\"\nRB-1, B2 ,\n,,\n"
    #expect(try SerialManifest.serials(in: text) == ["A1", "B2"])
    #expect(try SerialManifest.serials(in: text, column: "note") == ["scratched, boxed"])
    #expect(try SerialManifest.serials(in: text, column: "1") == ["RB-1", "RB-1"])
    #expect(try SerialManifest.serials(in: "id;x\nA1\n", csv: true) == ["A1"])
  }

  @Test func csvFallsBackToTheFirstColumn() throws {
    #expect(try SerialManifest.serials(in: "Device,Box\nA1,3\nB2,4") == ["A1", "B2"])
  }

  @Test func badColumnsAndEmptyFiles() {
    #expect(throws: SerialManifest.Failure.columnOutOfRange(4, count: 2)) {
      try SerialManifest.serials(in: "a,b\n1,2", column: "4")
    }
    #expect(throws: SerialManifest.Failure.noColumn("zz", headers: ["a", "b"])) {
      try SerialManifest.serials(in: "a,b\n1,2", column: "zz")
    }
    #expect(throws: SerialManifest.Failure.empty) { try SerialManifest.serials(in: "\n \n") }
  }
}
