import Foundation
import StockroomDomain
import StockroomStore
import TerminalUI
import Testing

@testable import Wizards

/// The receiving wizard written down as a record and opened again: the same
/// answers and the same screens; an older record missing a field still opens;
/// serials another session received meanwhile are named; `--interactive`
/// opens at the first step still needing an answer.
@Suite(.serialized) struct ReceiveRecordTests {
  typealias Fixture = RecordFixture
  typealias Place = WizardPlace<ReceiveFlow.Step, ReceiveFlow.Control>

  static func wizard(_ app: App) throws -> WizardScreen<ReceiveFlow> {
    try #require(app.current as? WizardScreen<ReceiveFlow>)
  }

  static func restored(
    _ record: ReceiveRecord, context: AppContext
  ) throws -> RestoredWizard<ReceiveFlow> {
    switch ReceiveFlow.restore(record, context: context) {
    case .success(let restored): return restored
    case .failure(let error): throw error
    }
  }

  /// Every step of `original` and `restored`, each at its first control, draws the same.
  static func expectSameScreens(
    _ original: WizardScreen<ReceiveFlow>, _ restored: RestoredWizard<ReceiveFlow>,
    context: AppContext, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    for step in ReceiveFlow.Step.allCases {
      let place = Place(step)
      let before = Fixture.text(original.flow, original.answers, at: place, context: context)
      let after = Fixture.text(restored.flow, restored.answers, at: place, context: context)
      #expect(
        Fixture.body(after) == Fixture.body(before), "\(step)", sourceLocation: sourceLocation)
    }
  }

  @Test func hardwareRecordRestoresTheSameAnswersAndScreens() throws {
    let context = try DemoFixture.context()
    var app = Fixture.app(ReceiveFlow.screen(context: context), context: context)
    Fixture.press(&app, .right, .tab, .down, .tab, .right, .tab, .character(" "), .tab)
    Fixture.type(&app, "DN-2026-5")
    Fixture.press(&app, .tab)
    Fixture.type(&app, "two boxes")
    Fixture.press(&app, .tab, .enter)
    for serial in ["NEW-00001", "NEW-00002", "NEW-00003"] {
      Fixture.type(&app, serial)
      Fixture.press(&app, .enter)
    }
    let original = try Self.wizard(app)
    #expect(original.place == Place(.items, .serials(.scan)))

    let record = original.flow.record(of: original.answers)
    let model = context.state.models[1]
    #expect(
      record
        == ReceiveRecord(
          model: model, ownership: .leased, container: context.state.containers[1].code,
          needsPIN: true, serials: ["NEW-00001", "NEW-00002", "NEW-00003"],
          reference: "DN-2026-5", comment: "two boxes"))
    #expect(try Fixture.roundTrip(record) == record)

    let restored = try Self.restored(record, context: context)
    #expect(restored.changes == [])
    #expect(restored.flow.record(of: restored.answers) == record)
    let before = Fixture.body(app.render().buffer.text)
    let after = Fixture.text(restored.flow, restored.answers, at: original.place, context: context)
    #expect(Fixture.body(after) == before)
    Self.expectSameScreens(original, restored, context: context)
  }

  @Test func softwareRecordRestoresTheSameAnswersAndScreens() throws {
    let context = try DemoFixture.context()
    var app = Fixture.app(ReceiveFlow.screen(context: context), context: context)
    for _ in 0..<4 { Fixture.press(&app, .right) }
    Fixture.press(&app, .tab, .down)
    for _ in 0..<5 { Fixture.press(&app, .tab) }
    Fixture.press(&app, .enter)
    Fixture.type(&app, "250")
    let original = try Self.wizard(app)
    #expect(original.place == Place(.items, .quantity))

    let record = original.flow.record(of: original.answers)
    #expect(record.model == nil)
    #expect(record.product != nil)
    #expect(record.quantity == 250)
    #expect(record.ownership == .leased)
    let restored = try Self.restored(record, context: context)
    #expect(restored.changes == [])
    #expect(restored.flow.record(of: restored.answers) == record)
    let after = Fixture.text(restored.flow, restored.answers, at: original.place, context: context)
    #expect(after == app.render().buffer.text)
    Self.expectSameScreens(original, restored, context: context)
  }

  @Test func aDraftResumesAtTheSamePlaceWithTheSameAnswers() throws {
    let context = try DemoFixture.context()
    var app = Fixture.app(ReceiveFlow.screen(context: context), context: context)
    Fixture.press(&app, .tab, .tab, .tab, .character(" "), .tab)
    Fixture.type(&app, "DN-8")
    Fixture.press(&app, .tab, .tab, .enter)
    Fixture.type(&app, "NEW-00042")
    Fixture.press(&app, .enter, .tab)
    let original = try Self.wizard(app)
    let resumed = try Fixture.resumed(app, context: context)
    let screen = try Self.wizard(resumed)
    #expect(screen.place == Place(.items, .serials(.list)))
    #expect(screen.commitKey == original.commitKey)
    #expect(screen.flow.record(of: screen.answers) == original.flow.record(of: original.answers))
    #expect(screen.answers.serials.serials == ["NEW-00042"])
    // The breadcrumb differs (the Inventory screen is not reopened); the wizard is the same.
    let body = { (app: App) in
      Fixture.body(app.render().buffer.text).split(separator: "\n").dropFirst()
    }
    #expect(body(resumed) == body(app))
  }

  /// A record written before the PIN box existed: no `needsPIN`.
  @Test func anOlderRecordMissingAFieldStillRestoresTheRest() throws {
    let context = try DemoFixture.context()
    let json = """
      {"model":"KT-4","ownership":"leased","container":"EAST",
       "serials":["NEW-00001","NEW-00002"],"reference":"DN-1","comment":"pallet 3"}
      """
    let record = try Fixture.decode(ReceiveRecord.self, json)
    #expect(record.needsPIN == nil)
    let restored = try Self.restored(record, context: context)
    #expect(restored.changes == [])
    let answers = restored.answers
    #expect(answers.item.value == "KT-4 hardware")
    #expect(ReceiveFlow.ownership(answers) == .leased)
    #expect(answers.fields.containerCode == "EAST")
    #expect(answers.needsPIN == false)
    #expect(answers.serials.serials == ["NEW-00001", "NEW-00002"])
    #expect(answers.fields.reference.text == "DN-1")
    #expect(answers.fields.comment.text == "pallet 3")
    let screen = WizardScreen.atFirstUnanswered(flow: restored.flow, answers: answers)
    #expect(screen.step == .confirm)
    let text = Fixture.app(screen, context: context).render().buffer.text
    #expect(text.contains("receive 2 new KT-4 hardware tokens (leased)"), "\(text)")
    #expect(text.contains("East Depot"), "\(text)")
  }

  @Test func serialsReceivedMeanwhileAreNamedInChanges() throws {
    let store = try DemoFixture.store()
    let context = AppContext.reference(store: store)
    let record = ReceiveRecord(
      model: "RB-1", ownership: .owned, serials: ["NEW-00001", "NEW-00002", "NEW-00003"])
    _ = try store.commit(
      .receiveHardware(
        model: "RB-1", serials: ["NEW-00002"], ownership: .owned, container: nil, needsPIN: false),
      context: TransactionContext(user: "other", uid: 1002), key: "other-session")

    let restored = try Self.restored(record, context: context)
    #expect(restored.changes == ["NEW-00002 is already in the inventory"])
    #expect(restored.answers.serials.serials == ["NEW-00001", "NEW-00003"])
    let screen = WizardScreen(flow: restored.flow, answers: restored.answers, at: Place(.items))
    let text = Fixture.app(screen, context: context).render().buffer.text
    #expect(text.contains("Not kept: NEW-00002 is already in the inventory."), "\(text)")
    #expect(text.contains("2 to receive"), "\(text)")
    // Opened at Confirm (every step answered), the status line says it too, until a key.
    var app = Fixture.app(
      WizardScreen.atFirstUnanswered(flow: restored.flow, answers: restored.answers),
      context: context)
    #expect(try Self.wizard(app).step == .confirm)
    #expect(app.render().buffer.text.contains("Not kept: NEW-00002"))
    Fixture.press(&app, .escape, .character("x"))
    #expect(!app.render().buffer.text.contains("Not kept"))
  }

  /// `receive --interactive` opens at the first step that still needs an answer.
  @Test func interactiveOpensAtTheFirstUnansweredStep() throws {
    let context = try DemoFixture.context()
    let cases: [(ReceiveRecord, ReceiveFlow.Step)] = [
      (ReceiveRecord(), .stock),
      (ReceiveRecord(model: "RB-1", serials: ["NEW-1"]), .stock),
      (ReceiveRecord(model: "RB-9", ownership: .owned), .stock),
      (ReceiveRecord(model: "RB-1", ownership: .owned), .items),
      (ReceiveRecord(product: .sms, ownership: .leased), .items),
      (ReceiveRecord(product: .sms, ownership: .leased, quantity: 10), .confirm),
      (ReceiveRecord(model: "KT-4", ownership: .owned, serials: ["NEW-1"]), .confirm),
    ]
    for (record, step) in cases {
      let screens = ReceiveFlow.interactiveScreens(record, context: context)
      #expect(screens.count == 2)
      #expect(screens.first is InventoryScreen)
      let wizard = try #require(screens.last as? WizardScreen<ReceiveFlow>)
      #expect(wizard.step == step, "\(record)")
    }
    let empty = try #require(
      ReceiveFlow.interactiveScreens(ReceiveRecord(), context: context).last
        as? WizardScreen<ReceiveFlow>)
    #expect(empty.flow.refusal(step: .stock, answers: empty.answers)?.control == .item)
    #expect(empty.flow.record(of: empty.answers).model == nil)
    #expect(empty.focusedControl == .item)
    var app = Fixture.app(empty, context: context)
    Fixture.press(&app, .enter)
    let chosen = try Self.wizard(app)
    #expect(chosen.answers.itemChosen, "Enter on the field takes the shown choice")
    #expect(chosen.flow.refusal(step: .stock, answers: chosen.answers)?.control == .ownership)
    let noOwnership = try #require(
      ReceiveFlow.interactiveScreens(ReceiveRecord(model: "RB-1"), context: context).last
        as? WizardScreen<ReceiveFlow>)
    #expect(noOwnership.focusedControl == .ownership)
  }
}
