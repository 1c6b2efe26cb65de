import Foundation
import StockroomDomain
import TerminalUI
import Testing

@testable import Wizards

/// Choosing many serials on the hardware pick list: range, paste, file and
/// undo, pressed as a user would, against `screens/deallocate-hardware/`.
@Suite(.serialized) struct SelectionScreenTests {
  typealias Session = DeallocationScreenTests.Session

  /// Northwind's RB-1 wizard after Search, focus on the scan field, and the
  /// serials listed in Allocated.
  func searched() throws -> (Session, [String]) {
    let session = try Session()
    session.press(.key(.enter), .text("north"), .key(.enter))
    session.press(.key(.right), .key(.right), .key(.right), .key(.right), .key(.right))
    session.press(.key(.enter), .key(.tab), .key(.enter))
    let state = session.app.context.state
    let serials = state.tokens.filter {
      $0.state == .allocated && !$0.inUse && $0.account == 3 && $0.model == 0
    }.map(\.serial).sorted()
    return (session, serials)
  }

  @Test func aTypedRangeIsPreviewedThenMovedAndUndone() throws {
    let (session, serials) = try searched()
    try #require(serials.count >= 4)
    session.press(.text("\(serials[1])..\(serials[2])"), .key(.enter))
    session.check("deallocate-hardware/11-range-preview")
    #expect(session.text.contains("Deallocate (0)"))
    session.press(.key(.enter))
    #expect(session.text.contains("Deallocate (2)"))
    session.press(.key(.control("z")))
    #expect(session.text.contains("Deallocate (0)"))
    #expect(session.text.contains("Undone: 2 serials back in Allocated."))
  }

  @Test func aPasteIsPreviewedWithWhatDoesNotMatch() throws {
    let (session, serials) = try searched()
    let state = session.app.context.state
    let foreign = try #require(state.tokens.first { $0.account == 0 }?.serial)
    session.app.handle(.paste("\(serials[0])\n\(serials[1]), \(serials[1]) NOPE-1 \(foreign)"))
    session.check("deallocate-hardware/12-paste-preview")
    let text = session.text
    #expect(text.contains("2 to move to Deallocate"))
    #expect(text.contains("1 unknown: NOPE-1"))
    #expect(text.contains("1 duplicated: \(serials[1])"))
    #expect(text.contains("1 not allocated here or not listed: \(foreign)"))
    session.press(.key(.escape))
    #expect(session.text.contains("Nothing moved."))
    #expect(session.text.contains("Deallocate (0)"))
    #expect(!session.app.isFinished)
  }

  @Test func aPasteOverOneMebibyteIsRefused() throws {
    let (session, _) = try searched()
    session.app.handle(.paste(String(repeating: "RB1-1 ", count: 200_000)))
    #expect(session.text.contains("over 1 MiB: nothing moved. Load it as a file"))
    #expect(session.text.contains("Deallocate (0)"))
  }

  @Test func aFileIsLoadedIntoThePreview() throws {
    let (session, serials) = try searched()
    let path = NSTemporaryDirectory() + "stockroom-rma-\(UUID().uuidString).csv"
    try "rma,Serial Number\n1,\(serials[0])\n2,\(serials[3])\n3,NOPE-2\n"
      .write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    session.press(.key(.control("o")))
    session.check("deallocate-hardware/13-file-prompt")
    session.press(.text("/no/such/file"), .key(.enter))
    #expect(session.text.contains("Cannot read /no/such/file."))
    for _ in 0..<13 { session.press(.key(.backspace)) }
    session.press(.text(path), .key(.tab), .text("Serial Number"), .key(.enter))
    #expect(session.text.contains("2 to move to Deallocate"))
    #expect(session.text.contains("1 unknown: NOPE-2"))
    session.press(.key(.enter))
    #expect(session.text.contains("Deallocate (2)"))
  }

  @Test func aScanCanBeUndone() throws {
    let (session, serials) = try searched()
    session.app.handle(.scan(serials[0]))
    #expect(session.text.contains("Deallocate (1)"))
    session.press(.key(.control("z")))
    #expect(session.text.contains("Undone: \(serials[0]) back in Allocated."))
    #expect(session.text.contains("Deallocate (0)"))
  }
}
