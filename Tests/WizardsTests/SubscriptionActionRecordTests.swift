import Foundation
import StockroomDomain
import StockroomStore
import TerminalUI
import Testing

@testable import Wizards

/// The subscription action modal on the named-step runtime: its answers written down by
/// name and opened again (drafts, `--interactive`), each refusal tied to its control, the
/// recovery after a conflict at Confirm, and the layout of a larger terminal.
@Suite(.serialized) struct SubscriptionActionRecordTests {
  typealias Session = DeallocationScreenTests.Session
  typealias Press = DeallocationScreenTests.Press
  typealias Flow = SubscriptionActionFlow
  static let tab = Press.key(.tab)
  static let enter = Press.key(.enter)
  static let down = Press.key(.down)
  static let right = Press.key(.right)
  static let space = Press.key(.character(" "))

  /// Home → Subscriptions → `number`, on `session` (a new one by default).
  func open(_ number: String, _ session: Session? = nil) throws -> Session {
    let session = try session ?? Session()
    session.press(Self.down, Self.down, Self.down, Self.enter, .text(number), Self.enter)
    return session
  }

  func wizard(_ session: Session) throws -> WizardScreen<Flow> {
    try #require(session.app.current as? WizardScreen<Flow>)
  }

  /// Every kind of answer, on each action, stopped on a control of a step.
  static let journeys: [(String, [Press])] = [
    // Swap a component: reason, mode, a searched candidate two rows down.
    (
      "SUB-000002",
      [
        enter, down, tab, right, tab, right, tab, space, tab, enter, .text("HUB"), tab, down,
      ]
    ),
    // The same swap on to the details, a reference typed.
    (
      "SUB-000002",
      [
        enter, down, tab, tab, right, tab, space, tab, enter, tab, tab, enter, tab, tab,
        .text("WO-5"),
      ]
    ),
    // Remove a sold item, on the details.
    ("SUB-000002", [down, enter, .key(.end), tab, enter]),
    // Add a router, sold.
    ("SUB-000003", [down, down, enter, .text("rtr"), tab, down, tab, right]),
  ]

  @Test(arguments: journeys.indices)
  func recordThenRestoreGivesTheSameAnswersAndScreen(_ index: Int) throws {
    let (number, keys) = Self.journeys[index]
    let session = try open(number)
    session.press(keys)
    let shown = try wizard(session)
    let record = shown.flow.record(of: shown.answers)

    let json = try JSONEncoder().encode(record)
    let decoded = try JSONDecoder().decode(SubscriptionActionRecord.self, from: json)
    #expect(decoded == record)

    let restored = try Flow.restore(decoded, context: session.app.context).get()
    #expect(restored.changes.isEmpty)
    #expect(restored.flow.record(of: restored.answers) == record)
    #expect(restored.answers.command == shown.answers.command)

    let again = try open(number)
    again.app.carryOut(
      .push(WizardScreen(flow: restored.flow, answers: restored.answers, at: shown.place)))
    let (before, beforeCursor) = session.app.render()
    let (after, afterCursor) = again.app.render()
    #expect(after.text == before.text)
    #expect(afterCursor == beforeCursor)
    #expect(try wizard(again).place == shown.place)
  }

  @Test func aDraftKeepsTheModalByNameAndResumesIt() throws {
    let (number, keys) = Self.journeys[1]
    let session = try open(number)
    session.press(keys)
    let draft = try #require(
      session.app.draft(
        id: "0123456789ab", user: "jdoe", uid: 1001, createdAt: "2026-11-22T09:00:00Z",
        updatedAt: "2026-11-22T09:05:00Z"))
    #expect(draft.wizard.kind == "subscription-action")
    #expect(draft.wizard.step == .string("details"))
    #expect(draft.wizard.control == .string("reference"))
    let record = try #require(draft.wizard.record.decode(SubscriptionActionRecord.self))
    #expect(record.item == "HUB-10001")
    #expect(record.mode == "component")
    #expect(record.reference == "WO-5")
    let encoded = try #require(draft.encoded())
    let loaded = try #require(Draft.decode(encoded))

