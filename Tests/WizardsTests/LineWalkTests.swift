import StockroomDomain
import TerminalUI
import TestSupport
import Testing

@testable import Wizards

/// Every screen the home menu leads to is read as lines or is a wizard: from each home
/// entry, each screen's first row that opens something and each of its actions are followed
/// a few screens deep, on the demo data of either store. No line holds a control character
/// and nothing crashes.
@Suite struct LineWalkTests {
  @Test(.postgres) func theDatabaseCasesRun() throws { try StoreKind.reachTheServer() }

  /// How many screens deep the walk goes from a home entry.
  static let depth = 4

  /// What the walk found.
  struct Walk {
    var context: AppContext
    /// The type of every screen reached.
    var reached: Set<String> = []
    /// Screens neither `LineReadable` nor a wizard.
    var unreadable: Set<String> = []
    /// Lines that hold a control character, by screen.
    var controls: [String] = []

    mutating func visit(_ effect: Effect, depth: Int) {
      switch effect {
      case .push(let screen), .replace(let screen): visit(screen, depth: depth)
      default: break
      }
    }

    mutating func visit(_ screen: any Screen, depth: Int) {
      let name = String(describing: type(of: screen))
      reached.insert(name)
      if LineCheck.isWizard(screen) { return }
      guard var readable = screen as? any LineReadable else {
        unreadable.insert(name)
        return
      }
      finish(&readable)
      let lines = readable.lines(context: context)
      controls += LineCheck.controls(lines).map { "\(name): \($0)" }
      guard depth < LineWalkTests.depth else { return }
      for index in lines.rows.indices.prefix(10) {
        var copy = readable
        let effect = copy.openRow(index, context: context)
        if case .push = effect {
          visit(effect, depth: depth + 1)
          break
        }
      }
      for action in lines.actions {
        var copy = readable
        var effect = Effect.none
        for key in action.keys {
          effect = copy.update(key, context: context)
          if case .push = effect { break }
        }
        finish(&copy)
        controls += LineCheck.controls(copy.lines(context: context)).map {
          "\(name) after \(action.word): \($0)"
        }
        visit(effect, depth: depth + 1)
      }
    }

    /// Lets a screen finish its long work (a report over the whole ledger).
    func finish(_ screen: inout any LineReadable) {
      for _ in 0..<10_000 where screen.isWorking { _ = screen.idle(context: context) }
    }
  }

  @Test(arguments: StoreKind.available)
  func everyScreenFromHomeReadsAsLines(kind: StoreKind) throws {
    let fixture = try LineFixture(kind)
    let context = try fixture.deskContext()
    let home = Home.screen()
    var walk = Walk(context: context)
    for entry in home.entries.dropLast() {
      walk.visit(entry.open(context), depth: 1)
    }
    #expect(walk.unreadable.isEmpty, "not read as lines: \(walk.unreadable.sorted())")
    #expect(walk.controls.isEmpty, "\(walk.controls)")
    let expected: Set<String> = [
      "AccountsScreen", "AllocationScreen", "TransactionLogScreen", "TransactionScreen",
      "SubscriptionsScreen", "SubscriptionScreen", "WarehouseScreen",
      "SubscriptionHistoryScreen", "InventoryScreen", "FaultyTokensScreen", "ReportsScreen",
      "MyOrdersScreen", "ApprovalQueueScreen", "OrderDetailScreen", "ApprovalPolicyScreen",
    ]
    #expect(expected.subtracting(walk.reached).isEmpty, "\(walk.reached.sorted())")
    #expect(walk.reached.contains { $0.hasPrefix("WizardScreen<") })
  }
}
