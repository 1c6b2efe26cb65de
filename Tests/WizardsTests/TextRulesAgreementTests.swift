import StockroomDomain
import TerminalUI
import Testing

/// The domain (what the store accepts) and the terminal (what a field takes
/// and what reaches the screen) must agree on which characters are unsafe.
@Suite struct TextRulesAgreementTests {
  @Test func domainAndTerminalRefuseTheSameCharacters() {
    var disagreements: [UInt32] = []
    for value in UInt32(0)...0x3_0000 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      if TextRules.isUnsafe(scalar) != TextSafety.isUnsafe(scalar) { disagreements.append(value) }
    }
    #expect(disagreements.isEmpty, "\(disagreements.map { String($0, radix: 16) })")
  }
}
