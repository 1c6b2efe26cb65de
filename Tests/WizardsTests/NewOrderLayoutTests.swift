import Foundation
import StockroomDomain
import StockroomStore
import TerminalUI
import Testing

@testable import Wizards

/// The new-order wizard on the named-step runtime: one layout per step for drawing, the
/// cursor, clicks and page sizes at any terminal size; every control described; a refusal
/// at Confirm goes back to the detail to fix.
@Suite(.serialized) struct NewOrderLayoutTests {
  typealias Session = DeallocationScreenTests.Session
  typealias Wizard = WizardScreen<NewOrderFlow>

  static let desk = OrderSession(actor: "EMP-0004", mayActAsAnyone: true)

  func opened(size: Size = .minimum) throws -> Session {
    let session = try Session()
    session.app.handle(.resize(size))
    session.app.carryOut(
      .push(NewOrderFlow.screen(session: Self.desk, context: session.app.context)))
    return session
  }

  func wizard(_ session: Session) throws -> Wizard {
    try #require(session.app.current as? Wizard)
  }

  func keys(_ session: Session, _ keys: Key...) {
    for key in keys {
      session.app.handle(key)
      session.app.runPendingCommit()
    }
  }

  @Test func aTallTerminalShowsEveryTypeAndPagesByTheRowsShown() throws {
    let session = try opened(size: Size(width: 120, height: 40))
    session.check("orders/18-new-type-120x40")
    let text = session.text
    for type in OrderType.allCases { #expect(text.contains(type.title)) }
    #expect(!text.contains("for more"))
    let small = try opened()
    #expect(try wizard(small).layout(for: .minimum).frame(.type).height == 10)
    keys(small, .pageDown)
    #expect(try wizard(small).answers.typeIndex == 9)
    keys(small, .pageDown, .pageDown)
    #expect(try wizard(small).answers.typeIndex == OrderType.allCases.count - 1)
    keys(small, .pageUp)
    #expect(try wizard(small).answers.typeIndex == 8)
  }

  @Test func aClickChoosesTheTypeUnderIt() throws {
    let session = try opened()
    let layout = try wizard(session).layout(for: .minimum)
    let list = layout.frame(.type)
    keys(session, .mouse(Mouse(.press, x: list.x + 5, y: list.y + 3)))
    #expect(try wizard(session).answers.type == OrderType.allCases[3])
    keys(session, .mouse(Mouse(.wheelDown, x: list.x + 5, y: list.y)))
    #expect(try wizard(session).answers.type == OrderType.allCases[4])
  }

  @Test func clicksOnADetailFocusAndChoose() throws {
    let session = try opened()
    keys(session, .down, .down, .down, .down, .down, .down, .down, .enter, .enter)  // Upgrade
    var wizard = try wizard(session)
    #expect(wizard.step == .details)
    let layout = wizard.layout(for: .minimum)
    let comment = try #require(layout[.field(.comment)])
    keys(session, .mouse(Mouse(.press, x: comment.x, y: comment.y)))
    wizard = try self.wizard(session)
    #expect(wizard.focusedControl == .field(.comment))
    let cursor = try #require(wizard.cursor(in: App.bodyRect(for: .minimum)))
    #expect(cursor.y == comment.y)
    #expect(cursor.x == NewOrderFlow.textBox(comment).x + 1)
    let line = try #require(layout[.field(.line)])
    let value = NewOrderFlow.valueRect(line)
    let before = wizard.flow.fields(wizard.answers).value(.line, wizard.answers)
    keys(session, .mouse(Mouse(.press, x: value.x, y: value.y)))  // ‹: the one before
    wizard = try self.wizard(session)
    #expect(wizard.focusedControl == .field(.line))
    let after = wizard.flow.fields(wizard.answers).value(.line, wizard.answers)
    #expect(after != before)
  }

  @Test func everyControlIsDescribed() throws {
    let session = try opened()
    let wizard = try wizard(session)
    let type = wizard.flow.describe(.type, step: .type, answers: wizard.answers)
    #expect(type.kind == .radio)
    #expect(type.choices.count == OrderType.allCases.count)
    #expect(type.value == "New device and line")
    for order in OrderType.allCases {
      var answers = wizard.answers
      answers.typeIndex = try #require(OrderType.allCases.firstIndex(of: order))
      for control in wizard.flow.controls(step: .details, answers: answers) {
        let described = wizard.flow.describe(control, step: .details, answers: answers)
        #expect(!described.label.isEmpty)
        #expect(!described.helpLine.isEmpty)
        if case .field(let key) = control {
          #expect(described.kind == (key.isText ? (key == .quantity ? .number : .text) : .choice))
        }
      }
    }
    #expect(wizard.help.contains("Order type (radio, required): one of New device and line"))
  }

  @Test func controlsAreWrittenByName() throws {
    let place = WizardPlace<NewOrderFlow.Step, NewOrderFlow.Control>(.details, .field(.voicePlan))
    let json = String(decoding: try JSONEncoder().encode(place), as: UTF8.self)
    #expect(json.contains(#""control":"voicePlan""#))
    #expect(json.contains(#""step":"details""#))
    let back = try JSONDecoder().decode(type(of: place), from: Data(json.utf8))
    #expect(back == place)
    #expect(NewOrderFlow.Control(name: "type") == .type)
    #expect(NewOrderFlow.Control(name: "nothing") == nil)
  }

  /// Another session orders for the same line while this one is on Confirm: Confirm is
  /// refused, and the wizard goes back to the line with every other answer kept.
  @Test func aConflictAtConfirmGoesBackToTheLine() throws {
    let session = try opened()
    for _ in 0..<15 { keys(session, .down) }  // Suspend line
    keys(session, .enter, .enter)
    for _ in 0..<6 { keys(session, .right) }
    keys(session, .tab)
    for character in "Travelling" { keys(session, .character(character)) }
    keys(session, .tab, .enter)
    #expect(try wizard(session).step == .confirm)
    let store = try #require(session.app.context.store as? FileStore)
    let other = try DemoFixture.secondSession(of: store)
    let request = OrderRequest(type: .suspend, employee: "EMP-0007", line: "312-555-0107")
    _ = try other.commit(
      .order(.submit(request, actor: "EMP-0007", at: "2026-11-22T09:00:00Z", comment: "")),
      context: .init(user: "other", uid: 1002), key: "other-session")
    keys(session, .enter)
    let wizard = try wizard(session)
    #expect(wizard.step == .details)
    #expect(wizard.focusedControl == .field(.line))
    #expect(wizard.answers.text(.comment) == "Travelling")
    #expect(session.text.contains("already has open order ORD-000006"))
  }
}
