import StockroomDomain
import TerminalUI
import TestSupport
import Testing

@testable import Wizards

/// Issue 21's acceptance, "bad input at every prompt gets a line starting with Error: and the
/// same prompt again": every wizard the home menu reaches is walked prompt by prompt, and at
/// each prompt an unknown choice, letters where a number or choice is asked, and a
/// 10,000-character line are answered before Enter keeps the value and goes on. (Invalid
/// UTF-8 and lines over 4,096 characters are refused before the session, by `LineBytes`:
/// LineTextTests and LineModeTests.)
@Suite struct LineBadAnswersTests {
  @Test(.postgres) func theDatabaseCasesRun() throws { try StoreKind.reachTheServer() }

  /// The most prompts walked in one wizard.
  static let prompts = 40

  @Test(arguments: StoreKind.available)
  func everyPromptOfEveryWizardRefusesBadAnswersAndAsksAgain(kind: StoreKind) throws {
    let fixture = try LineFixture(kind)
    let tour = try LineHomeTourTests.Tour.fromHome(fixture)
    #expect(tour.wizards.count >= 8, "\(tour.wizards.keys.sorted())")
    var problems: [String] = []
    var asked = 0
    for (name, start) in tour.wizards.sorted(by: { $0.key < $1.key }) {
      var app = start.app
      var session = start.session
      for _ in 0..<Self.prompts {
        guard let wizard = app.current as? any LineWizard else { break }
        let question = session.show(app, force: true)
        if question.contains(where: { $0.hasPrefix("Type confirm") }) { break }
        asked += 1
        var bad = [String(repeating: "x", count: 10_000)]
        if !wizard.lineTakesText { bad += ["no-such-choice", "99999"] }
        for answer in bad {
          var trial = app
          var talk = session
          let out = talk.answer(answer, app: &trial, send: LineHomeTourTests.send)
          let shown = answer.count > 20 ? "\(answer.count) characters" : answer
          if out.first?.hasPrefix("Error: ") != true {
            problems.append("\(name), \(question.first ?? ""): \(shown) gave \(out.prefix(2))")
          } else if !out.contains(question.first ?? "") {
            problems.append("\(name): \(shown) did not ask again: \(out.prefix(4))")
          }
        }
        let before = question
        _ = session.answer("", app: &app, send: LineHomeTourTests.send)
        if session.show(app, force: true) == before { break }  // a required answer: stop here
      }
    }
    #expect(asked >= 12, "only \(asked) prompts walked")
    #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
  }
}
