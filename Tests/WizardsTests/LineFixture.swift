import Foundation
import StockroomDomain
import StockroomPostgres
import StockroomStore
import TerminalUI
import TestSupport
import Testing

@testable import Wizards

/// The demo data on either store, for the screens read as lines: the file store as
/// `DemoFixture` makes it, or a database of the test's own holding the same demo.
final class LineFixture {
  let context: AppContext
  private let database: TestDatabase?
  private let role: String

  init(_ kind: StoreKind) throws {
    try kind.requireAvailable()
    switch kind {
    case .file:
      database = nil
      role = ""
      context = try DemoFixture.context()
    case .postgres:
      let database = try TestDatabase()
      self.database = database
      role = database.name + "_app"
      let url = try PostgresURL(parsing: database.url())
      _ = try StoreSetup.initialize(url, role: role)
      var options = PostgresStore.Options(
        dataDirectory: FileManager.default.temporaryDirectory.appendingPathComponent(
          "stockroom-lines-\(UUID().uuidString.prefix(8))"))
      options.environment = DemoFixture.environment
      let store = try PostgresStore.createDemo(
        url, options: options, seed: 1, now: AppContext.referenceNow)
      context = AppContext.reference(store: store)
    }
  }

  deinit {
    database?.drop()
    if let database { database.dropRole(role) }
  }

  /// An app at the home screen over the demo data.
  func app() -> App { App(home: Home.screen(), size: .minimum, context: context) }

  /// The size the line mode lays its screens out at (the executable's `LineLoop.size`).
  static let lineSize = Size(width: 100, height: 40)

  /// Opens Northwind Traders' (ACC-0004) MobilePASS deallocation wizard on top of `app`: the
  /// short wizard the line tests answer to its Transaction ID.
  static func openMobilePass(_ app: inout App) throws {
    let account = try #require(app.context.state.accountIndex("ACC-0004"))
    let made = try #require(
      DeallocationFlow.make(kind: .mobilePass, account: account, context: app.context))
    app.carryOut(.push(WizardScreen(flow: made.flow, answers: made.answers)))
  }

  /// The context as the OS user who made the demo, its support desk: the orders open as them.
  func deskContext() throws -> AppContext {
    var context = context
    let desk = try #require(try context.store?.userMap().entries.first)
    context.userName = desk.user
    context.userId = desk.uid ?? context.userId
    return context
  }
}

/// What every screen read as lines must be: plain text, rows as many as it has, words an
/// action each.
enum LineCheck {
  /// True for ESC, C0 and C1 controls and DEL.
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }

  /// The lines' texts that hold a control character.
  static func controls(_ lines: ScreenLines) -> [String] {
    let texts =
      lines.summary + lines.rows + [lines.rowAction ?? ""]
      + lines.actions.flatMap {
        [$0.word, $0.label]
      }
    return texts.filter { $0.unicodeScalars.contains(where: isControl) }
  }

  /// Checks `lines`: `rows` rows, no control character, each word lower case, one word, once.
  static func check(
    _ lines: ScreenLines, rows: Int, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(lines.rows.count == rows, sourceLocation: sourceLocation)
    #expect(controls(lines).isEmpty, "\(controls(lines))", sourceLocation: sourceLocation)
    let words = lines.actions.map(\.word)
    #expect(Set(words).count == words.count, "\(words)", sourceLocation: sourceLocation)
    for word in words {
      #expect(
        !word.isEmpty && word == word.lowercased() && !word.contains(" "), "\(word)",
        sourceLocation: sourceLocation)
    }
    for action in lines.actions {
      #expect(!action.keys.isEmpty, "\(action.word)", sourceLocation: sourceLocation)
    }
  }

  /// The top screen's lines; the test fails when it is not `LineReadable`.
  static func lines(
    _ app: App, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> ScreenLines {
    let screen = try #require(
      app.current as? any LineReadable, "\(type(of: app.current))", sourceLocation: sourceLocation)
    return screen.lines(context: app.context)
  }

  /// Follows the top screen's action `word`, then types `text`, as the line mode does:
  /// each key through the app, a commit carried out at once.
  static func follow(
    _ word: String, typing text: String = "", in app: inout App,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let action = try Self.action(word, in: lines(app), sourceLocation: sourceLocation)
    for key in action.keys + text.map({ Key.character($0) }) {
      app.handle(key)
      app.runPendingCommit()
    }
  }

  /// The screen `effect` pushes, as `type`; the test fails when it pushes none of it.
  static func pushed<S>(
    _ effect: Effect, as type: S.Type, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> S {
    var screen: (any Screen)?
    if case .push(let pushed) = effect { screen = pushed }
    return try #require(screen as? S, "\(effect)", sourceLocation: sourceLocation)
  }

  /// True for a wizard (read by the line mode's own wizard renderer).
  static func isWizard(_ screen: any Screen) -> Bool {
    String(describing: type(of: screen)).hasPrefix("WizardScreen<")
  }

  /// The action called `word`; the test fails without it.
  static func action(
    _ word: String, in lines: ScreenLines, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> LineAction {
    try #require(
      lines.actions.first { $0.word == word }, "\(lines.actions.map(\.word))",
      sourceLocation: sourceLocation)
  }
}
