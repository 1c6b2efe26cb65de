import StockroomDomain
import StockroomStore
import TerminalUI
import Testing

@testable import Wizards

/// A refusal at Confirm takes the user to the step and control of the answer it is about,
/// with the store's message on the status line and the step indicator in the top line.
@Suite(.serialized) struct ConfirmRefusalTests {
  /// Opens `screen` over the home screen, presses Confirm and runs the commit.
  static func confirm<Flow: WizardFlow>(
    _ screen: WizardScreen<Flow>, context: AppContext
  ) throws -> (screen: WizardScreen<Flow>, app: App) {
    var app = App(home: Home.screen(), size: .minimum, context: context)
    app.carryOut(.push(screen))
    app.handle(.enter)
    app.runPendingCommit()
    return (try #require(app.current as? WizardScreen<Flow>), app)
  }

  static func topLine(_ app: App) -> String {
    app.render().buffer.text.split(separator: "\n").first.map(String.init) ?? ""
  }

  /// A Reference the store refuses (a draft saved under an older rule, never typed: the
  /// field refuses it on the key) lands on the Reference field of step 2, not on step 1.
  @Test func aReferenceRefusedAtConfirmLandsOnTheReferenceField() throws {
    let context = try DemoFixture.context()
    let account = try #require(context.state.accountIndex("ACC-0004"))
    var made = try #require(
      DeallocationFlow.make(kind: .mobilePass, account: account, context: context))
    _ = made.answers.mobileQuantity.update(.character("1"))
    made.answers.fields.reference.setText("AB④CD")
    let (screen, app) = try Self.confirm(
      WizardScreen(flow: made.flow, answers: made.answers, at: WizardPlace(.confirm)),
      context: context)
    #expect(!screen.isDone)
    #expect(screen.place == WizardPlace(.reference, .field(.reference)))
    #expect(
      screen.status?.text == "Reference: only letters, digits, spaces and - _ / . # : are allowed")
    #expect(Self.topLine(app).contains("Step 2 of 3"), "\(Self.topLine(app))")
    #expect(screen.answers.reference.text == "AB④CD")
  }

  /// Another session deallocated MobilePASS meanwhile: the quantity typed is over what is
  /// left, and the wizard goes to the quantity.
  @Test func aQuantityOverWhatIsLeftLandsOnTheQuantity() throws {
    let store = try DemoFixture.store()
    let context = AppContext.reference(store: store)
    let account = try #require(context.state.accountIndex("ACC-0004"))
    var made = try #require(
      DeallocationFlow.make(kind: .mobilePass, account: account, context: context))
    let limit = made.answers.mobileLimit
    #expect(limit > 1)
    for character in String(limit) { _ = made.answers.mobileQuantity.update(.character(character)) }
    let other = try DemoFixture.secondSession(of: store)
    _ = try other.commit(
      .deallocateMobilePass(account: "ACC-0004", quantity: 1, container: nil),
      context: .init(user: "other", uid: 1002), key: "other-session")
    let (screen, app) = try Self.confirm(
      WizardScreen(flow: made.flow, answers: made.answers, at: WizardPlace(.confirm)),
      context: context)
    #expect(screen.place == WizardPlace(.select, .mobileQuantity))
    #expect(Self.topLine(app).contains("Step 1 of 3"), "\(Self.topLine(app))")
    #expect(screen.status?.kind == .error)
  }

  /// Another session received a serial that is on the list: step 2, the list, its cursor
  /// on that serial.
  @Test func aSerialReceivedMeanwhileLandsOnTheListAtThatSerial() throws {
    let store = try DemoFixture.store()
    let context = AppContext.reference(store: store)
    var made = ReceiveFlow.make(context: context)
    for serial in ["NEW-0001", "NEW-0002", "NEW-0003"] {
      made.answers.serials.entered(serial, state: context.state)
    }
    let other = try DemoFixture.secondSession(of: store)
    _ = try other.commit(
      .receiveHardware(
        model: context.state.models[0], serials: ["NEW-0002"], ownership: .owned,
        container: nil, needsPIN: false),
      context: .init(user: "other", uid: 1002), key: "other-session")
    let (screen, app) = try Self.confirm(
      WizardScreen(flow: made.flow, answers: made.answers, at: WizardPlace(.confirm)),
      context: context)
    #expect(screen.place == WizardPlace(.items, .serials(.list)))
    #expect(screen.answers.serials.table.cursor == 1)
    #expect(Self.topLine(app).contains("Step 2 of 3"), "\(Self.topLine(app))")
    #expect(
      screen.status?.text.contains("NEW-0002") ?? false, "\(String(describing: screen.status))")
  }

  /// Each answer the domain names has its control in the allocation, deallocation and
  /// receiving wizards.
  @Test func everyNamedAnswerHasAPlace() throws {
    let context = try DemoFixture.context()
    let account = try #require(context.state.accountIndex("ACC-0004"))
    let allocation = try #require(AllocationFlow.make(account: account, context: context))
    let expected: [DomainField: WizardPlace<AllocationFlow.Step, AllocationFlow.Control>] = [
      .reference: WizardPlace(.billing, .field(.reference)),
      .comment: WizardPlace(.billing, .field(.comment)),
      .amount: WizardPlace(.billing, .amount),
      .billingTrigger: WizardPlace(.billing, .trigger),
      .customerReference: WizardPlace(.billing, .customerReference),
      .quantity: WizardPlace(.select, .quantity),
    ]
    for (field, place) in expected {
      #expect(allocation.flow.place(for: field, answers: allocation.answers) == place, "\(field)")
    }
    let receive = ReceiveFlow.make(context: context)
    #expect(
      receive.flow.place(for: .container, answers: receive.answers)
        == WizardPlace(.stock, .field(.container)))
    #expect(
      receive.flow.place(for: .reference, answers: receive.answers)
        == WizardPlace(.stock, .field(.reference)))
    let hardware = try #require(
      DeallocationFlow.make(kind: .hardware(model: 0), account: account, context: context))
    #expect(
      hardware.flow.place(for: .container, answers: hardware.answers)
        == WizardPlace(.reference, .field(.container)))
    #expect(
      hardware.flow.place(for: .comment, answers: hardware.answers)
        == WizardPlace(.reference, .field(.comment)))
    #expect(hardware.flow.place(for: .account, answers: hardware.answers) == nil)
  }
}