    var resumed = App(home: Home.screen(), size: .minimum, context: session.app.context)
    #expect(resumed.resume(loaded) == nil)
    let screen = try #require(resumed.current as? WizardScreen<Flow>)
    let original = try wizard(session)
    #expect(screen.place == original.place)
    #expect(screen.commitKey == original.commitKey)
    // The modal's own frame is the same; only the breadcrumb above it is shorter.
    let body = { (app: App) in app.render().buffer.text.split(separator: "\n").dropFirst() }
    #expect(body(resumed) == body(session.app))
  }

  @Test func aRecordMissingAFieldStillRestoresTheRest() throws {
    // A draft written before `reason` existed: everything else is there.
    let fixture = """
      {"action": "swap", "subscription": "SUB-000001", "item": "STB-10001",
       "search": "", "newItem": "STB-10007", "performedBy": "Sam Tech",
       "performedDate": "2026-11-22 08:30", "reference": "WO-42"}
      """
    let record = try JSONDecoder().decode(SubscriptionActionRecord.self, from: Data(fixture.utf8))
    #expect(record.reason == nil)
    let session = try open("SUB-000001")
    let restored = try Flow.restore(record, context: session.app.context).get()
    let answers = restored.answers
    #expect(restored.changes.isEmpty)
    #expect(answers.item?.serial == "STB-10001")
    #expect(answers.candidate?.serial == "STB-10007")
    #expect(answers.chosenReason == .broken)
    #expect(answers.performedBy.text == "Sam Tech")
    #expect(answers.performedOn.text == "2026-11-22 08:30")
    #expect(answers.reference.text == "WO-42")
    #expect(answers.problems.isEmpty)
    #expect(restored.flow.firstUnanswered(answers: answers) == .preview)

    session.app.carryOut(.push(Flow.screen(restored)))
    let text = session.text
    #expect(text.contains("Step 4 of 4 · Preview"))
    #expect(text.contains("Add STB-10007 4K set-top box (rented)"))
    #expect(text.contains("Remove STB-10001 4K set-top box (rented)"))
  }

  @Test func aRecordWithoutTheNewItemOpensWhereItIsChosen() throws {
    let session = try open("SUB-000001")
    let record = SubscriptionActionRecord(
      action: "swap", subscription: "SUB-000001", item: "STB-10001", reason: "lost")
    let restored = try Flow.restore(record, context: session.app.context).get()
    let screen = Flow.screen(restored)
    #expect(screen.place == WizardPlace(.newItem, .candidates))
    session.app.carryOut(.push(screen))
    let text = session.text
    #expect(text.contains("Step 2 of 4 · New item"))
    #expect(!text.contains("> STB-"), "no new item is chosen yet:\n\(text)")
    #expect(text.contains("New item: choose one of the 5 found with ↑ ↓"))
    session.press(Self.down, Self.tab, Self.enter)
    #expect(session.text.contains("Step 3 of 4 · Details"))
    #expect(try wizard(session).answers.candidate?.serial == "STB-10006")
  }

  @Test func aRecordNamingAnItemNoLongerInstalledSaysSo() throws {
    let session = try open("SUB-000001")
    let removed = App.commit(
      PendingCommit(
        command: .subscription(
          .remove(RemoveRequest(subscription: "SUB-000001", serial: "RTR-10001"))),
        reference: "", key: "gone"), context: session.app.context)
    guard case .committed = removed else {
      Issue.record("the removal was not committed: \(removed)")
      return
    }
    let record = SubscriptionActionRecord(
      action: "remove", subscription: "SUB-000001", item: "RTR-10001", reference: "WO-7")
    let restored = try Flow.restore(record, context: session.app.context).get()
    #expect(restored.changes == ["RTR-10001 is no longer installed on SUB-000001"])
    #expect(restored.answers.item == nil)
    #expect(restored.answers.reference.text == "WO-7", "the other answers are kept")
    let screen = Flow.screen(restored)
    #expect(screen.place == WizardPlace(.item, .installed))
    session.app.carryOut(.push(screen))
    #expect(session.text.contains("Not kept: RTR-10001 is no longer installed on SUB-000001"))
  }

  @Test func aRecordTheStoreCannotOpenIsRefusedWithAReason() throws {
    let context = try open("SUB-000001").app.context
    let cases: [(SubscriptionActionRecord, String)] = [
      (SubscriptionActionRecord(subscription: "SUB-000001"), "names no action"),
      (SubscriptionActionRecord(action: "swap"), "Unknown subscription (none given)"),
      (
        SubscriptionActionRecord(action: "swap", subscription: "SUB-999999"),
        "Unknown subscription SUB-999999"
      ),
      (
        SubscriptionActionRecord(action: "add-item", subscription: "SUB-000008"),
        "Add Installed Item on SUB-000008: not in Cancelled"
      ),
    ]
    for (record, message) in cases {
      guard case .failure(let error) = Flow.restore(record, context: context) else {
        Issue.record("\(record) was restored")
        continue
      }
      #expect(error.message.contains(message), "\(error.message)")
    }
  }

  @Test func unknownWordsAndRefusedTextAreNotedAndDropped() throws {
    let context = try open("SUB-000003").app.context
    let record = SubscriptionActionRecord(
      action: "add-item", subscription: "SUB-000003", newItem: "STB-10001", ownership: "leased",
      reference: "bad\u{7}")
    let restored = try Flow.restore(record, context: context).get()
    #expect(restored.changes.count == 3, "\(restored.changes)")
    #expect(restored.changes.contains("ownership leased is not one of rented, sold"))
    #expect(restored.changes.contains { $0 == "STB-10001 is not in stock" })
    #expect(restored.changes.contains { $0.hasPrefix("reference:") })
    #expect(restored.answers.reference.text == "")
  }

  @Test func everyRefusalNamesItsControl() throws {
    let session = try open("SUB-000001")
    session.press(Self.down, Self.enter)  // Remove
    let shown = try wizard(session)
    var answers = shown.answers
    let flow = shown.flow
    answers.performedBy.setText("")
    #expect(flow.refusal(step: .details, answers: answers)?.control == .performedBy)
    answers.performedBy.setText("Sam")
    answers.performedOn.setText("2030-01-01 00:00")
    #expect(flow.refusal(step: .details, answers: answers)?.control == .performedDate)
    answers.performedOn.setText("22/11/2026")
    #expect(flow.refusal(step: .details, answers: answers)?.control == .performedDate)
    answers.performedOn.setText("2026-11-22 08:00")
    #expect(flow.refusal(step: .details, answers: answers) == nil)
    // The reference is used already, and the rule needs the router: each is tied to its own.
    answers.reference.setText("WO-5125")
    answers.itemCursor = 0
    answers.recompute()
    let controls = answers.problems.map(\.control)
    #expect(controls.contains(.reference))
    #expect(controls.contains(.installed))
    #expect(flow.refusal(step: .preview, answers: answers) != nil)
    answers.itemCursor = nil
    #expect(flow.refusal(step: .item, answers: answers)?.control == .installed)
  }

  @Test func everyControlDescribesItself() throws {
    for (number, keys, action) in [
      ("SUB-000002", [Self.enter], SubscriptionAction.swap),
      ("SUB-000003", [Self.down, Self.down, Self.enter], .add),
    ] {
      let session = try open(number)
      session.press(keys)
      let shown = try wizard(session)
      #expect(shown.flow.action == action)
      for step in shown.flow.steps {
        for control in shown.flow.controls(step: step, answers: shown.answers) {
          #expect(control.step == step)
          let description = shown.flow.describe(control, step: step, answers: shown.answers)
          #expect(!description.label.isEmpty)
          #expect(description.rule != nil, "\(control)")
        }
      }
      let first = try #require(shown.focusedControl)
      let line = shown.flow.describe(first, step: shown.step, answers: shown.answers).helpLine
      #expect(shown.help.hasSuffix(line) || shown.help.contains(line + "\n"))
    }
  }

  @Test func aConflictAtConfirmGoesBackToTheNewItem() throws {
    let store = try DemoFixture.store()
    let session = try Session()
    session.app = App(
      home: Home.screen(), size: .minimum, context: AppContext.reference(store: store))
    _ = try open("SUB-000001", session)
    session.press(Self.enter, Self.tab, Self.tab, Self.tab, Self.enter, Self.tab, Self.tab)
    session.press(Self.enter, Self.tab, Self.tab, Self.tab, Self.enter)
    #expect(session.text.contains("Step 4 of 4 · Preview"))
    #expect(try wizard(session).answers.candidate?.serial == "STB-10006")

    let other = try DemoFixture.secondSession(of: store)
    _ = try other.commit(
      .subscription(.add(AddItemRequest(subscription: "SUB-000003", serial: "STB-10006"))),
      context: .init(user: "other", uid: 1002), key: "other-session")

    session.press(Self.enter)
    let shown = try wizard(session)
    #expect(!shown.isDone)
    #expect(shown.place == WizardPlace(.newItem, .candidates))
    #expect(shown.answers.candidate == nil)
    #expect(shown.answers.item?.serial == "STB-10001", "the other answers are kept")
    #expect(session.text.contains("STB-10006 is not in stock"))
  }

  @Test func aLargerTerminalGivesTheTablesMoreRowsAndColumns() throws {
    let session = try open("SUB-000003")
    session.press(Self.down, Self.down, Self.enter, Self.tab)
    let small = try wizard(session).layout(for: .minimum)
    let large = try wizard(session).layout(for: Size(width: 120, height: 40))
    let smallList = try #require(small[.candidates])
    let largeList = try #require(large[.candidates])
    #expect(largeList.width == smallList.width + 40)
    #expect(largeList.height > smallList.height)
    // PgDn moves by the rows shown, at each size.
    session.press(.key(.pageDown))
    #expect(try wizard(session).answers.candidateCursor == smallList.height)
    session.press(.key(.resize(Size(width: 120, height: 40))), .key(.home), .key(.pageDown))
    let count = try wizard(session).answers.candidates.count
    #expect(try wizard(session).answers.candidateCursor == min(count - 1, largeList.height))
    // A click on a row chooses it; a click on an option chooses that.
    session.press(.key(.home))
    let row = Point(x: largeList.x + 3, y: largeList.y + 2)
    session.press(.key(.mouse(Mouse(.press, x: row.x, y: row.y))))
    #expect(try wizard(session).answers.candidateCursor == 2)
    let ownership = try #require(large[.ownership])
    session.press(.key(.mouse(Mouse(.press, x: ownership.x + 24, y: ownership.y))))
    #expect(try wizard(session).answers.chosenOwnership == .sold)
    #expect(try wizard(session).focusedControl == .ownership)
  }
}
