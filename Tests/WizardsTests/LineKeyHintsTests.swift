import StockroomDomain
import TerminalUI
import TestSupport
import Testing

@testable import Wizards

/// In the line mode keys mean nothing: a hint written for the screen ("Esc goes back",
/// "Ctrl-Z undoes", "Enter opens the details") names the line's words and commands instead.
/// The home tour's screens and wizards are walked (every line they print, `:help` and
/// `:status` on each, a wizard answered with empty lines), and a wizard is taken through
/// Confirm to its result; no line names a key.
@Suite struct LineKeyHintsTests {
  @Test(.postgres) func theDatabaseCasesRun() throws { try StoreKind.reachTheServer() }

  /// True when `line` names a key.
  static func namesAKey(_ line: String) -> Bool { KeyNames.named(in: line) }

  /// The lines of `said` that name a key, with where they were said.
  static func naming(_ said: [(screen: String, line: String)]) -> [String] {
    said.filter { namesAKey($0.line) }.map { "\($0.screen): \($0.line)" }
  }

  @Test func theRuleFindsKeysAndNotWords() {
    for line in ["Ctrl-Z undoes.", "Esc goes back", "(Ctrl-O)", "Enter opens T000004", "F5 swaps"] {
      #expect(Self.namesAKey(line), "\(line)")
    }
    for line in [
      "Type esc or tab.", "Entered 3", "Spaces", "Tablet", "RB1-F1234", ":back goes back",
    ] {
      #expect(!Self.namesAKey(line), "\(line)")
    }
  }

  @Test func aHintIsWordedOrLeftOut() {
    let hints = LineHints(words: [.escape: ":back", .enter: "an empty line"])
    #expect(
      hints.worded("Committed as T000004. Esc goes back.")
        == "Committed as T000004. :back goes back.")
    #expect(
      hints.worded("3 serials moved to Deallocate. Ctrl-Z undoes.")
        == "3 serials moved to Deallocate.")
    #expect(
      hints.worded("Enter opens T000004 · Esc goes back")
        == "An empty line opens T000004 · :back goes back")
    #expect(hints.worded("Press Enter to go on.") == "Type an empty line to go on.")
    #expect(
      hints.worded("a serial, or a range A..B; Tab moves on. Now: empty.")
        == "a serial, or a range A..B; Now: empty.")
    #expect(hints.worded("Tab, then F5 previews. the rules decide.") == "The rules decide.")
    #expect(
      LineHints(words: [:]).worded(
        "Error: Serials does not take that: Enter adds it; one is refused")
        == "Error: Serials does not take that: one is refused")
    #expect(
      hints.worded(["Ctrl-O loads a file.", "", "Shift-Tablet stays."]) == [
        "", "Shift-Tablet stays.",
      ])
  }

  /// A question's heading: its rule worded before the value, a rule without keys kept whole
  /// (its own last character too), the value never touched.
  @Test func aHeadingsRuleIsWordedAndItsValueKept() {
    let hints = LineHints(words: [.escape: ":back"])
    let question = [
      "Where.",
      "Reference (text): up to 64 letters and - _ / . # :. Now: Esc.",
      "Scan (text): a serial, matched exactly; Enter scans it. Now: empty.",
      "Type it; Esc goes back.",
    ]
    #expect(
      hints.wordedQuestion(question) == [
        "Where.",
        "Reference (text): up to 64 letters and - _ / . # :. Now: Esc.",
        "Scan (text): a serial, matched exactly. Now: empty.",
        "Type it; :back goes back.",
      ])
  }

  @Test(arguments: StoreKind.available)
  func noLineOfTheHomeTourNamesAKey(kind: StoreKind) throws {
    let fixture = try LineFixture(kind)
    let tour = try LineHomeTourTests.tour(fixture)
    var said = tour.said
    let wizardAnswers = [":help", ":status", "", "", "", "", ":status"]
    for (name, opened) in tour.screens.merging(tour.wizards, uniquingKeysWith: { $1 }) {
      var app = opened.app
      var session = opened.session
      let answers = app.current is any LineWizard ? wizardAnswers : [":help", ":status"]
      for answer in answers {
        said += session.answer(answer, app: &app, send: LineHomeTourTests.send).map { (name, $0) }
      }
    }
    let naming = Self.naming(said)
    #expect(naming.isEmpty, "\(naming.joined(separator: "\n"))")
  }

  /// The MobilePASS wizard of Northwind Traders through Confirm to its result.
  @Test func noLineOfAWizardToItsResultNamesAKey() throws {
    var app = App(
      home: Home.screen(), size: LineFixture.lineSize, context: try DemoFixture.context())
    try LineFixture.openMobilePass(&app)
    var session = LineSession()
    var said = session.show(app, force: true).map { ("wizard", $0) }
    for answer in ["2", "2", "RMA-7", "", "", "", ":help", "confirm", ":help", ":status"] {
      said += session.answer(answer, app: &app, send: LineSessionTests.send).map { ("wizard", $0) }
    }
    #expect(said.contains { $0.1.hasPrefix("Committed as T") }, "\(said)")
    let naming = Self.naming(said)
    #expect(naming.isEmpty, "\(naming.joined(separator: "\n"))")
  }

  /// The user's words are data, never hints: a comment naming keys is read back as typed at
  /// its prompt, on Confirm and in the result's details.
  @Test func aCommentNamingKeysIsReadAsTyped() throws {
    var app = App(
      home: Home.screen(), size: LineFixture.lineSize, context: try DemoFixture.context())
    try LineFixture.openMobilePass(&app)
    var session = LineSession()
    _ = session.show(app, force: true)
    let comment = "Press Enter; Delete the old SIM. Esc"
    for answer in ["2", "2", "RMA-7", comment] {
      _ = session.answer(answer, app: &app, send: LineSessionTests.send)
    }
    let status = session.answer(":status", app: &app, send: LineSessionTests.send)
    #expect(status.contains { $0.contains(comment) }, "\(status)")
    var confirm: [String] = []
    for _ in 0..<3 where !confirm.contains(where: { $0.hasPrefix("Type confirm") }) {
      confirm = session.answer("", app: &app, send: LineSessionTests.send)
    }
    #expect(confirm.contains { $0.contains(comment) }, "\(confirm)")
  }
}
