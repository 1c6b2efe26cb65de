import TestSupport
import Testing

@testable import StockroomDomain

/// The reports of issue 18 over a small ledger built through `validate`, kept in memory: the
/// filters, each report, and movements that add up and agree with the inventory.
@Suite struct ReportTests {
  /// A ledger in memory: each command validated and applied as a store would.
  final class History: TransactionHistory {
    var state = InventoryState()
    var ledger: [Transaction] = []
    var lastSequence: UInt64 { UInt64(ledger.count) }

    func commit(_ command: Command, day: String, context: TransactionContext = History.who)
      throws
    {
      let change = try validate(command, against: state)
      let transaction = Transaction(
        sequence: lastSequence + 1, key: "k\(ledger.count)", version: 1,
        time: day + "T10:00:00Z", change: change, context: context)
      try state.apply(change)
      ledger.append(transaction)
    }

    func forEachTransaction(_ body: (Transaction) -> Bool) throws(LedgerError) {
      for transaction in ledger where !body(transaction) { return }
    }

    func transactions(account: String) throws(LedgerError) -> [Transaction] {
      ledger.filter { $0.account == account }
    }

    static let who = TransactionContext(user: "ana", uid: 1)
  }

  static func history() throws -> History {
    let history = History()
    try history.commit(
      .define(
        Definitions(
          provider: "P", containers: [Container(code: "MAIN", name: "Main")],
          models: ["RB-1"],
          accounts: [AccountDefinition(code: "ACC-0001", name: "Big")])), day: "2026-01-01")
    try history.commit(
      .receiveHardware(
        model: "RB-1", serials: ["A1", "A2", "A3", "A4"], ownership: .owned, container: nil,
        needsPIN: false), day: "2026-01-02")
    try history.commit(
      .receiveSoftware(product: .sms, quantity: 50, ownership: .owned, container: nil),
      day: "2026-01-02")
    try history.commit(
      .allocateHardware(account: "ACC-0001", serials: ["A1", "A2", "A3"], type: .rental),
      day: "2026-02-01")
    try history.commit(
      .allocateSoftware(account: "ACC-0001", column: .smsSale, quantity: 20, withCapacity: false),
      day: "2026-02-01")
    var warranty = History.who
    warranty.returnReason = .warranty
    warranty.reference = "RMA-77, box 2"
    try history.commit(
      .deallocateHardware(
        account: "ACC-0001", serials: ["A1"], disposition: .faulty, container: nil),
      day: "2026-03-05", context: warranty)
    var other = TransactionContext(user: "bo", uid: 2)
    other.returnReason = .notRenewing
    try history.commit(
      .deallocateSoftware(account: "ACC-0001", column: .smsSale, quantity: 5, container: nil),
      day: "2026-03-06", context: other)
    try history.commit(.reinitialize(serials: ["A1"]), day: "2026-03-20")
    try history.commit(
      .deallocateHardware(account: "ACC-0001", serials: ["A2"], disposition: .lost, container: nil),
      day: "2026-04-01")
    return history
  }

  static func ids(_ table: ReportTable) -> [String] { table.rows.map { $0[0].text } }

  @Test func theTransactionsReportFiltersByEveryField() throws {
    let history = try Self.history()
    func run(_ filter: ReportFilter) throws -> [String] {
      Self.ids(try ReportKind.transactions.run(filter, in: history))
    }
    #expect(try run(ReportFilter()).count == 9)
    #expect(try run(ReportFilter(returnReason: .warranty)) == ["T000006"])
    #expect(try run(ReportFilter(account: "ACC-0001", returnReason: .notRenewing)) == ["T000007"])
    #expect(try run(ReportFilter(user: "bo")) == ["T000007"])
    #expect(try run(ReportFilter(action: .reinitialize)) == ["T000008"])
    #expect(try run(ReportFilter(product: "rb-1")).count == 5)
    #expect(try run(ReportFilter(product: "sms")) == ["T000003", "T000005", "T000007"])
    #expect(try run(ReportFilter(reference: "rma-77")) == ["T000006"])
    let march = ReportFilter(from: ReportDay("2026-03-01"), to: ReportDay("2026-03-31"))
    #expect(try run(march) == ["T000006", "T000007", "T000008"])
    let row = try ReportKind.transactions.run(ReportFilter(returnReason: .warranty), in: history)
      .rows[0]
    let cells = Dictionary(
      uniqueKeysWithValues: zip(TransactionsReport.columns.map(\.key), row.map(\.text)))
    #expect(cells["reference"] == "RMA-77, box 2")
    #expect(cells["container"] == "MAIN")
    #expect(cells["user"] == "ana")
    #expect(cells["returnReason"] == "warranty")
  }

