import Foundation
import StockroomDomain
import StockroomStore
import TerminalUI
import Testing

@testable import Wizards

/// The allocation wizard written down as a record and opened again: the same
/// answers and the same screens; an older record missing a field still opens;
/// serials another session took meanwhile are named; `--interactive` opens at
/// the first step still needing an answer.
@Suite(.serialized) struct AllocationRecordTests {
  typealias Fixture = RecordFixture
  typealias Place = WizardPlace<AllocationFlow.Step, AllocationFlow.Control>

  /// The wizard for `account` above home, on its first step.
  static func app(_ context: AppContext, account: String = "ACC-0002") throws -> App {
    let index = try #require(context.state.accountIndex(account))
    let screen = try #require(AllocationFlow.screen(account: index, context: context))
    return Fixture.app(screen, context: context)
  }

  static func wizard(_ app: App) throws -> WizardScreen<AllocationFlow> {
    try #require(app.current as? WizardScreen<AllocationFlow>)
  }

  static func restored(
    _ record: AllocationRecord, context: AppContext
  ) throws -> RestoredWizard<AllocationFlow> {
    switch AllocationFlow.restore(record, context: context) {
    case .success(let restored): return restored
    case .failure(let error): throw error
    }
  }

  /// The RB-1 serials a rental may allocate now, sorted.
  static func availableRB1(_ state: InventoryState) throws -> [String] {
    let model = try #require(state.modelIndex("RB-1"))
    return state.allocatableSerials(model: model, type: .rental, limit: Int.max).serials
  }

