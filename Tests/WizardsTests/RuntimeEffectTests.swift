import Foundation
import StockroomDomain
import TerminalUI
import Testing

@testable import Wizards

/// Screens never open a file or scan the ledger: a file prompt asks the runtime for the
/// file and previews the bytes it is handed, a commit hands its transaction back, and the
/// transaction screens read the ledger only through its lookups.
@Suite(.serialized) struct RuntimeEffectTests {
  typealias Session = DeallocationScreenTests.Session

  /// The deallocation pick list after Search, with Northwind's RB-1 serials.
  func picking() throws -> (Session, [String]) {
    try SelectionScreenTests().searched()
  }

  /// Types `text` straight into the app: no file request is carried out.
  func type(_ text: String, into app: inout App) {
    for character in text { app.handle(.character(character)) }
  }

  /// The file the app asked for, taken as the executable takes it.
  func take(_ session: Session) throws -> FileRequest {
    let request = session.app.takeFileRequest()
    #expect(session.app.pendingFileRead == nil)
    return try #require(request)
  }

  @Test func theFilePromptAsksTheRuntimeAndPreviewsWhatItIsHanded() throws {
    let (session, serials) = try picking()
    session.press(.key(.control("o")))
    type("rma.csv", into: &session.app)
    session.app.handle(.tab)
    type("Serial Number", into: &session.app)
    session.app.handle(.enter)
    let request = try take(session)
    #expect(request == FileRequest(path: "rma.csv"))
    #expect(session.text.contains("Load serials from a file"))
    // No such file exists: the bytes come from the runtime alone.
    let bytes = Data("rma,Serial Number\n1,\(serials[0])\n2,\(serials[1])\n".utf8)
    session.app.fileRead(
      FileRead(request: request, path: "/nowhere/rma.csv", contents: .success(bytes)))
    #expect(session.text.contains("File rma.csv"))
    #expect(session.text.contains("2 to move to Deallocate"))
  }

  @Test func aFileTheRuntimeCouldNotReadIsSaidInThePrompt() throws {
    let (session, _) = try picking()
    session.press(.key(.control("o")))
    type("big.txt", into: &session.app)
    session.app.handle(.enter)
    let request = try take(session)
    session.app.fileRead(
      FileRead(request: request, path: "big.txt", contents: .failure(.tooLarge(limit: 64 << 20))))
    #expect(session.text.contains("big.txt is over 64 MiB."))
    session.app.handle(.enter)
    let again = try take(session)
    session.app.fileRead(FileRead(request: again, path: "big.txt", contents: .failure(.unreadable)))
    #expect(session.text.contains("Cannot read big.txt."))
    session.press(.key(.escape))
    #expect(!session.text.contains("Load serials from a file"))
  }

  @Test func theReceiveWizardTakesItsManifestFromTheRuntime() throws {
    let session = try AllocationScreenTests().inventory()
    session.press(.text("r"))
    for _ in 0..<6 { session.press(.key(.tab)) }
    session.press(.key(.enter))
    #expect(session.text.contains("Step 2 of 3"))
    session.press(.key(.control("o")))
    type("manifest.txt", into: &session.app)
    session.app.handle(.enter)
    let request = try take(session)
    let bytes = Data("RB1-9100001\nRB1-9100002\nRB1-9100002\n".utf8)
    session.app.fileRead(
      FileRead(request: request, path: "/nowhere/manifest.txt", contents: .success(bytes)))
    #expect(session.text.contains("File manifest.txt"))
    #expect(session.text.contains("2 new serials to receive"))
  }

  @Test func aCommitHandsItsTransactionToTheResultAndTheTransactionScreen() throws {
    let session = try AllocationScreenTests().inventory()
    let ledger = CountingLedger(try DemoFixture.store())
    session.app.context.store = ledger
    let before = ledger.lastSequence
    session.press(.text("r"))
    for _ in 0..<4 { session.press(.key(.right)) }
    session.press(.key(.tab), .key(.down))
    for _ in 0..<5 { session.press(.key(.tab)) }
    session.press(.key(.enter), .text("250"), .key(.tab), .key(.enter), .key(.enter))
    #expect(ledger.lastSequence == before + 1)
    let id = Transaction.identifier(sequence: ledger.lastSequence)
    #expect(session.text.contains("Transaction ID \(id)"))
    session.press(.key(.enter))
    #expect(session.app.current is TransactionScreen)
    #expect(session.text.contains("Transaction \(id)"))
    #expect(session.text.contains("250"))
    #expect(ledger.byId == 0)
  }

  @Test func theTransactionLogUsesTheAccountLookup() throws {
    let ledger = CountingLedger(try DemoFixture.store())
    var context = AppContext.reference(store: ledger)
    context.size = .minimum
    let code = ledger.state.accounts[3].code
    let expected = try ledger.store.transactions(account: code)
    var log = TransactionLogScreen(
      accountCode: code, accountName: ledger.state.accounts[3].name, context: context)
    #expect(ledger.byAccount == 1)
    #expect(log.status?.text == "\(expected.count) transactions of \(code)")
    guard case .push(let screen) = log.update(.enter, context: context) else {
      Issue.record("Enter opens nothing")
      return
    }
    let opened = try #require(screen as? TransactionScreen)
    #expect(opened.transactionId == expected.last?.transactionId)
    #expect(ledger.byId == 0)
  }
}
