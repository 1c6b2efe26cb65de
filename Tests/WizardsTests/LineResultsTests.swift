import Foundation
import StockroomDomain
import TerminalUI
import TestSupport
import Testing

@testable import Wizards

/// Each wizard's Confirm (a preview) and result read as lines, from the values its screen
/// draws: whole sentences and named facts, one a line, never the drawn text with a sentence
/// broken where the screen wrapped it or two columns run together. On the demo data of either
/// store, each change committed for real.
@Suite(.serialized) struct LineResultsTests {
  @Test(.postgres) func theDatabaseCasesRun() throws { try StoreKind.reachTheServer() }

  /// Hands an input to the app and runs the commit it asked for, as the loop does.
  static func send(_ app: inout App, _ input: LineInput) {
    switch input {
    case .key(let key): app.handle(key)
    case .openRow(let row): app.openRow(row)
    }
    app.runPendingCommit()
  }

  static func press(_ app: inout App, _ keys: [Key]) {
    for key in keys { send(&app, .key(key)) }
  }

  /// The wizard on top read as the line mode prints it, checked as prose and against its
  /// snapshot `name`.
  static func read(
    _ app: App, _ name: String, kind: StoreKind, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> [String] {
    let lines = try question(app)
    checked(lines, name, kind: kind, sourceLocation: sourceLocation)
    return lines
  }

  /// `lines` checked as prose and against their snapshot `name`.
  static func checked(
    _ lines: [String], _ name: String, kind: StoreKind,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    LineProse.check(lines, sourceLocation: sourceLocation)
    snapshot(lines, name, kind: kind, sourceLocation: sourceLocation)
  }

  /// `lines` against its snapshot in `screens/lines/wizards/`, on the file store (its IDs are
  /// the same on every run).
  static func snapshot(
    _ lines: [String], _ name: String, kind: StoreKind,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    guard kind == .file else { return }
    ScreenSnapshot.check(
      text: lines.joined(separator: "\n") + "\n", "lines/wizards/" + name,
      sourceLocation: sourceLocation)
  }

  /// The subscription action modal of `action` on SUB-000001, over home.
  static func opening(_ action: SubscriptionAction, _ fixture: LineFixture) throws -> App {
    var app = fixture.app()
    let subscription = try #require(app.context.state.subscriptions.subscription("SUB-000001"))
    app.carryOut(
      .push(SubscriptionActionFlow.make(action, subscription: subscription, context: app.context)))
    return app
  }

  /// What the line mode prints for the wizard on top now.
  static func question(_ app: App) throws -> [String] {
    let wizard = try #require(app.current as? any LineWizard, "\(type(of: app.current))")
    return wizard.lineQuestion(context: app.context)
  }

  @Test(arguments: StoreKind.available)
  func theSwapPreviewNamesEveryFactOnItsOwnLineAndTheResultItsSteps(kind: StoreKind) throws {
    let fixture = try LineFixture(kind)
    var app = try Self.opening(.swap, fixture)
    Self.press(&app, [.tab, .tab, .tab, .enter, .tab, .tab, .enter, .tab, .tab])
    Self.press(&app, "WO-9001".map { Key.character($0) } + [.tab, .enter])
    let preview = try Self.question(app)
    #expect(preview.first == "Swap Installed Item, step 4 of 4, Preview.", "\(preview)")
    Self.checked(preview, "swap-preview", kind: kind)
    let names = [
      "Action can be scheduled", "Behaviour Code", "Preview Rate Available",
      "Business Classification Code", "Subscription", "State", "Accounts Receivable", "Reason",
    ]
    for name in names {
      #expect(preview.contains { $0.hasPrefix(name + ": ") }, "\(name): \(preview)")
      // No fact runs into another: each name is on one line of its own.
      let holding = preview.filter { $0.contains(name + ": ") }
      #expect(holding.count == 1, "\(name): \(holding)")
    }
    #expect(preview.contains("Subscription: SUB-000001"), "\(preview)")
    #expect(preview.contains("Validations:") && preview.contains("All validations pass."))
    Self.press(&app, [.enter])
    let result = try Self.read(app, "swap-result", kind: kind)
    #expect(result.first?.hasPrefix("Swap Installed Item done. Transaction ID T") == true)
    #expect(result.contains("System processing:"), "\(result)")
    #expect(result.count > 3, "the system's steps, a line each: \(result)")
  }

  @Test(arguments: StoreKind.available)
  func theRemoveResultSaysItsStepsAndThePreviewItsFacts(kind: StoreKind) throws {
    let fixture = try LineFixture(kind)
    var app = try Self.opening(.remove, fixture)
    Self.press(&app, [.down, .down, .tab, .enter, .tab, .tab, .tab, .enter])
    let preview = try Self.read(app, "remove-preview", kind: kind)
    #expect(preview.contains { $0.hasPrefix("Behaviour Code: ") }, "\(preview)")
    #expect(preview.contains { $0.hasPrefix("Remove ") }, "\(preview)")
    Self.press(&app, [.enter])
    let result = try Self.read(app, "remove-result", kind: kind)
    #expect(result.first?.contains(" done. Transaction ID T") == true, "\(result)")
    #expect(result.contains("System processing:"), "\(result)")
  }

  /// A MobilePASS deallocation answered as lines: its Confirm names every row, its result
  /// the account's table a line per product; then reversed, whose Confirm and result read the
  /// same way.
  @Test(arguments: StoreKind.available)
  func aDeallocationAndItsReversalReadAsSentencesAndNamedFacts(kind: StoreKind) throws {
    let fixture = try LineFixture(kind)
    var app = fixture.app()
    try LineFixture.openMobilePass(&app)
    var session = LineSession()
    _ = session.show(app, force: true)
    var confirm: [String] = []
    for answer in ["1", "2", "RMA-7", "", ""] {
      confirm = session.answer(answer, app: &app, send: Self.send)
    }
    #expect(confirm.first == "Deallocate MobilePASS, step 3 of 3, Confirm.", "\(confirm)")
    Self.checked(confirm, "deallocation-confirm", kind: kind)
    #expect(confirm.contains("Reference: RMA-7"), "\(confirm)")
    #expect(confirm.contains(SummaryConfirm.nothingYet))
    let done = session.answer("confirm", app: &app, send: Self.send)
    Self.checked(done, "deallocation-result", kind: kind)
    let id = try #require(app.context.store?.transactions(account: "ACC-0004").last?.transactionId)
    #expect(done.contains("Deallocated. Transaction ID \(id)"), "\(done)")

    let reversal = try #require(
      ReversalFlow.screen(transactionId: id, why: "Deallocated by mistake", context: app.context))
    app.carryOut(.push(reversal))
    var talk = LineSession()
    _ = talk.show(app, force: true)
    let summary = talk.answer("", app: &app, send: Self.send)
    Self.checked(summary, "reversal-confirm", kind: kind)
    #expect(summary.contains("Why: Deallocated by mistake"), "\(summary)")
    #expect(summary.contains(ReversalFlow.originalStays), "\(summary)")
    let reversed = talk.answer("confirm", app: &app, send: Self.send)
    Self.checked(reversed, "reversal-result", kind: kind)
    #expect(
      reversed.contains { $0.hasPrefix("\(id) stays as it was, marked Reversed by T") },
      "\(reversed)")
  }

  @Test(arguments: StoreKind.available)
  func theReturnsBenchConfirmAndResultNameEachAccountsValues(kind: StoreKind) throws {
    let fixture = try LineFixture(kind)
    var app = fixture.app()
    app.carryOut(
      .push(
        ReturnsFlow.screen(context: app.context, session: ReturnsSession(id: "R0123456789abcdef"))))
    let serials = try ReturnsBenchTests.serials(app.context.state)
    for serial in serials.good { Self.press(&app, [.scan(serial)]) }
    Self.press(&app, [.tab])
    for _ in 0..<20 {
      guard (app.current as? WizardScreen<ReturnsFlow>)?.focusedControl != nil else { break }
      Self.press(&app, [.tab])
    }
    Self.press(&app, [.enter])
    let confirm = try Self.read(app, "returns-confirm", kind: kind)
    #expect(
      confirm.contains {
        $0.hasPrefix("Returning \(serials.good.count) serials from ")
          && $0.hasSuffix("every account's transaction is written, or none is.")
      }, "\(confirm)")
    Self.press(&app, [.enter])
    let result = try Self.read(app, "returns-result", kind: kind)
    #expect(result.first == "Returned. Session R0123456789abcdef: 3 transactions", "\(result)")
    let rows = result.filter { $0.contains(": Transaction T") }
    #expect(rows.count == 3, "\(result)")
    for row in rows { #expect(row.contains(", Serials 3"), "\(row)") }
  }

  @Test(arguments: StoreKind.available)
  func aReceiptSaysWhatIsInStockNowAFactALine(kind: StoreKind) throws {
    let fixture = try LineFixture(kind)
    var app = fixture.app()
    var made = ReceiveFlow.make(context: app.context)
    for serial in ["NEW-0001", "NEW-0002"] {
      made.answers.serials.entered(serial, state: app.context.state)
    }
    app.carryOut(
      .push(WizardScreen(flow: made.flow, answers: made.answers, at: WizardPlace(.confirm))))
    let confirm = try Self.read(app, "receive-confirm", kind: kind)
    #expect(confirm.contains { $0.hasPrefix("Serials: NEW-0001, NEW-0002") }, "\(confirm)")
    Self.press(&app, [.enter])
    let result = try Self.read(app, "receive-result", kind: kind)
    #expect(result.first?.hasPrefix("Received. Transaction ID T") == true, "\(result)")
    #expect(result.contains(ReceiveResult.stockHeading), "\(result)")
    #expect(result.contains { $0.contains(" available, ") }, "\(result)")
  }

  @Test(arguments: StoreKind.available)
  func aSubmittedOrderSaysWhoApprovesItInWholeSentences(kind: StoreKind) throws {
    let fixture = try LineFixture(kind)
    var app = fixture.app()
    app.carryOut(
      .push(NewOrderFlow.screen(session: LineOrderScreensTests.desk, context: app.context)))
    var session = LineSession()
    _ = session.show(app, force: true)
    var out: [String] = []
    // A line of the demo suspended: the type, the line, no comment.
    for answer in ["Suspend line", "1", ""] {
      out = session.answer(answer, app: &app, send: Self.send)
    }
    #expect(out.first == "New wireless order, step 3 of 3, Confirm.", "\(out)")
    Self.checked(out, "order-confirm", kind: kind)
    #expect(out.contains { $0.hasPrefix("Line: ") }, "\(out)")
    #expect(out.contains { $0.hasPrefix("Approver: ") }, "\(out)")
    let done = session.answer("confirm", app: &app, send: Self.send)
    Self.checked(done, "order-result", kind: kind)
    #expect(done.contains { $0.hasPrefix("Order ORD-") && $0.hasSuffix(").") }, "\(done)")
    #expect(done.contains { $0.hasPrefix("It waits for ") && $0.hasSuffix("were emailed.") })
  }

  /// Every wizard the home menu leads to, at its Confirm step: the line mode reads what the
  /// flow says (`confirmLines`), whole sentences and named facts. And the renderer of wizards
  /// reads no drawn text: the drawn-text fallback is left to screens not read as lines.
  @Test(arguments: StoreKind.available)
  func everyWizardFromHomeReadsItsOwnConfirm(kind: StoreKind) throws {
    let fixture = try LineFixture(kind)
    let tour = try LineHomeTourTests.Tour.fromHome(fixture)
    var read: [String] = []
    for (name, reached) in tour.wizards {
      let wizard = try #require(reached.app.current as? any ConfirmProbe)
      let (question, own) = wizard.atConfirm(context: reached.app.context)
      #expect(Array(question.dropFirst().dropLast()) == own, "\(name): \(question)")
      LineProse.check(own, sentences: false)
      read.append(name)
    }
    let expected: Set<String> = [
      "wizard Add Installed Item", "wizard Allocate to Contoso Bank",
      "wizard Deallocate software tokens", "wizard New wireless order", "wizard Receive stock",
      "wizard Remove Installed Item", "wizard Returns bench", "wizard Swap Installed Item",
    ]
    #expect(expected.subtracting(read).isEmpty, "not read: \(read.sorted())")
    let users = try LineProse.sourcesUsing("LineScreenText.lines(of:")
    #expect(users == ["LineMode/LineSession.swift"], "the drawn-text fallback's users: \(users)")
  }
}