  @Test func movementsAddUpAndAgreeWithTheInventory() throws {
    let history = try Self.history()
    let whole = try ReportKind.movements.run(ReportFilter(), in: history)
    let inventory = history.state.inventorySummary()
    for row in whole.rows {
      let cells = Self.numbers(row)
      #expect(cells["start"]! + cells["in"]! - cells["out"]! == cells["end"]!)
      let product = row[0].text
      let held =
        inventory.software.first { $0.product.rawValue == product }?.total
        ?? inventory.hardware.filter { $0.model == product }.reduce(0) {
          $0 + $1.available + $1.faulty + $1.lost
        }
      #expect(cells["end"] == held, "\(product)")
    }
    let march = try ReportKind.movements.run(
      ReportFilter(from: ReportDay("2026-03-01"), to: ReportDay("2026-03-31"), product: "RB-1"),
      in: history)
    try #require(march.rows.count == 1)
    let rb1 = Self.numbers(march.rows[0])
    #expect(rb1["start"] == 1)
    #expect(rb1["faulty"] == 1)
    #expect(rb1["in"] == 1)
    #expect(rb1["out"] == 0)
    #expect(rb1["end"] == 2)
    #expect(rb1["reinitialized"] == 1)
    let february = try ReportKind.movements.run(
      ReportFilter(from: ReportDay("2026-02-01"), to: ReportDay("2026-02-28"), product: "sms"),
      in: history)
    #expect(Self.numbers(february.rows[0])["allocated"] == 20)
    #expect(Self.numbers(february.rows[0])["end"] == 30)
  }

  @Test func movementsOfConsecutivePeriodsChainOnASeededRandomHistory() throws {
    let seed = FuzzSeed("ReportTests/movementsOfConsecutivePeriodsChainOnASeededRandomHistory")
    var random = seed.generator
    func next(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
    let history = try Self.history()
    for step in 0..<120 {
      let day = "2026-05-" + (step / 5 + 1 < 10 ? "0" : "") + String(step / 5 + 1)
      let state = history.state
      let provider = state.tokenIndices(account: nil).map { state.tokens[$0] }
      let held = state.tokenIndices(account: 0).map { state.tokens[$0] }
      let command: Command
      switch next(5) {
      case 0:
        command = .receiveHardware(
          model: "RB-1", serials: (0..<next(3) + 1).map { "R\(step)-\($0)" }, ownership: .owned,
          container: nil, needsPIN: false)
      case 1 where provider.contains { $0.state == .available }:
        let serial = provider.first { $0.state == .available }!.serial
        command = .allocateHardware(account: "ACC-0001", serials: [serial], type: .rental)
      case 2 where !held.isEmpty:
        command = .deallocateHardware(
          account: "ACC-0001", serials: [held[next(held.count)].serial],
          disposition: Disposition.allCases[next(4)], container: nil)
      case 3 where provider.contains { $0.state == .faulty }:
        command = .reinitialize(serials: [provider.first { $0.state == .faulty }!.serial])
      default:
        command = .receiveSoftware(
          product: .sms, quantity: next(9) + 1, ownership: .owned, container: nil)
      }
      try history.commit(command, day: day)
    }
    var previousEnd: [String: Int] = [:]
    for week in 0..<5 {
      let first = 1 + week * 7
      let last = min(first + 6, 31)
      func day(_ number: Int) -> ReportDay? {
        ReportDay("2026-05-" + (number < 10 ? "0" : "") + String(number))
      }
      let table = try ReportKind.movements.run(
        ReportFilter(from: day(first), to: day(last)), in: history)
      for row in table.rows {
        let cells = Self.numbers(row)
        #expect(cells["start"]! + cells["in"]! - cells["out"]! == cells["end"]!, "\(seed.note)")
        if let end = previousEnd[row[0].text] {
          #expect(cells["start"] == end, "week \(week), \(seed.note)")
        }
        previousEnd[row[0].text] = cells["end"]
      }
    }
  }

  @Test func theFaultyReportListsWhatIsFaultyOrLostWithItsAge() throws {
    let history = try Self.history()
    let table = try ReportKind.faulty.run(ReportFilter(), now: "2026-04-11T08:00:00Z", in: history)
    try #require(table.rows.count == 1)
    let cells = Dictionary(
      uniqueKeysWithValues: zip(FaultyReport.columns.map(\.key), table.rows[0].map(\.text)))
    #expect(cells["serial"] == "A2")
    #expect(cells["state"] == "lost")
    #expect(cells["account"] == "ACC-0001")
    #expect(cells["ageDays"] == "10")
    let none = try ReportKind.faulty.run(
      ReportFilter(returnReason: .warranty), now: "2026-04-11T08:00:00Z", in: history)
    #expect(none.rows.isEmpty)
  }

  @Test func datesAndReasonsAreCheckedAndFormatsQuote() {
    #expect(ReportDay("2026-02-29") == nil)
    #expect(ReportDay("2024-02-29") != nil)
    #expect(ReportDay("2026-1-01") == nil)
    #expect(ReportDay("2026-13-01") == nil)
    #expect(ReturnReason.parse("Fulfilment-Error") == .fulfilmentError)
    #expect(ReturnReason.parse("broken") == nil)
    let table = ReportTable(
      columns: [.init("a", "A"), .init("n", "N", number: true)],
      rows: [[.text("x, \"y\""), .number(3)], [.none, .number(4)]])
    #expect(table.csv == "a,n\r\n\"x, \"\"y\"\"\",3\r\n,4\r\n")
    #expect(table.jsonLines == "{\"a\":\"x, \\\"y\\\"\",\"n\":3}\n{\"a\":null,\"n\":4}\n")
    #expect(table.totals == [nil, 7])
    #expect(table.plain().hasSuffix("Total (2 rows)  7\n"))
  }

  static func numbers(_ row: [ReportTable.Value]) -> [String: Int] {
    var numbers: [String: Int] = [:]
    for (column, value) in zip(MovementsReport.columns, row) {
      if case .number(let number) = value { numbers[column.key] = number }
    }
    return numbers
  }
}
