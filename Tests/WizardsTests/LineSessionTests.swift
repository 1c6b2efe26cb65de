import StockroomDomain
import TerminalUI
import TestSupport
import Testing

@testable import Wizards

/// The line mode's conversation on the demo data, without a terminal: Home read as numbered
/// rows, a wizard answered line by line, bad answers refused with "Error:" and the same
/// question, and a storm of random lines that never crashes.
@Suite(.serialized) struct LineSessionTests {
  /// Hands an input to the app and runs the commit it asked for, as the loop does.
  static func send(_ app: inout App, _ input: LineInput) {
    switch input {
    case .key(let key): app.handle(key)
    case .openRow(let row): app.openRow(row)
    }
    app.runPendingCommit()
  }

  static func app() throws -> App {
    App(home: Home.screen(), size: Size(width: 100, height: 40), context: try DemoFixture.context())
  }

  @Test func homeIsReadAsNumberedRowsAndANumberOpensOne() throws {
    var app = try Self.app()
    var session = LineSession()
    let home = session.show(app, force: true)
    #expect(home.contains("1 On-Boarding › Allocation: Allocation tables; deallocate tokens"))
    #expect(home.contains("Type a row's number to open it."))
    let wrong = session.answer("99", app: &app, send: Self.send)
    #expect(wrong.first?.hasPrefix("Error: 99 is not a row") == true, "\(wrong)")
    #expect(wrong.last?.hasPrefix("Stockroom: type a row's number (1 to 7)") == true, "\(wrong)")
    _ = session.answer("1", app: &app, send: Self.send)
    #expect(app.current.title == AccountsScreen.onBoarding)
  }

  /// A searchable list: each answer is the whole search (not added to the last one),
  /// `:filter TEXT` searches, a pick list's command is refused, `:status` says the search.
  @Test func aListScreensSearchIsReplacedByEachAnswer() throws {
    var app = try Self.app()
    var session = LineSession()
    _ = session.answer("1", app: &app, send: Self.send)
    let list = session.answer(":list", app: &app, send: Self.send)
    #expect(list.first?.hasPrefix("Error: :list works on a serial pick list") == true, "\(list)")
    let nothing = session.answer("zz", app: &app, send: Self.send)
    #expect(nothing.contains("Search: zz"), "\(nothing)")
    let status = session.answer(":status", app: &app, send: Self.send)
    #expect(status.contains("Search: zz") && status.contains("Accounts: 0 of 6 accounts."))
    _ = session.answer(":filter north", app: &app, send: Self.send)
    #expect(app.current.title == "Northwind Traders")
    _ = session.answer(":back", app: &app, send: Self.send)
    _ = session.answer("fab", app: &app, send: Self.send)
    #expect(app.current.title == "Fabrikam Health")
  }

