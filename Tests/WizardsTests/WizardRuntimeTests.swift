import Foundation
import StockroomDomain
import TerminalUI
import Testing

@testable import Wizards

/// A two-step toy wizard: a quantity (and a reference), then Confirm.
struct QuantityFlow: WizardFlow {
  struct Answers {
    var quantity = NumberField(range: 1...24, width: 6)
    var reference = TextField(width: 20, maxLength: 64, rule: .reference)
  }

  enum Step: String, Codable, CaseIterable { case select, confirm }
  enum Control: String, Codable, CaseIterable { case quantity, reference }

  var name: String { "Deallocate toy tokens" }
  var steps: [Step] { Step.allCases }
  func title(of step: Step) -> String { step.rawValue.capitalized }

  func controls(step: Step, answers: Answers) -> [Control] {
    step == .select ? Control.allCases : []
  }

  func describe(_ control: Control, step: Step, answers: Answers) -> ControlDescription {
    switch control {
    case .quantity:
      return ControlDescription(
        "Quantity", kind: .number, value: answers.quantity.text, isRequired: true, rule: "1 to 24")
    case .reference:
      return ControlDescription("Reference", kind: .text, value: answers.reference.text)
    }
  }

  func refusal(step: Step, answers: Answers) -> WizardRefusal<Control>? {
    guard step == .select else { return nil }
    return answers.quantity.validation.map { WizardRefusal($0, control: .quantity) }
  }

  func hasAnswers(_ answers: Answers) -> Bool {
    !answers.quantity.text.isEmpty || !answers.reference.text.isEmpty
  }

  func layout(step: Step, answers: Answers, in rect: Rect) -> StepLayout<Control> {
    var layout = StepLayout<Control>(area: rect)
    if step == .select {
      layout.place(.quantity, Rect(x: rect.x + 12, y: rect.y + 1, width: 40, height: 1))
      layout.place(.reference, Rect(x: rect.x + 12, y: rect.y + 2, width: 40, height: 1))
    }
    return layout
  }

  func update(
    _ key: Key, control: Control, step: Step, answers: inout Answers,
    layout: StepLayout<Control>, context: AppContext
  ) -> KeyResult {
    control == .quantity ? answers.quantity.update(key) : answers.reference.update(key)
  }

  func view(
    step: Step, focus: Control?, answers: Answers, layout: StepLayout<Control>,
    into buffer: inout Buffer, context: AppContext
  ) {
    let rect = layout.area
    if step == .select {
      buffer.put("Quantity", x: rect.x + 1, y: rect.y + 1)
      answers.quantity.render(
        into: &buffer, in: layout.frame(.quantity), focused: focus == .quantity)
    } else {
      buffer.put("Deallocate \(answers.quantity.text) tokens", x: rect.x + 1, y: rect.y + 1)
    }
  }

  func help(step: Step) -> String { "Toy help for step \(title(of: step))." }

  func commit(answers: Answers, key: String) -> PendingCommit {
    let quantity = answers.quantity.value ?? 0
    return PendingCommit(
      command: .deallocateMobilePass(
        account: "ACC-0001", quantity: quantity == 13 ? 1_000_000 : quantity, container: nil),
      reference: answers.reference.text, key: key)
  }

  func confirmLines(answers: Answers, context: AppContext) -> [String] {
    ["Deallocate \(answers.quantity.text) tokens"]
  }

  func result(
    _ transaction: Transaction, answers: Answers, context: AppContext
  ) -> any WizardResult {
    ReversalResult(transactionId: transaction.transactionId, original: "T000001")
  }
}

@Suite struct WizardRuntimeTests {
  func app() throws -> App {
    var app = App(home: Home.screen(), size: .minimum, context: try DemoFixture.context())
    app.carryOut(.push(WizardScreen(flow: QuantityFlow(), answers: QuantityFlow.Answers())))
    return app
  }

  func wizard(_ app: App) -> WizardScreen<QuantityFlow>? {
    app.current as? WizardScreen<QuantityFlow>
  }

  func press(_ app: inout App, _ keys: Key...) {
    for key in keys {
      app.handle(key)
      app.runPendingCommit()
    }
  }

  @Test func nextIsRefusedWithTheReasonUntilTheQuantityIsValid() throws {
    var app = try app()
    press(&app, .tab, .tab, .enter)
    #expect(wizard(app)?.step == .select)
    #expect(app.render().buffer.text.contains("Type a quantity"))
    press(&app, .tab, .character("9"), .character("9"), .tab, .tab, .enter)
    #expect(wizard(app)?.step == .select)
    #expect(app.render().buffer.text.contains("From 1 to 24"))
  }