  /// Every step of `original` and `restored`, each at its first control, draws the same.
  static func expectSameScreens(
    _ original: WizardScreen<AllocationFlow>, _ restored: RestoredWizard<AllocationFlow>,
    context: AppContext, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    for step in AllocationFlow.Step.allCases {
      let place = Place(step)
      let before = Fixture.text(original.flow, original.answers, at: place, context: context)
      let after = Fixture.text(restored.flow, restored.answers, at: place, context: context)
      // The status line says what the user last did (a scan); the rest is the answers.
      #expect(
        Fixture.body(after) == Fixture.body(before), "\(step)", sourceLocation: sourceLocation)
    }
  }

  @Test func softwareRecordRestoresTheSameAnswersAndScreens() throws {
    let context = try DemoFixture.context()
    var app = try Self.app(context)
    Fixture.press(&app, .down, .tab, .tab, .character(" "), .tab, .enter)
    Fixture.type(&app, "40")
    Fixture.press(&app, .tab, .enter)
    Fixture.type(&app, "1.50")
    Fixture.press(&app, .tab, .right, .tab, .down, .tab)
    Fixture.type(&app, "PO-2026-118")
    Fixture.press(&app, .tab)
    Fixture.type(&app, "RENEWAL 2027")
    Fixture.press(&app, .tab)
    Fixture.type(&app, "Second year")
    let original = try Self.wizard(app)
    #expect(original.place == Place(.billing, .field(.comment)))

    let record = original.flow.record(of: original.answers)
    #expect(
      record
        == AllocationRecord(
          account: "ACC-0002", type: .sale, product: .sms, quantity: 40, withCapacity: true,
          amount: "1.50", per: .transaction, trigger: Billing.triggers[1],
          customerReference: "PO-2026-118", reference: "RENEWAL 2027", comment: "Second year"))
    #expect(try Fixture.roundTrip(record) == record)

    let restored = try Self.restored(record, context: context)
    #expect(restored.changes == [])
    #expect(restored.flow.record(of: restored.answers) == record)
    let before = app.render().buffer.text
    let after = Fixture.text(restored.flow, restored.answers, at: original.place, context: context)
    #expect(after == before, "at the same place, the same screen")
    Self.expectSameScreens(original, restored, context: context)
  }

  @Test func hardwareRecordRestoresTheSamePicksAndScreens() throws {
    let context = try DemoFixture.context()
    let serials = try Self.availableRB1(context.state)
    try #require(serials.count > 6)
    var app = try Self.app(context)
    Fixture.press(&app, .tab, .down, .down, .down, .tab, .enter)
    Fixture.press(&app, .tab, .enter)
    #expect(try Self.wizard(app).place == Place(.select, .pick(.scan)))
    for serial in [serials[5], serials[2]] {
      Fixture.type(&app, serial)
      Fixture.press(&app, .enter)
    }
    Fixture.press(&app, .tab, .tab, .tab, .enter)
    Fixture.type(&app, "9.90")
    Fixture.press(&app, .tab, .tab, .tab, .tab)
    Fixture.type(&app, "RMA-9")
    let original = try Self.wizard(app)
    #expect(original.place == Place(.billing, .field(.reference)))

    let record = original.flow.record(of: original.answers)
    #expect(record.model == "RB-1")
    #expect(record.product == nil)
    #expect(record.serials == [serials[5], serials[2]])
    #expect(record.quantity == serials.count)
    #expect(record.reference == "RMA-9")
    #expect(try Fixture.roundTrip(record) == record)

    let restored = try Self.restored(record, context: context)
    #expect(restored.changes == [])
    #expect(restored.answers.pick.pickList?.rightItems == [serials[5], serials[2]])
    #expect(restored.flow.record(of: restored.answers) == record)
    let before = app.render().buffer.text
    let after = Fixture.text(restored.flow, restored.answers, at: original.place, context: context)
    #expect(after == before)
    Self.expectSameScreens(original, restored, context: context)
  }

  @Test func aDraftResumesAtTheSamePlaceWithTheSameAnswers() throws {
    let context = try DemoFixture.context()
    var app = try Self.app(context)
    Fixture.press(&app, .tab, .down, .down, .down, .tab, .enter, .tab, .enter)
    Fixture.type(&app, try Self.availableRB1(context.state)[1])
    Fixture.press(&app, .enter)
    let original = try Self.wizard(app)
    let resumed = try Fixture.resumed(app, context: context)
    let screen = try Self.wizard(resumed)
    #expect(screen.place == Place(.select, .pick(.scan)))
    #expect(screen.commitKey == original.commitKey)
    #expect(screen.flow.record(of: screen.answers) == original.flow.record(of: original.answers))
    #expect(Fixture.body(resumed.render().buffer.text) == Fixture.body(app.render().buffer.text))
  }

  /// A record written before the auto-capacity box existed: no `withCapacity`.
  @Test func anOlderRecordMissingAFieldStillRestoresTheRest() throws {
    let context = try DemoFixture.context()
    let json = """
      {"account":"ACC-0002","type":"sale","product":"sms","quantity":5,"amount":"2.50",
       "per":"transaction","trigger":"monthly","customerReference":"PO-7",
       "reference":"RMA-1","comment":"first batch"}
      """
    let record = try Fixture.decode(AllocationRecord.self, json)
    #expect(record.withCapacity == nil)
    let restored = try Self.restored(record, context: context)
    #expect(restored.changes == [])
    let answers = restored.answers
    #expect(answers.allocationKind == .sale)
    #expect(answers.choice == .software(.smsSale))
    #expect(answers.withCapacity == false)
    #expect(answers.quantity.text == "5")
    #expect(answers.amount.text == "2.50")
    #expect(answers.per.value == Billing.Basis.transaction.title)
    #expect(answers.trigger.value == "monthly")
    #expect(answers.customerReference.text == "PO-7")
    #expect(answers.fields.reference.text == "RMA-1")
    #expect(answers.fields.comment.text == "first batch")
    let screen = WizardScreen.atFirstUnanswered(flow: restored.flow, answers: answers)
    #expect(screen.step == .confirm)
    let text = Fixture.app(screen, context: context).render().buffer.text
    #expect(text.contains("allocate 5 SMS Sale tokens to Fabrikam Health"), "\(text)")
    #expect(text.contains("2.50 per transaction, billed monthly"), "\(text)")
  }

  @Test func serialsTakenMeanwhileAreNamedInChanges() throws {
    let store = try DemoFixture.store()
    let context = AppContext.reference(store: store)
    let serials = try Self.availableRB1(context.state)
    let picked = [serials[0], serials[3], serials[4]]
    let record = AllocationRecord(
      account: "ACC-0002", type: .rental, model: "RB-1", serials: picked, reference: "RMA-2")
    _ = try store.commit(
      .allocateHardware(account: "ACC-0001", serials: [serials[3]], type: .rental),
      context: TransactionContext(user: "other", uid: 1002), key: "other-session")

    let restored = try Self.restored(record, context: context)
    #expect(restored.changes == ["\(serials[3]) is no longer available in the provider's stock"])
    #expect(restored.answers.pick.pickList?.rightItems == [serials[0], serials[4]])
    #expect(restored.answers.fields.reference.text == "RMA-2")
    let screen = WizardScreen(flow: restored.flow, answers: restored.answers, at: Place(.select))
    let text = Fixture.app(screen, context: context).render().buffer.text
    #expect(text.contains("Not kept: \(serials[3])"), "\(text)")
  }

  @Test func aSerialASaleCannotTakeSaysWhy() throws {
    let context = try DemoFixture.context()
    let state = context.state
    let leased = try #require(
      state.tokens.first {
        $0.state == .available && $0.account < 0 && $0.ownership == .leased
      })
    let model = state.models[Int(leased.model)]
    let record = AllocationRecord(
      account: "ACC-0002", type: .sale, model: model, serials: [leased.serial, "NOPE-1"])
    let restored = try Self.restored(record, context: context)
    #expect(
      restored.changes == [
        "\(leased.serial) is leased: it can only be rented", "NOPE-1 is not a known serial",
      ])
    #expect(restored.answers.pick.pickList?.rightItems == [])
    let screen = InteractiveWizard.screen(flow: restored.flow, answers: restored.answers)
    #expect(screen.place == Place(.select, .pick(.scan)))
  }

  @Test func anUnknownAccountIsRefused() throws {
    let context = try DemoFixture.context()
    let result = AllocationFlow.restore(AllocationRecord(account: "ACC-0999"), context: context)
    guard case .failure(let error) = result else {
      Issue.record("restored an unknown account")
      return
    }
    #expect(error.message == "Unknown account ACC-0999")
    let screens = AllocationFlow.interactiveScreens(
      AllocationRecord(account: "ACC-0999"), context: context)
    #expect(screens.count == 1)
    #expect(screens.first is AccountsScreen)
  }

  /// `allocate --interactive` opens at the first step that still needs an answer.
  @Test func interactiveOpensAtTheFirstUnansweredStep() throws {
    let context = try DemoFixture.context()
    let serial = try Self.availableRB1(context.state)[0]
    let cases: [(AllocationRecord, AllocationFlow.Step)] = [
      (AllocationRecord(account: "ACC-0002"), .type),
      (AllocationRecord(account: "ACC-0002", type: .rental, product: .sms), .select),
      (AllocationRecord(account: "ACC-0002", type: .rental, model: "RB-1"), .select),
      (AllocationRecord(account: "ACC-0002", product: .sms, quantity: 999_999_999), .select),
      (AllocationRecord(account: "ACC-0002", product: .capacity, quantity: 3), .confirm),
      (AllocationRecord(account: "Fabrikam Health", serials: [serial]), .confirm),
      (
        AllocationRecord(account: "ACC-0002", product: .mobilepass, quantity: 2, amount: "1e3"),
        .billing
      ),
    ]
    for (record, step) in cases {
      let screens = AllocationFlow.interactiveScreens(record, context: context)
      #expect(screens.count == 2)
      #expect(screens.first is AllocationScreen)
      let wizard = try #require(screens.last as? WizardScreen<AllocationFlow>)
      #expect(wizard.step == step, "\(record)")
    }
    let unchosen = try #require(
      AllocationFlow.interactiveScreens(AllocationRecord(account: "ACC-0002"), context: context)
        .last as? WizardScreen<AllocationFlow>)
    #expect(unchosen.answers.product.selected == nil)
    #expect(unchosen.focusedControl == .product, "focus on the answer still needed")
    #expect(unchosen.flow.refusal(step: .type, answers: unchosen.answers)?.control == .product)
  }
}
