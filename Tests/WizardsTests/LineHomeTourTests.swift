import StockroomDomain
import TerminalUI
import TestSupport
import Testing

@testable import Wizards

/// Issue 21's acceptance, "every wizard and screen reachable on screen is reachable in the
/// line mode": the home menu's entries are listed and each is walked through `LineSession`,
/// answering rows' numbers and every action's word a few screens deep. Each screen opens
/// and reads without an error, each wizard's first step asks its question, and every screen
/// a key opens on screen is opened by some answer in the line mode. Nothing is committed.
@Suite struct LineHomeTourTests {
  @Test(.postgres) func theDatabaseCasesRun() throws { try StoreKind.reachTheServer() }

  /// How many screens deep the tour goes from a home entry.
  static let depth = 4

  /// The keys tried on each screen to see what it opens on screen.
  static let probes: [Key] =
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".map { Key.character($0) }
    + [.enter, .character(" "), .tab] + (2...12).map { Key.function($0) }

  /// Hands an input to the app as the line mode does, without carrying out a commit.
  static func send(_ app: inout App, _ input: LineInput) {
    switch input {
    case .key(let key): app.handle(key)
    case .openRow(let row): app.openRow(row)
    }
  }

  /// What the tour found.
  struct Tour {
    /// Each screen and wizard reached, with the first line it printed.
    var opened: [String: String] = [:]
    /// What went wrong, where.
    var problems: [String] = []
    /// Each wizard reached, as it opened, with the conversation that opened it.
    var wizards: [String: (app: App, session: LineSession)] = [:]
    /// Each screen reached that is not a wizard, as it opened, with its conversation.
    var screens: [String: (app: App, session: LineSession)] = [:]
    /// Every line printed on the way, with the screen it was printed on.
    var said: [(screen: String, line: String)] = []

    /// Each home entry walked on `fixture`'s demo data, as its support desk.
    static func fromHome(_ fixture: LineFixture) throws -> Tour {
      let home = App(
        home: Home.screen(), size: LineFixture.lineSize, context: try fixture.deskContext())
      var tour = Tour()
      for index in Home.screen().entries.dropLast().indices {
        var app = home
        var talk = LineSession()
        _ = talk.show(app, force: true)
        let printed = talk.answer("\(index + 1)", app: &app, send: LineHomeTourTests.send)
        tour.walk(app, session: talk, printed: printed, depth: 1)
      }
      return tour
    }

    /// A screen by its type; a wizard by its title, as flows share a type.
    static func name(_ screen: any Screen) -> String {
      LineCheck.isWizard(screen) ? "wizard \(screen.title)" : String(describing: type(of: screen))
    }

    mutating func walk(_ app: App, session: LineSession, printed: [String], depth: Int) {
      let name = Self.name(app.current)
      guard opened[name] == nil else { return }
      opened[name] = printed.first ?? ""
      check(printed, of: app, name: name)
      if app.current is any LineWizard {
        wizards[name] = (app, session)
        return
      }
      screens[name] = (app, session)
      guard depth < LineHomeTourTests.depth else { return }
      var answered: Set<String> = []
      var rowOpened = false
      for answer in Self.answers(app) where Int(answer) == nil || !rowOpened {
        var next = app
        var talk = session
        let out = talk.answer(answer, app: &next, send: LineHomeTourTests.send)
        said += out.map { (name, $0) }
        // A refusal the screen itself says (nothing faulty to re-initialize) is its rule.
        let own = next.current.status.map(LineSession.said)
        if let error = out.first(where: { $0.hasPrefix("Error") }), error != own {
          problems.append("\(name), answered \(answer): \(error)")
        }
        guard next.stack.count > app.stack.count else { continue }
        rowOpened = rowOpened || Int(answer) != nil
        answered.insert(Self.name(next.current))
        walk(next, session: talk, printed: out, depth: depth + 1)
      }
      for (key, opens) in Self.opensOnScreen(app) where !answered.contains(opens) {
        problems.append("\(name): \(key) opens \(opens) on screen; no line answer does")
      }
    }

