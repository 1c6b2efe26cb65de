import Testing

@testable import TerminalUI

@Suite struct ScanBurstTests {
  func keys(_ text: String) -> [Key] { text.map { Key.character($0) } }

  @Test func aSerialAndEnterIsOneScan() {
    #expect(ScanBurst.classify(keys("RB1-00040117") + [.enter]) == [.scan("RB1-00040117")])
  }

  @Test func shortBurstsAndBurstsWithoutEnterStayKeys() {
    #expect(ScanBurst.classify(keys("abc") + [.enter]) == keys("abc") + [.enter])
    #expect(ScanBurst.classify(keys("RB1-00040117")) == keys("RB1-00040117"))
    #expect(ScanBurst.classify(keys("RB1-0") + [.tab]) == keys("RB1-0") + [.tab])
  }

  @Test func burstsStartWithCharactersAndEndOnAnythingElse() {
    #expect(ScanBurst.starts(with: .character("R")))
    #expect(!ScanBurst.starts(with: .down))
    #expect(ScanBurst.ends(with: .enter))
    #expect(!ScanBurst.ends(with: .character("1")))
  }
}