/// A wizard opened at its Confirm step with the answers it has, the buttons focused.
protocol ConfirmProbe {
  /// What the line mode asks there, and the flow's own Confirm lines.
  func atConfirm(context: AppContext) -> (question: [String], own: [String])
}

extension WizardScreen: ConfirmProbe {
  func atConfirm(context: AppContext) -> (question: [String], own: [String]) {
    guard let last = flow.steps.last else { return ([], []) }
    var screen = WizardScreen(flow: flow, answers: answers, at: WizardPlace(last))
    for _ in 0..<20 where screen.focusedControl != nil { _ = screen.update(.tab, context: context) }
    return (
      screen.lineQuestion(context: context),
      flow.confirmLines(answers: screen.answers, context: context)
    )
  }
}

/// What line-mode prose must be: no control character, no box drawing, no blank line, no
/// sentence broken where a screen wrapped it, no two columns run together.
enum LineProse {
  static func check(
    _ lines: [String], sentences: Bool = true, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(!lines.isEmpty, sourceLocation: sourceLocation)
    for line in lines {
      #expect(
        !line.trimmingCharacters(in: .whitespaces).isEmpty, "a blank line: \(lines)",
        sourceLocation: sourceLocation)
      #expect(
        !line.unicodeScalars.contains(where: LineCheck.isControl), "\(line)",
        sourceLocation: sourceLocation)
      #expect(
        !line.unicodeScalars.contains { (0x2500...0x257F).contains($0.value) }, "\(line)",
        sourceLocation: sourceLocation)
      #expect(
        !line.contains("   "), "columns run together: \(line)", sourceLocation: sourceLocation)
      // A line that opens on a word all in lower case ("every", "and") goes on a sentence.
      let first = line.prefix { $0 != " " }
      if sentences, !first.isEmpty {
        #expect(
          !first.allSatisfy { $0.isLowercase || $0 == "'" },
          "a sentence broken where the screen wrapped it: \(line)", sourceLocation: sourceLocation)
      }
    }
  }

  /// The files under Sources/Wizards whose text holds `word`, by path from there.
  static func sourcesUsing(_ word: String) throws -> [String] {
    let folder = ModuleRuleTests.root.appendingPathComponent("Sources/Wizards")
    let files = try #require(FileManager.default.enumerator(atPath: folder.path))
      .compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
    return try files.filter {
      try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8).contains(word)
    }.sorted()
  }
}