  /// Before Search has listed the serials, a pick list's command says how to get there,
  /// and the Search button is asked without a value to read back.
  @Test func aPickListCommandBeforeSearchSaysHowToGetThere() throws {
    var app = try Self.app()
    let account = try #require(app.context.state.accounts.firstIndex { $0.code == "ACC-0004" })
    let made = try #require(
      DeallocationFlow.make(kind: .hardware(model: 0), account: account, context: app.context))
    app.carryOut(.push(WizardScreen(flow: made.flow, answers: made.answers)))
    var session = LineSession()
    _ = session.show(app, force: true)
    let early = session.answer(":list", app: &app, send: Self.send)
    #expect(early.first?.hasPrefix("Error: :list works once Search has listed") == true, "\(early)")
    let search = session.answer("", app: &app, send: Self.send)
    #expect(search.contains { $0.hasPrefix("Search (button).") && !$0.contains("Now:") })
    _ = session.answer("", app: &app, send: Self.send)
    let listed = session.answer(":list", app: &app, send: Self.send)
    #expect(listed.first?.hasSuffix("serials on offer.") == true, "\(listed)")
  }

  /// The receiving wizard's scan field: each line is a serial handed in with Enter (it was
  /// typed and left with Tab, so nothing was added), and an empty line goes on.
  @Test func serialsTypedAtTheReceivingScanFieldAreAdded() throws {
    var app = try Self.app()
    let made = ReceiveFlow.make(context: app.context)
    app.carryOut(
      .push(
        WizardScreen(
          flow: made.flow, answers: made.answers, at: WizardPlace(.items, .serials(.scan)))))
    var session = LineSession()
    let question = session.show(app, force: true)
    #expect(question.contains { $0.hasPrefix("Type or scan serials, one a line") }, "\(question)")
    let added = session.answer("NEW-LINE-1", app: &app, send: Self.send)
    #expect(added.first == "NEW-LINE-1 added; 1 serial to receive.", "\(added)")
    let twice = session.answer("NEW-LINE-1", app: &app, send: Self.send)
    #expect(twice.first == "Error: NEW-LINE-1 is already listed: refused.", "\(twice)")
    _ = session.answer("NEW-LINE-2", app: &app, send: Self.send)
    let wizard = try #require(app.current as? WizardScreen<ReceiveFlow>)
    #expect(wizard.answers.serials.serials == ["NEW-LINE-1", "NEW-LINE-2"])
    let next = session.answer("", app: &app, send: Self.send)
    #expect(next.first == "Receive stock, step 3 of 3, Confirm.", "\(next)")
  }

  /// The returns bench's scan field: each line is a scan, answered in one line (it was
  /// typed and left with Tab, so nothing was scanned); an empty line goes on to Confirm.
  @Test func serialsTypedAtTheReturnsBenchAreScanned() throws {
    var app = try Self.app()
    let serials = app.context.state.tokens.filter {
      $0.state == .allocated && !$0.inUse && $0.model == 0
    }.prefix(2).map(\.serial)
    try #require(serials.count == 2)
    var session = LineSession()
    _ = session.show(app, force: true)
    let bench = session.answer("2", app: &app, send: Self.send)
    #expect(bench.contains { $0.hasPrefix("Type or scan serials, one a line") }, "\(bench)")
    for serial in serials {
      let said = session.answer(serial, app: &app, send: Self.send)
      #expect(said.count == 1 && said.first?.hasPrefix("\(serial): ACC-") == true, "\(said)")
    }
    let again = session.answer(serials[0], app: &app, send: Self.send)
    #expect(again == ["Error: \(serials[0]): already scanned in this session"], "\(again)")
    let confirm = session.answer("", app: &app, send: Self.send)
    #expect(confirm.first == "Returns bench, step 2 of 2, Confirm.", "\(confirm)")
    #expect(confirm.contains("Serials: " + serials.joined(separator: ", ")), "\(confirm)")
  }

  /// The MobilePASS wizard of Northwind Traders answered as lines, to the Transaction ID.
  @Test func aWizardIsAnsweredLineByLineAndRefusedAnswersAreAskedAgain() throws {
    var app = try Self.app()
    try LineFixture.openMobilePass(&app)
    var session = LineSession()
    let first = session.show(app, force: true)
    #expect(first.first == "Deallocate MobilePASS, step 1 of 3, Select.")
    #expect(first.contains { $0.hasPrefix("Deallocate (number, required): 1 to ") })
    let letters = session.answer("two", app: &app, send: Self.send)
    #expect(letters.first?.hasPrefix("Error: Deallocate takes a number") == true, "\(letters)")
    #expect(letters.contains("Deallocate MobilePASS, step 1 of 3, Select."))
    let empty = session.answer("", app: &app, send: Self.send)
    #expect(empty.first?.hasPrefix("Error: Deallocate: ") == true, "\(empty)")
    let reference = session.answer("2", app: &app, send: Self.send)
    #expect(reference.first == "Deallocate MobilePASS, step 2 of 3, Reference.", "\(reference)")
    let unknown = session.answer("Atlantis", app: &app, send: Self.send)
    #expect(unknown.first?.hasPrefix("Error: Atlantis is not one of the choices") == true)
    for answer in ["2", "RMA-7", "", ""] { _ = session.answer(answer, app: &app, send: Self.send) }
    let status = session.answer(":status", app: &app, send: Self.send)
    #expect(status.first == "Deallocate MobilePASS, step 3 of 3, Confirm.", "\(status)")
    // What is filled in, the earlier steps included.
    #expect(status.contains { $0.hasPrefix("Step 1, Select: Deallocate") }, "\(status)")
    #expect(
      status.contains { $0.hasPrefix("Step 2, Reference: ") && $0.contains("RMA-7") }, "\(status)")
    let notYet = session.answer("yes", app: &app, send: Self.send)
    #expect(notYet.first?.hasPrefix("Error: Type confirm") == true, "\(notYet)")
    let done = session.answer("confirm", app: &app, send: Self.send)
    #expect(done.first?.hasPrefix("Committed as T") == true, "\(done)")
    let last = try #require(app.context.store?.transactions(account: "ACC-0004").last)
    #expect(last.reference == "RMA-7")
  }

  @Test func seededRandomLinesNeverCrash() throws {
    let seed = FuzzSeed("LineSessionTests")
    var generator = seed.generator
    var app = try Self.app()
    var session = LineSession()
    let words = [
      "1", "2", "3", "4", "5", "6", "", "", ":back", ":help", ":status", ":more", "enter",
      "down 2", "tab", "yes", "no", "confirm", ":cancel", "x\u{1B}[2J", "RB1-0001", "1..9",
      ":list", ":pick 1-3", ":remove RB1-0001", ":done", "esc", "/",
      String(repeating: "9", count: 200),
    ]
    for round in 0..<400 {
      let line = words.randomElement(using: &generator) ?? ""
      let out = session.answer(line, app: &app, send: Self.send)
      for text in out where text.hasPrefix("Error") {
        #expect(text.hasPrefix("Error: "), "\(seed.note) round \(round): \(text)")
      }
      if app.isFinished { app = try Self.app() }
    }
  }
}
