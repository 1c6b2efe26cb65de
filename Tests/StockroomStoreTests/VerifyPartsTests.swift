import Foundation
import StockroomDomain
import TestSupport
import Testing

@testable import StockroomStore

/// `verify` replays a large ledger in parts of its serials (issue 15, `VerifyReplay`): forced
/// to parts of a few tokens, it must say exactly what one pass says, about a bad record in
/// any part, a serial allocated twice, and every problem of a random damaged ledger.
/// File-only: the file store's `verify`; a database's `verify` against its mirror tables is in
/// DatabaseGuardTests.
@Suite struct VerifyPartsTests {
  /// A ledger of changes written as they are, never validated: what a damaged or forged
  /// ledger holds.
  struct Forged {
    var bytes: [UInt8] = []
    var sequence: UInt64 = 0
    var previous: UInt32 = 0

    mutating func add(_ change: Change) throws {
      sequence += 1
      let transaction = Transaction(
        sequence: sequence, key: "forged-\(sequence)", version: StoreVersion.format,
        time: "2025-01-01T00:00:00Z", change: change, context: Support.context)
      let (line, crc) = try LedgerRecord.encode(transaction, sequence: sequence, previous: previous)
      bytes += line
      previous = crc
    }

    mutating func define() throws {
      try add(
        Change(
          action: .define,
          definitions: Definitions(
            provider: "P",
            containers: [
              Container(code: "MAIN", name: "Main"), Container(code: "RET", name: "Ret"),
            ],
            models: ["RB-1", "KT-4"],
            accounts: (1...3).map {
              AccountDefinition(code: String(format: "ACC-%04d", $0), name: "Account \($0)")
            })))
    }

    func write(to url: URL) throws {
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
      try Support.write(bytes, to: Support.ledger(url))
    }
  }

  static func options(partTokens: Int) -> FileStore.Options {
    var options = Support.options()
    options.verifyPartTokens = partTokens
    return options
  }

  /// What verify says: its problems, or the message it refuses with.
  static func verdict(_ url: URL, partTokens: Int) -> [String] {
    do throws(StoreError) {
      return try FileStore.verify(at: url, options: options(partTokens: partTokens))
    } catch {
      return ["refused: " + error.message]
    }
  }

  static func parts(_ url: URL, partTokens: Int) throws -> Int {
    let directory = try DataDirectory.prepare(
      url.path, create: false, environment: ProcessInfo.processInfo.environment)
    let size = try Support.bytes(Support.ledger(url)).count
    return VerifyReplay.parts(directory, ledgerSize: size, partTokens: partTokens)
  }

  static func hardware(
    _ serials: [String], model: String = "RB-1", container: String? = nil,
    type: AllocationType? = nil, ownership: Ownership? = nil, disposition: Disposition? = nil,
    inUse: Bool? = nil
  ) -> TransactionItem {
    TransactionItem(
      product: .hardware, type: type, model: model, serials: serials, ownership: ownership,
      container: container, disposition: disposition, inUse: inUse)
  }

  @Test func aRecordThatCannotBeAppliedIsNamedWhateverPartItsSerialIsIn() throws {
    let known = (0..<40).map { "K\($0)" }
    for unknown in 0..<16 {
      let url = Support.temporaryDirectory("verify-parts-bad")
      defer { try? FileManager.default.removeItem(at: url) }
      var ledger = Forged()
      try ledger.define()
      try ledger.add(
        Change(
          action: .receive, items: [Self.hardware(known, container: "MAIN", ownership: .owned)]))
      // Two unknown serials in the first item (named: the first), an unknown model after it,
      // and a record that cannot even be read after that.
      let first = "ZZ\(unknown)"
      let second = "ZZ\(unknown + 100)"
      try ledger.add(
        Change(
          action: .allocate, account: "ACC-0001",
          items: [
            Self.hardware(Array(known[0..<10]) + [first] + Array(known[10..<20]) + [second]),
            Self.hardware(["K30"], model: "NO-SUCH"),
          ]))
      try ledger.write(to: url)
      var bytes = try Support.bytes(Support.ledger(url))
      bytes += Array("not a record\n".utf8)
      try Support.write(bytes, to: Support.ledger(url))
      let whole = Self.verdict(url, partTokens: 1_000_000)
      #expect(whole.count == 1 && whole[0].contains("T000003 cannot be applied"))
      #expect(whole.first?.contains(first) ?? false, "\(whole)")
      for size in 1...6 {
        #expect(try Self.parts(url, partTokens: size) > 1)
        #expect(Self.verdict(url, partTokens: size) == whole, "\(first), parts of \(size)")
      }
    }
  }

