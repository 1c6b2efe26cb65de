import Foundation
import StockroomDomain
import StockroomStore
import TerminalUI
import Testing

@testable import Wizards

/// The new-order wizard's answers by name: a record opens the same answers and the same
/// screen again, a draft missing a field keeps the rest, and a record naming something the
/// store no longer offers is refused or opened with what changed.
@Suite(.serialized) struct NewOrderRecordTests {
  typealias Session = DeallocationScreenTests.Session
  typealias Wizard = WizardScreen<NewOrderFlow>

  static let desk = OrderSession(actor: "EMP-0004", mayActAsAnyone: true)

  /// A demo session whose OS user (the reference context's `jdoe`) is the support desk.
  static func session() throws -> Session {
    let session = try Session()
    try mapUser(session.app.context)
    return session
  }

  static func mapUser(_ context: AppContext, mayActAs: [String] = ["anyone"]) throws {
    let store = try #require(context.store as? FileStore)
    try UserMap(entries: [
      UserMap.Entry(user: "jdoe", uid: 1001, employee: "EMP-0004", mayActAs: mayActAs)
    ]).write(in: store.directory)
  }

  static func keys(_ session: Session, _ keys: [Key]) {
    for key in keys {
      session.app.handle(key)
      session.app.runPendingCommit()
    }
  }

  /// The wizard on screen, the order type chosen, each choice moved `rights` times and
  /// each text field given a text; focus ends on the buttons.
  static func filled(_ type: OrderType, rights: Int) throws -> Session {
    let session = try session()
    session.app.carryOut(
      .push(NewOrderFlow.screen(session: desk, context: session.app.context)))
    let index = try #require(OrderType.allCases.firstIndex(of: type))
    keys(session, Array(repeating: .down, count: index) + [.enter, .enter])
    let texts: [OrderFieldKey: String] = [
      .model: "Pixel 9", .quantity: "3", .comment: "Cracked screen",
    ]
    for key in type.spec.fields {
      if let text = texts[key] {
        keys(session, [.control("u")] + text.map { Key.character($0) })
      } else {
        keys(session, Array(repeating: .right, count: rights))
      }
      keys(session, [.tab])
    }
    return session
  }

  static func wizard(_ app: App) throws -> Wizard {
    try #require(app.current as? Wizard)
  }

  /// `record` opened in a fresh app on the same store, at `place`.
  static func reopened(
    _ record: NewOrderFlow.Record, context: AppContext,
    at place: WizardPlace<NewOrderFlow.Step, NewOrderFlow.Control>
  ) throws -> (App, RestoredWizard<NewOrderFlow>) {
    let restored = try NewOrderFlow.restore(record, context: context).get()
    var app = App(home: Home.screen(), size: .minimum, context: context)
    app.carryOut(.push(Wizard(flow: restored.flow, answers: restored.answers, at: place)))
    return (app, restored)
  }

