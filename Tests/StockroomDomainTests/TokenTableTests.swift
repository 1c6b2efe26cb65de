import TestSupport
import Testing

@testable import StockroomDomain

/// A `TokenTable` (a base plus what changed since) answers as a plain array of the same tokens
/// would: by index, by serial, and a holder's tokens of a model in serial order.
@Suite struct TokenTableTests {
  static let alphabet = Array("AB9-é").map(String.init)

  static func serial(_ random: inout SplitMix) -> String {
    (0..<(1 + Int(random.next() % 5))).map { _ in alphabet[Int(random.next() % 5)] }.joined()
  }

  static func token(_ serial: String, _ random: inout SplitMix) -> HardwareToken {
    HardwareToken(
      serial: serial, account: Int32(random.next() % 4) - 1, model: UInt8(random.next() % 3),
      container: 0, state: .allocated, ownership: .owned, inUse: random.next() % 2 == 0,
      needsPIN: random.next() % 3 == 0)
  }

  /// What the table should say: the plain array's answers.
  static func check(_ table: TokenTable, _ plain: [HardwareToken], _ note: String) {
    #expect(Array(table) == plain, "\(note)")
    for (index, token) in plain.enumerated() {
      #expect(table.index(of: token.serial) == index, "\(note): \(token.serial)")
      #expect(table.serial(at: index) == token.serial, "\(note)")
      var facts = table.facts(at: index)
      facts.serial = token.serial
      #expect(facts == token, "\(note)")
    }
    #expect(table.index(of: "not-there") == nil, "\(note)")
    for holder in Int32(-1)...2 {
      for model in 0..<3 {
        let expected = plain.indices
          .filter { plain[$0].account == holder && Int(plain[$0].model) == model }
          .sorted { plain[$0].serial < plain[$1].serial }
        #expect(
          table.members(holder: holder, model: model) == expected, "\(note) \(holder) \(model)")
        var firstTwo: [Int] = []
        table.forEachMember(holder: holder, model: model) { index, _ in
          firstTwo.append(index)
          return firstTwo.count < 2
        }
        #expect(firstTwo == Array(expected.prefix(2)), "\(note)")
      }
    }
  }

  @Test func aBaseWithChangesAnswersAsAnArray() {
    let seed = FuzzSeed("TokenTableTests")
    var random = seed.generator
    for round in 0..<20 {
      var serials = Set<String>()
      while serials.count < 60 { serials.insert(Self.serial(&random)) }
      var pool = Array(serials)
      pool.shuffle(using: &random)
      var plain = pool.prefix(40).map { Self.token($0, &random) }
      var table = TokenTable(base: ArrayTokens(plain))
      let note = "\(seed.note) round \(round)"
      Self.check(table, plain, note + " base")
      for _ in 0..<30 {
        if random.next() % 3 == 0, pool.count > plain.count {
          let token = Self.token(pool[plain.count], &random)
          plain.append(token)
          table.append(token)
        } else {
          let index = Int(random.next() % UInt64(plain.count))
          var token = Self.token(plain[index].serial, &random)
          token.model = plain[index].model
          plain[index] = token
          table[index] = token
        }
      }
      Self.check(table, plain, note + " changed")
      var unbased = TokenTable()
      for token in plain { unbased.append(token) }
      #expect(unbased == table, "\(note)")
      Self.check(unbased, plain, note + " without a base")
    }
  }

  /// The serials received since the base are found by `SerialIndex`: as `String` equality
  /// says (é composed or not), the last receipt of a serial received twice, and every one of
  /// many thousands as its table grows.
  @Test func tokensReceivedAreFoundByTheirSerials() {
    let seed = FuzzSeed("tokensReceivedAreFoundByTheirSerials")
    var random = seed.generator
    var table = TokenTable()
    var plain: [HardwareToken] = []
    for number in 0..<20_000 {
      let token = Self.token("RB1-\(1_000_000 + number)", &random)
      plain.append(token)
      table.append(token)
    }
    for (index, token) in plain.enumerated() where index % 7 == 0 {
      #expect(table.index(of: token.serial) == index, "\(seed.note)")
    }
    #expect(table.index(of: "RB1-999") == nil)
    table.append(Self.token("caf\u{E9}", &random))
    #expect(table.index(of: "cafe\u{301}") == 20_000)
    table.append(Self.token("RB1-1000007", &random))
    #expect(table.index(of: "RB1-1000007") == 20_001, "the later receipt")
    #expect(table.index(of: "RB1-1000008") == 8)
  }
}