  @Test func aFailureBeforeTheSerialsOfAnItemComesAfterTheItemsBeforeIt() throws {
    let url = Support.temporaryDirectory("verify-parts-order")
    defer { try? FileManager.default.removeItem(at: url) }
    var ledger = Forged()
    try ledger.define()
    try ledger.add(
      Change(action: .receive, items: [Self.hardware(["A", "B", "C"], container: "MAIN")]))
    // Item 1 names an unknown model, after item 0's serials (all known) in their parts.
    try ledger.add(
      Change(
        action: .allocate, account: "ACC-0001",
        items: [Self.hardware(["A", "B"]), Self.hardware(["C"], model: "NO-SUCH")]))
    try ledger.write(to: url)
    let whole = Self.verdict(url, partTokens: 1_000_000)
    #expect(whole.first?.contains("NO-SUCH") ?? false, "\(whole)")
    for size in 1...3 { #expect(Self.verdict(url, partTokens: size) == whole) }
  }

  @Test func aSerialAllocatedTwiceIsNamedWhenItsAccountsAreInOtherParts() throws {
    let url = Support.temporaryDirectory("verify-parts-twice")
    defer { try? FileManager.default.removeItem(at: url) }
    var ledger = Forged()
    try ledger.define()
    let serials = (0..<30).map { "T\($0)" }
    try ledger.add(Change(action: .receive, items: [Self.hardware(serials, container: "MAIN")]))
    try ledger.add(
      Change(action: .allocate, account: "ACC-0001", items: [Self.hardware(serials)]))
    // T7 again, to another account, and T3 received a second time.
    try ledger.add(Change(action: .allocate, account: "ACC-0002", items: [Self.hardware(["T7"])]))
    try ledger.add(Change(action: .receive, items: [Self.hardware(["T3"], container: "MAIN")]))
    try ledger.write(to: url)
    _ = try FileStore.open(at: url, options: Support.options(snapshots: true))
    let whole = Self.verdict(url, partTokens: 1_000_000)
    #expect(whole.contains("ACC-0001: hardware counts do not match its tokens"), "\(whole)")
    #expect(whole.contains("serial T3 is in more than one place"), "\(whole)")
    for size in 1...5 { #expect(Self.verdict(url, partTokens: size) == whole, "parts of \(size)") }
  }

  @Test func partsFindWhatOnePassFindsOnARandomDamagedLedger() throws {
    let seed = FuzzSeed("partsFindWhatOnePassFindsOnARandomDamagedLedger")
    var random = seed.generator
    for round in 0..<6 {
      let url = Support.temporaryDirectory("verify-parts-random")
      defer { try? FileManager.default.removeItem(at: url) }
      var ledger = Forged()
      try ledger.define()
      var serials: [String] = []
      let accounts = ["ACC-0001", "ACC-0002", "ACC-0003"]
      func some() -> [String] {
        (0..<Int.random(in: 1...6, using: &random)).compactMap { _ in
          serials.randomElement(using: &random)
        }
      }
      func item(_ chosen: [String], _ fill: (inout TransactionItem) -> Void = { _ in })
        -> TransactionItem
      {
        var item = Self.hardware(chosen, model: Bool.random(using: &random) ? "RB-1" : "KT-4")
        fill(&item)
        return item
      }
      for _ in 0..<Int.random(in: 20...60, using: &random) {
        let account = accounts.randomElement(using: &random)
        switch Int.random(in: 0..<7, using: &random) {
        case 0, 1:
          // New serials, now and then one already received.
          var fresh = (0..<Int.random(in: 1...8, using: &random)).map { _ in
            "R\(serials.count)-\(random.next() % 1_000)"
          }
          if let old = serials.randomElement(using: &random),
            Int.random(in: 0..<5, using: &random) == 0
          {
            fresh.append(old)
          }
          serials += fresh
          try ledger.add(
            Change(
              action: .receive,
              items: [
                item(fresh) {
                  $0.container = "MAIN"
                  $0.ownership = Bool.random(using: &random) ? .owned : .leased
                  $0.needsPIN = Bool.random(using: &random)
                }
              ]))
        case 2:
          try ledger.add(
            Change(
              action: .allocate, account: account,
              items: [
                item(some()) { $0.type = Bool.random(using: &random) ? .rental : .sale },
                item(some()),
              ]))
        case 3:
          try ledger.add(
            Change(
              action: .deallocateHardware, account: account,
              items: [
                item(some()) {
                  $0.disposition = Disposition.allCases.randomElement(using: &random)
                  $0.container = Bool.random(using: &random) ? "RET" : nil
                }
              ]))
        case 4:
          try ledger.add(
            Change(
              action: .assign, account: account,
              items: [item(some()) { $0.inUse = Bool.random(using: &random) }]))
        case 5:
          try ledger.add(Change(action: .reinitialize, items: [item(some())]))
        default:
          try ledger.add(
            Change(
              action: .receive,
              items: [
                TransactionItem(
                  product: .mobilepass, quantity: Int.random(in: 1...9, using: &random),
                  ownership: .owned, container: "MAIN")
              ]))
        }
      }
      try ledger.write(to: url)
      // A snapshot and an index, then a tail after them.
      if round % 2 == 0 {
        _ = try FileStore.open(at: url, options: Support.options(snapshots: true))
        var tail = ledger
        try tail.add(
          Change(action: .allocate, account: "ACC-0003", items: [item(some())]))
        var bytes = try Support.bytes(Support.ledger(url))
        bytes += tail.bytes[ledger.bytes.count...]
        try Support.write(bytes, to: Support.ledger(url))
      }
      let whole = Self.verdict(url, partTokens: 1_000_000)
      #expect(!whole.isEmpty, "\(seed.note): round \(round) found nothing to compare")
      for size in [1, 2, 3, 5, 8, 13] {
        #expect(try Self.parts(url, partTokens: size) > 1, "\(seed.note)")
        let parts = Self.verdict(url, partTokens: size)
        #expect(parts == whole, "\(seed.note): round \(round), parts of \(size)")
      }
    }
  }
}