    /// A screen opens on its title (after the status it says, if any), a wizard on its first
    /// step's question; no error.
    mutating func check(_ printed: [String], of app: App, name: String) {
      if printed.contains(where: { $0.hasPrefix("Error") || $0.contains("\u{1B}") }) {
        problems.append("\(name) printed: \(printed)")
      }
      if app.current is any LineWizard {
        let asks = printed.count >= 3 && printed[0].contains(", step 1 of ")
        if !asks { problems.append("\(name) does not ask its first step: \(printed)") }
      } else if !printed.prefix(2).contains(app.current.title + ".") {
        problems.append("\(name) does not open on its title: \(printed)")
      }
    }

    /// What the line mode can answer on this screen: the first ten rows' numbers (the first
    /// that opens a screen is followed), each action's word.
    static func answers(_ app: App) -> [String] {
      guard let lines = (app.current as? any LineReadable)?.lines(context: app.context) else {
        return []
      }
      let rows = lines.rowAction == nil ? 0 : min(lines.rows.count, 10)
      return (0..<rows).map { String($0 + 1) } + lines.actions.map(\.word)
    }

    /// The screens a single key opens on screen, by the key's name.
    static func opensOnScreen(_ app: App) -> [(String, String)] {
      LineHomeTourTests.probes.compactMap { key -> (String, String)? in
        var probe = app
        probe.handle(key)
        guard probe.stack.count > app.stack.count else { return nil }
        return (key.name, name(probe.current))
      }
    }
  }

  /// The tour of the home menu's entries (but the last, the gallery) on `fixture`'s demo.
  static func tour(_ fixture: LineFixture) throws -> Tour {
    var home = App(
      home: Home.screen(), size: LineFixture.lineSize, context: try fixture.deskContext())
    var session = LineSession()
    let menu = session.show(home, force: true)
    let entries = Home.screen().entries.dropLast()
    var tour = Tour()
    tour.said += menu.map { ("HomeScreen", $0) }
    for (index, entry) in entries.enumerated() {
      let row = "\(index + 1) \(entry.title): \(entry.summary)"
      #expect(menu.contains(row), "\(menu)")
      var app = home
      var talk = session
      let printed = talk.answer("\(index + 1)", app: &app, send: Self.send)
      #expect(app.stack.count == 2, "\(entry.title) opens no screen: \(printed)")
      tour.said += printed.map { ("HomeScreen", $0) }
      tour.walk(app, session: talk, printed: printed, depth: 1)
    }
    _ = session.answer(":quit", app: &home, send: Self.send)
    #expect(home.isFinished)
    return tour
  }

  @Test(arguments: StoreKind.available)
  func everyHomeEntryIsWalkedInTheLineMode(kind: StoreKind) throws {
    let fixture = try LineFixture(kind)
    let tour = try Self.tour(fixture)
    #expect(tour.problems.isEmpty, "\(tour.problems.joined(separator: "\n"))")
    let expected: Set<String> = [
      "AccountsScreen", "AllocationScreen", "ApprovalPolicyScreen", "ApprovalQueueScreen",
      "InventoryScreen", "MyOrdersScreen", "OrderDetailScreen", "OrderStepScreen",
      "ReportsScreen", "SubscriptionHistoryScreen", "SubscriptionScreen", "SubscriptionsScreen",
      "TransactionLogScreen", "TransactionScreen", "WarehouseScreen", "FaultyTokensScreen",
      "wizard Add Installed Item", "wizard Allocate to Contoso Bank",
      "wizard Deallocate software tokens", "wizard New wireless order", "wizard Receive stock",
      "wizard Remove Installed Item", "wizard Returns bench", "wizard Swap Installed Item",
    ]
    let missing = expected.subtracting(tour.opened.keys)
    #expect(missing.isEmpty, "not reached: \(missing.sorted())")
  }
}
