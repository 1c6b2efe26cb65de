import StockroomDomain
import TerminalUI
import Testing

@testable import Wizards

/// The allocation and receiving wizards lay each step out from the rectangle
/// they are given: a taller terminal lists more serials and PgDn moves by the
/// rows shown; a click chooses the radio button under it; help has a line for
/// every control.
@Suite(.serialized) struct StockWizardLayoutTests {
  typealias Fixture = RecordFixture

  /// The receiving wizard with 60 new serials listed and the list focused, at `size`.
  static func listedSerials(size: Size) throws -> App {
    let context = try DemoFixture.context()
    var app = App(home: Home.screen(), size: size, context: context)
    app.carryOut(.push(ReceiveFlow.screen(context: context)))
    for _ in 0..<6 { Fixture.press(&app, .tab) }
    Fixture.press(&app, .enter)
    let serials = (1...60).map { "NEW-\(1000 + $0)" }
    Fixture.press(&app, .paste(serials.joined(separator: "\n")), .enter, .tab, .home)
    return app
  }

  static func receiving(_ app: App) throws -> WizardScreen<ReceiveFlow> {
    try #require(app.current as? WizardScreen<ReceiveFlow>)
  }

  @Test(arguments: [(Size.minimum, 12), (Size(width: 100, height: 40), 28)])
  func pageDownMovesByTheSerialsShown(size: Size, rows: Int) throws {
    var app = try Self.listedSerials(size: size)
    #expect(try Self.receiving(app).place == WizardPlace(.items, .serials(.list)))
    #expect(try Self.receiving(app).answers.serials.table.cursor == 0)
    Fixture.press(&app, .pageDown)
    #expect(try Self.receiving(app).answers.serials.table.cursor == rows)
    let text = app.render().buffer.text
    #expect(text.contains("NEW-\(1001 + rows)"), "the row PgDn lands on is shown:\n\(text)")
    #expect(!text.contains("NEW-\(1001 + 2 * rows)"))
  }

  @Test func aClickChoosesTheRadioButtonUnderIt() throws {
    let context = try DemoFixture.context()
    var app = Fixture.app(ReceiveFlow.screen(context: context), context: context)
    // The step's area starts at (1, 2); Ownership's options at column 16, rows 4 and 5.
    Fixture.press(&app, .mouse(Mouse(.press, x: 18, y: 5)))
    var receiving = try Self.receiving(app)
    #expect(ReceiveFlow.ownership(receiving.answers) == .leased)
    #expect(receiving.focusedControl == .ownership)
    Fixture.press(&app, .mouse(Mouse(.press, x: 17, y: 8)))
    receiving = try Self.receiving(app)
    #expect(receiving.answers.needsPIN, "a click on the box checks it")

    let index = try #require(context.state.accountIndex("ACC-0002"))
    let wizard = try #require(AllocationFlow.screen(account: index, context: context))
    app = Fixture.app(wizard, context: context)
    Fixture.press(&app, .mouse(Mouse(.press, x: 17, y: 3)))
    let allocating = try #require(app.current as? WizardScreen<AllocationFlow>)
    #expect(allocating.answers.allocationKind == .sale)
    #expect(allocating.answers.choice == .software(.smsSale))
  }

  @Test func helpHasALineForEveryControl() throws {
    let context = try DemoFixture.context()
    let receive = ReceiveFlow.make(context: context)
    for step in ReceiveFlow.Step.allCases {
      let screen = WizardScreen(flow: receive.flow, answers: receive.answers, at: WizardPlace(step))
      for control in receive.flow.controls(step: step, answers: receive.answers) {
        let line = receive.flow.describe(control, step: step, answers: receive.answers).helpLine
        #expect(screen.help.contains(line), "\(control)")
      }
    }
    let index = try #require(context.state.accountIndex("ACC-0002"))
    var allocation = try #require(AllocationFlow.make(account: index, context: context))
    allocation.answers.kind.choose(1)
    allocation.answers.rebuildProducts(state: context.state, keeping: nil)
    let described = AllocationFlow.Step.allCases.flatMap { step in
      allocation.flow.controls(step: step, answers: allocation.answers).map {
        allocation.flow.describe($0, step: step, answers: allocation.answers)
      }
    }
    #expect(described.map(\.label).contains(AllocationFlow.withCapacityText))
    #expect(
      described.first?.helpLine
        == "Type (radio, required): one of Rental, Sale, Capacity Only. Now: Sale.")
  }
}