  @Test(arguments: OrderType.allCases)
  func recordThenRestoreGivesTheSameAnswersAndScreen(type: OrderType) throws {
    for rights in [0, 1, 2] {
      let session = try Self.filled(type, rights: rights)
      let wizard = try Self.wizard(session.app)
      let record = wizard.flow.record(of: wizard.answers)
      #expect(record.type == type.rawValue)
      #expect(record.actingAs == "EMP-0004")
      let json = try JSONEncoder().encode(record)
      let decoded = try JSONDecoder().decode(NewOrderFlow.Record.self, from: json)
      #expect(decoded == record)
      for place in [wizard.place, WizardPlace(.details, nil), WizardPlace(.confirm)] {
        let (app, restored) = try Self.reopened(
          decoded, context: session.app.context, at: place)
        #expect(restored.changes.isEmpty, "\(type) \(rights): \(restored.changes)")
        #expect(restored.flow.record(of: restored.answers) == record)
        var original = App(
          home: Home.screen(), size: .minimum, context: session.app.context)
        original.carryOut(.push(Wizard(flow: wizard.flow, answers: wizard.answers, at: place)))
        #expect(
          app.render().buffer.text == original.render().buffer.text, "\(type) \(rights) \(place)"
        )
      }
    }
  }

  @Test func recordNamesTheAnswersAsTheCommandLineDoes() throws {
    let session = try Self.filled(.upgrade, rights: 6)
    let wizard = try Self.wizard(session.app)
    let record = wizard.flow.record(of: wizard.answers)
    #expect(
      record
        == NewOrderFlow.Record(
          type: "upgrade", actingAs: "EMP-0004", line: "312-555-0107", model: "Pixel 9",
          comment: "Cracked screen"))
    let json = String(decoding: try JSONEncoder().encode(record), as: UTF8.self)
    #expect(json.contains(#""line":"312-555-0107""#))
    #expect(NewOrderFlow.draftKind == "order-new")
    #expect(NewOrderFlow.recordFormat == 1)
  }

  /// A draft written before `model` was recorded (or without it) opens with the rest.
  @Test func fixtureMissingAFieldRestoresTheRest() throws {
    let session = try Self.session()
    let fixture = #"""
      {"type": "upgrade", "actingAs": "EMP-0004", "line": "312-555-0107",
       "comment": "Cracked screen"}
      """#
    let record = try JSONDecoder().decode(NewOrderFlow.Record.self, from: Data(fixture.utf8))
    let restored = try NewOrderFlow.restore(record, context: session.app.context).get()
    #expect(restored.changes.isEmpty)
    let fields = restored.flow.fields(restored.answers)
    #expect(restored.answers.type == .upgrade)
    #expect(fields.value(.line, restored.answers) == "312-555-0107")
    #expect(restored.answers.text(.comment) == "Cracked screen")
    #expect(restored.answers.text(.model) == "")
    let place = restored.flow.openingPlace(record, answers: restored.answers)
    #expect(place == WizardPlace(.details, .field(.model)))
  }

  /// A fixture without the line: everything else kept, the line left to choose (not the
  /// first line in the list, which would order for the wrong person).
  @Test func fixtureMissingTheLineLeavesItToChoose() throws {
    let session = try Self.session()
    let fixture = #"{"type": "suspend", "comment": "Travelling"}"#
    let record = try JSONDecoder().decode(NewOrderFlow.Record.self, from: Data(fixture.utf8))
    let restored = try NewOrderFlow.restore(record, context: session.app.context).get()
    #expect(restored.flow.session.actor == "EMP-0004")
    #expect(restored.answers.text(.comment) == "Travelling")
    #expect(restored.answers.unchosen == [.line])
    let place = restored.flow.openingPlace(record, answers: restored.answers)
    #expect(place == WizardPlace(.details, .field(.line)))
    var app = session.app
    app.carryOut(.push(Wizard(flow: restored.flow, answers: restored.answers, at: place)))
    #expect(app.render().buffer.text.contains("‹ (choose one) ›"))
    // → chooses the first line; the order can then go on.
    app.handle(.right)
    let wizard = try Self.wizard(app)
    #expect(wizard.flow.refusal(step: .details, answers: wizard.answers) == nil)
  }

  @Test func aLineNoLongerOfferedIsRestoredWithChanges() throws {
    let session = try Self.session()
    let record = NewOrderFlow.Record(
      type: "upgrade", line: "312-555-0199", model: "Pixel 9", comment: "Old phone")
    let restored = try NewOrderFlow.restore(record, context: session.app.context).get()
    #expect(restored.changes == ["Line 312-555-0199 cannot be chosen for Upgrade now"])
    #expect(restored.answers.text(.model) == "Pixel 9")
    #expect(restored.answers.unchosen == [.line])
    let refusal = restored.flow.refusal(step: .details, answers: restored.answers)
    #expect(refusal?.control == .field(.line))
    var app = session.app
    let place = restored.flow.openingPlace(record, answers: restored.answers)
    app.carryOut(.push(Wizard(flow: restored.flow, answers: restored.answers, at: place)))
    let text = app.render().buffer.text
    #expect(text.contains("Step 2 of 3"))
    #expect(text.contains("Line 312-555-0199 cannot be chosen for Upgrade now"))
  }

  @Test func aDisconnectedLineCannotBeSuspended() throws {
    let session = try Self.session()
    let record = NewOrderFlow.Record(type: "suspend", line: "312-555-0110")
    let restored = try NewOrderFlow.restore(record, context: session.app.context).get()
    #expect(restored.changes == ["Line 312-555-0110 cannot be chosen for Suspend line now"])
  }

  @Test func anEmployeeWhoNoLongerExistsIsRefused() throws {
    let session = try Self.session()
    let record = NewOrderFlow.Record(type: "suspend", actingAs: "EMP-0999")
    let result = NewOrderFlow.restore(record, context: session.app.context)
    guard case .failure(let error) = result else {
      Issue.record("restored as an employee who does not exist")
      return
    }
    #expect(error.message.contains("EMP-0999 no longer exists"))
  }

  @Test func refusedWhenTheUserMapSaysNo() throws {
    let session = try Self.session()
    try Self.mapUser(session.app.context, mayActAs: [])
    let record = NewOrderFlow.Record(type: "suspend", actingAs: "EMP-0007")
    let result = NewOrderFlow.restore(record, context: session.app.context)
    guard case .failure(let error) = result else {
      Issue.record("acted as someone the map does not allow")
      return
    }
    #expect(error.message.contains("may not act as EMP-0007"))
    let unknown = NewOrderFlow.restore(
      NewOrderFlow.Record(type: "teleport"), context: session.app.context)
    guard case .failure(let why) = unknown else {
      Issue.record("opened an unknown type")
      return
    }
    #expect(why.message.contains("unknown order type teleport"))
  }

  @Test func theCommandLineShapeOpensWhereAnAnswerIsMissing() throws {
    let session = try Self.session()
    let context = session.app.context
    let cases: [(NewOrderFlow.Record, WizardPlace<NewOrderFlow.Step, NewOrderFlow.Control>)] = [
      (NewOrderFlow.Record(), WizardPlace(.type, .type)),
      (NewOrderFlow.Record(type: "suspend", line: "312-555-0107"), WizardPlace(.confirm)),
      (
        NewOrderFlow.Record(type: "accessory", line: "312-555-0107"),
        WizardPlace(.details, .field(.accessory))
      ),
      (
        NewOrderFlow.Record(type: "warranty", line: "312-555-0107", issue: "liquid"),
        WizardPlace(.details, .field(.issue))
      ),
      (
        NewOrderFlow.Record(type: "new-line", vendor: "Northstar Mobile"),
        WizardPlace(.details, .field(.voicePlan))
      ),
    ]
    for (record, place) in cases {
      let screens = NewOrderFlow.screens(for: record, context: context)
      #expect(screens.count == 2)
      #expect(screens.first is MyOrdersScreen)
      let wizard = try #require(screens.last as? Wizard)
      #expect(wizard.place == place, "\(record)")
    }
    let untyped = try NewOrderFlow.restore(
      NewOrderFlow.Record(line: "312-555-0107", comment: "Travelling"), context: context
    ).get()
    #expect(untyped.changes == ["Line left out: the type is still to be chosen"])
    #expect(untyped.answers.text(.comment) == "Travelling")
    let fresh = try NewOrderFlow.restore(NewOrderFlow.Record(), context: context).get()
    #expect(!fresh.flow.hasAnswers(fresh.answers), "Esc leaves a wizard given nothing")
    let many = NewOrderFlow.Record(
      type: "features", line: "312-555-0101", addFeatures: ["Hotspot", "Intl roaming"],
      quantity: 2)
    let restored = try NewOrderFlow.restore(many, context: context).get()
    #expect(restored.changes.contains { $0.hasPrefix("Add feature: one at a time") })
    #expect(restored.changes.contains("Quantity is not asked for Add or remove features; left out"))
  }

  /// A draft keeps the order wizard by name and reopens it at the same step and control.
  @Test func aDraftReopensTheOrderWizard() throws {
    let session = try Self.filled(.upgrade, rights: 6)
    Self.keys(session, [.backTab])  // back on the comment
    let draft = try #require(
      session.app.draft(
        id: "0123456789ab", user: "jdoe", uid: 1001, createdAt: "2026-11-22T09:00:00Z",
        updatedAt: "2026-11-22T09:05:00Z"))
    #expect(draft.wizard.kind == "order-new")
    #expect(draft.wizard.step == .string("details"))
    #expect(draft.wizard.control == .string("comment"))
    let encoded = try #require(draft.encoded())
    let loaded = try #require(Draft.decode(encoded))
    var resumed = App(home: Home.screen(), size: .minimum, context: session.app.context)
    #expect(resumed.resume(loaded) == nil)
    let screen = try Self.wizard(resumed)
    let original = try Self.wizard(session.app)
    #expect(screen.place == original.place)
    #expect(screen.commitKey == original.commitKey)
    #expect(resumed.render().buffer.text == session.app.render().buffer.text)
  }
}
