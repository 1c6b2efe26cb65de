import TerminalUI
import Testing

@testable import Wizards

/// The reversal from a Transaction screen against `screens/`: `v` opens its Confirm with the
/// Why, Confirm commits, the result names the new transaction and Enter opens the original,
/// marked Reversed by it. At 80x24 and 120x40.
@Suite(.serialized) struct ReversalScreenTests {
  typealias Session = DeallocationScreenTests.Session
  static let tab = DeallocationScreenTests.Press.key(.tab)
  static let enter = DeallocationScreenTests.Press.key(.enter)

  /// A hardware deallocation of Northwind Traders committed and its Transaction screen open.
  func deallocated(size: Size? = nil) throws -> Session {
    let session = try DeallocationScreenTests().northwind()
    if let size { session.press(.key(.resize(size))) }
    let right = DeallocationScreenTests.Press.key(.right)
    session.press(right, right, right, right, right, Self.enter)
    session.press(Self.tab, Self.enter, Self.tab, .text(" "), right, Self.tab, Self.tab, Self.enter)
    session.press(
      Self.tab, Self.tab, Self.tab, Self.tab, Self.tab, Self.enter, Self.enter, Self.enter)
    return session
  }

  @Test(arguments: [("", nil), ("-120x40", Size(width: 120, height: 40))] as [(String, Size?)])
  func aDeallocationIsReversedFromItsTransaction(suffix: String, size: Size?) throws {
    let session = try deallocated(size: size)
    #expect(session.text.contains("Transaction T000167"), "\(session.text)")
    session.press(.text("v"))
    session.check("reversal/01-confirm" + suffix)
    session.press(Self.tab, Self.enter)
    #expect(session.text.contains("Why: required"))
    session.press(Self.tab, .text("Wrong account: belongs to Contoso"))
    session.check("reversal/02-why" + suffix)
    session.press(Self.tab, Self.enter)
    session.check("reversal/03-result" + suffix)
    #expect(session.text.contains("Reversed. Transaction ID T000168"))
    session.press(Self.enter)
    session.check("reversal/04-original-marked" + suffix)
    #expect(session.text.contains("Reversed by T000168"))
    session.press(.text("v"))
    #expect(session.text.contains("T000167 is already reversed by T000168"))
  }
}
