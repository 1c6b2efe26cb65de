import Foundation
import TestSupport
import Testing

@testable import StockroomDomain

@Suite struct ReturnsSessionTests {
  @Test func eachScanIsAcceptedOrRefusedWithItsReason() throws {
    let state = try ReturnsFixture.state()
    var session = ReturnsSession(id: "R1")
    let outcomes = ["R1-1", "NOPE", "FREE-1", "R2-40", "BAD-1", "GONE-1", "R1-1", "r1-2"].map {
      session.scan($0, in: state).outcome
    }
    #expect(
      outcomes == [
        .accepted, .refused(.unknown), .refused(.notAllocated), .refused(.inUse),
        .refused(.faulty), .refused(.lost), .refused(.alreadyScanned), .refused(.unknown),
      ])
    let first = session.scans[0]
    #expect(first.account == "ACC-0001" && first.accountName == "Customer 1")
    #expect(first.model == "RB-1" && first.disposition == .return)
    #expect(session.scans[3].account == "ACC-0002")
    #expect(session.scans[1].message == "NOPE: not a known serial")
    #expect(first.message == "R1-1: Return to Inventory")
  }

  @Test func heldSettingsApplyToTheScansThatFollow() throws {
    let state = try ReturnsFixture.state()
    var session = ReturnsSession(id: "R1")
    session.scan("R1-1", in: state)
    session.settings.disposition = .initialize
    session.settings.container = "RET"
    session.scan("R1-2", in: state)
    #expect(session.scans.map(\.disposition) == [.return, .initialize])
    #expect(session.scans.map(\.container) == [nil, "RET"])
    let changed = session.setDisposition(.faulty, forScanAt: 0)
    session.scan("NOPE", in: state)
    let refusedChange = session.setDisposition(.faulty, forScanAt: 2)
    #expect(changed && !refusedChange)
    #expect(session.scans[0].disposition == .faulty)
  }

  @Test func undoTakesTheLastScanBack() throws {
    let state = try ReturnsFixture.state()
    var session = ReturnsSession()
    session.scan("R1-1", in: state)
    session.scan("R1-1", in: state)
    let repeated = session.undoLast()
    let first = session.undoLast()
    #expect(repeated?.outcome == .refused(.alreadyScanned))
    #expect(first?.serial == "R1-1")
    let rescanned = session.scan("R1-1", in: state)
    #expect(rescanned.outcome == .accepted)
    #expect(session.scans.count == 1)
    var empty = ReturnsSession()
    let none = empty.undoLast()
    #expect(none == nil)
  }

  @Test func tallyCountsPerAccountAndModelInFirstScanOrder() throws {
    let state = try ReturnsFixture.state()
    var session = ReturnsSession()
    for serial in ["R2-1", "K1-1", "R1-1", "R2-2", "K2-1", "NOPE", "R1-2"] {
      session.scan(serial, in: state)
    }
    #expect(
      session.tally.map { "\($0.account) \($0.model) \($0.count)" } == [
        "ACC-0002 RB-1 2", "ACC-0002 KT-4 1", "ACC-0001 KT-4 1", "ACC-0001 RB-1 2",
      ])
  }

  @Test func oneCommandPerAccountGroupedByDisposition() throws {
    var state = try ReturnsFixture.state()
    var session = ReturnsSession(
      id: "R9", settings: ReturnsSettings(reference: "RMA-7", comment: "box 3"))
    for serial in ["R1-1", "R2-1", "R1-2", "K1-1"] { session.scan(serial, in: state) }
    session.setDisposition(.faulty, forScanAt: 2)
    let context = TransactionContext(user: "ann", uid: 501)
    let commands = session.commands(context: context)
    #expect(commands.map(\.account) == ["ACC-0001", "ACC-0002"])
    #expect(commands[0].serials == ["R1-1", "K1-1", "R1-2"])
    #expect(commands.allSatisfy { $0.context.session == "R9" && $0.context.reference == "RMA-7" })
    #expect(commands[0].context.comment == "box 3" && commands[0].context.user == "ann")
    let change = try validate(commands[0].command, against: state)
    #expect(change.action == .deallocateHardware && change.account == "ACC-0001")
    #expect(
      change.items.map { "\($0.model ?? "") \($0.disposition?.rawValue ?? "") \($0.serials ?? [])" }
        == ["RB-1 return [\"R1-1\"]", "KT-4 return [\"K1-1\"]", "RB-1 faulty [\"R1-2\"]"])
    try state.apply(change)
    #expect(state.token(serial: "R1-2")?.state == .faulty)
    #expect(state.token(serial: "R1-1")?.state == .available)
    #expect(state.invariantViolations() == [])
  }

  @Test func aDraftKeepsTheSessionAndItsRepeats() throws {
    let state = try ReturnsFixture.state()
    var session = ReturnsSession(
      expected: ExpectedReturns(entries: [.init(serial: "R1-1", account: "ACC-0001")]))
    session.scan("R1-1", in: state)
    session.scan("NOPE", in: state)
    let data = try JSONEncoder().encode(session)
    var restored = try JSONDecoder().decode(ReturnsSession.self, from: data)
    #expect(restored == session)
    let again = restored.scan("R1-1", in: state)
    #expect(again.outcome == .refused(.alreadyScanned))
    #expect(restored.rmaCheck?.matched == ["R1-1"])
  }

  @Test func rescanningSeesWhatAnotherSessionTook() throws {
    var state = try ReturnsFixture.state()
    var session = ReturnsSession()
    session.scan("R1-1", in: state)
    session.settings.disposition = .lost
    session.scan("R1-2", in: state)
    try state.apply(
      try validate(
        .deallocateHardware(
          account: "ACC-0001", serials: ["R1-1"], disposition: .return, container: nil),
        against: state))
    let again = session.rescanned(in: state)
    #expect(again.scans.map(\.outcome) == [.refused(.notAllocated), .accepted])
    #expect(again.scans[1].disposition == .lost && again.settings == session.settings)
  }

  /// The acceptance: 210 announced (200 sent, 10 never sent, 5 of the sent under the wrong
  /// account), 200 scanned.
  @Test func rmaCheckAgainstTwoHundredAndTenExpected() throws {
    let state = try ReturnsFixture.state()
    let sent =
      (1...5).flatMap { ReturnsFixture.serials(account: $0, model: "R", count: 40) }
      .filter { $0 != "R2-40" } + ["K1-1"]
    #expect(sent.count == 200)
    let neverSent = (1...5).flatMap { ReturnsFixture.serials(account: $0, model: "K", count: 10) }
      .suffix(10)
    let wrong = Set(sent.prefix(5))
    var csv = "rma,account,serial number\n"
    for serial in sent {
      let owner = state.token(serial: serial)?.accountIndex ?? 0
      let announced = wrong.contains(serial) ? (owner + 1) % 5 : owner
      csv += "RMA-\(announced),\(state.accounts[announced].name),\(serial)\n"
    }
    for serial in neverSent { csv += "RMA-X,ACC-0005,\(serial)\n" }
    let expected = try ExpectedReturns.parse(csv)
    #expect(expected.entries.count == 210)
    var session = ReturnsSession(expected: expected)
    var rng = SplitMix(seed: 17)  // a fixed order, so a failure repeats
    for serial in sent.shuffled(using: &rng) { session.scan(serial, in: state) }
    session.scan("NOPE", in: state)
    let check = try #require(session.rmaCheck)
    #expect(Set(check.matched) == Set(sent).subtracting(wrong) && check.matched.count == 195)
    #expect(check.missing == Array(neverSent))
    #expect(check.unexpected.isEmpty)
    #expect(Set(check.wrongAccount) == wrong)
    #expect(expected.rmas(account: "ACC-0002", name: "Customer 2") == ["RMA-1"])
  }

  @Test func expectedReturnsFromAPlainListOrACSV() throws {
    let plain = try ExpectedReturns.parse("A1\n\nA2\r\nA1\n")
    #expect(plain.entries == [.init(serial: "A1"), .init(serial: "A2")])
    let csv = try ExpectedReturns.parse("Account,Token Serial,Note\nBig,A1,x\n,A2,\n")
    #expect(csv.entries == [.init(serial: "A1", account: "Big"), .init(serial: "A2")])
    let numbered = try ExpectedReturns.parse("x,y\nA,1\nB,2\n", column: "2")
    #expect(numbered.entries.map(\.serial) == ["1", "2"])
    #expect(throws: SerialManifest.Failure.empty) { try ExpectedReturns.parse("\n\n") }
  }
}