  @Test func backKeepsEveryAnswer() throws {
    var app = try app()
    press(&app, .character("1"), .character("2"), .tab, .tab, .enter)
    #expect(wizard(app)?.step == .confirm)
    #expect(app.render().buffer.text.contains("Deallocate 12 tokens"))
    press(&app, .escape)
    #expect(wizard(app)?.step == .select)
    #expect(wizard(app)?.answers.quantity.text == "12")
  }

  @Test func lettersAreKeptAndExplained() throws {
    var app = try app()
    press(&app, .character("1"), .character("x"))
    #expect(wizard(app)?.answers.quantity.text == "1x")
    #expect(app.render().buffer.text.contains("A whole number"))
  }

  @Test func confirmCommitsAndShowsTheTransactionId() throws {
    var app = try app()
    press(&app, .character("5"), .tab, .tab, .enter, .enter)
    let text = app.render().buffer.text
    #expect(text.contains("Transaction ID T0"), "\(text)")
    #expect(wizard(app)?.isDone == true)
    press(&app, .escape)
    #expect(app.stack.count == 1)
  }

  @Test func aRefusalKeepsTheAnswersAndSaysWhy() throws {
    var app = try app()
    press(&app, .character("1"), .character("3"), .tab, .tab, .enter, .enter)
    #expect(wizard(app)?.isDone == false)
    #expect(app.render().buffer.text.contains("more than the"))
    #expect(wizard(app)?.answers.quantity.text == "13")
  }

  @Test func leavingWithAnswersAsksFirst() throws {
    var app = try app()
    press(&app, .character("4"), .escape)
    #expect(app.leaveQuestion != nil)
    #expect(app.render().buffer.text.contains("Leave without saving?"))
    press(&app, .escape)
    #expect(app.leaveQuestion == nil)
    #expect(app.stack.count == 2)
    press(&app, .escape, .enter)
    #expect(app.stack.count == 2, "Stay is the default answer")
    press(&app, .escape, .character("y"))
    #expect(app.stack.count == 1)
  }

  @Test func leavingWithoutAnswersDoesNotAsk() throws {
    var app = try app()
    press(&app, .escape)
    #expect(app.stack.count == 1)
  }

  @Test func controlCWithAnswersAsksThenQuits() throws {
    var app = try app()
    press(&app, .character("4"), .control("c"))
    #expect(!app.isFinished)
    press(&app, .enter)
    #expect(!app.isFinished, "Stay is the default answer")
    press(&app, .control("c"), .control("c"))
    #expect(app.isFinished)
  }

  @Test func questionMarkIsACharacterInAFieldAndF1IsHelp() throws {
    var app = try app()
    press(&app, .tab, .character("?"))
    #expect(app.help == nil)
    #expect(wizard(app)?.answers.reference.text == "")  // refused by the Reference rule
    press(&app, .function(1))
    #expect(app.help != nil)
    let text = app.render().buffer.text
    #expect(text.contains("Toy help for step Select."))
    // Help lists each control from its description.
    #expect(text.contains("Quantity (number, required): 1 to 24."), "\(text)")
  }

  @Test func controlCLeavesEvenWithHelpOpen() throws {
    var app = App(home: Home.screen(), size: .minimum, context: .reference())
    press(&app, .function(1))
    #expect(app.help != nil)
    press(&app, .control("c"))
    #expect(app.isFinished)
  }

  @Test func qQuitsOnlyFromHome() throws {
    var app = try app()
    press(&app, .tab, .tab, .character("q"))
    #expect(!app.isFinished)
    press(&app, .escape, .character("q"))
    #expect(app.isFinished)
  }

  @Test func homeOpensEntriesAndEscDoesNothingThere() throws {
    var app = App(home: Home.screen(), size: .minimum, context: .reference())
    press(&app, .escape)
    #expect(app.stack.count == 1 && !app.isFinished)
    press(&app, .enter)
    #expect(app.stack.count == 2)
  }

  @Test func tooSmallThenLargerRecovers() throws {
    var app = App(home: Home.screen(), size: Size(width: 60, height: 20), context: .reference())
    #expect(app.render().buffer.text.contains("at least 80x24"))
    press(&app, .resize(Size(width: 100, height: 30)))
    #expect(app.render().buffer.text.contains("Choose where to go"))
  }
}
