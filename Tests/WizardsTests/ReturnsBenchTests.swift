import Foundation
import StockroomDomain
import StockroomStore
import TerminalUI
import Testing

@testable import Wizards

/// Home › Returns bench against the demo data: screens at 80x24 and 120x40 (empty, scanning
/// with bad lines, with an RMA list, Confirm, result), one bell per refused scan, undo, a
/// scan's own disposition, the group commit, a conflict back at the scans, and the draft.
@Suite(.serialized) struct ReturnsBenchTests {
  static let wide = Size(width: 120, height: 40)

  /// Serials of the demo data: returnable ones from three accounts, one in the provider's
  /// stock, one in use.
  struct Serials {
    var good: [String]
    var available: String
    var inUse: String
  }

  static func serials(_ state: InventoryState) throws -> Serials {
    var perAccount: [Int: [String]] = [:]
    for token in state.tokens where ReturnRefusal.of(token) == nil {
      guard let account = token.accountIndex, perAccount[account, default: []].count < 3 else {
        continue
      }
      perAccount[account, default: []].append(token.serial)
    }
    let accounts = perAccount.keys.sorted().prefix(3)
    #expect(accounts.count == 3)
    return Serials(
      good: accounts.flatMap { perAccount[$0] ?? [] },
      available: try #require(state.tokens.first { $0.state == .available }?.serial),
      inUse: try #require(
        state.tokens.first { ReturnRefusal.of($0) == .inUse }?.serial))
  }

  /// The bench with a fixed session ID, so the screens are the same on every run.
  func bench(size: Size = .minimum) throws -> App {
    var app = App(home: Home.screen(), size: size, context: try DemoFixture.context())
    app.carryOut(
      .push(
        ReturnsFlow.screen(context: app.context, session: ReturnsSession(id: "R0123456789abcdef"))))
    return app
  }

  @Test func homeOpensTheBenchWhereScanAReturnedSerialWas() throws {
    var app = App(home: Home.screen(), size: .minimum, context: try DemoFixture.context())
    app.handle(.character("2"))
    #expect(try flow(app).focusedControl == .scan)
    #expect(app.current.title == "Returns bench")
  }

  func scan(_ app: inout App, _ serial: String) {
    app.handle(.scan(serial))
    app.runPendingCommit()
  }

  func type(_ app: inout App, _ text: String) {
    for character in text { app.handle(.character(character)) }
  }

  func press(_ app: inout App, _ keys: Key...) {
    for key in keys {
      app.handle(key)
      app.runPendingCommit()
      app.readRequestedFile()
    }
  }

  func flow(_ app: App) throws -> WizardScreen<ReturnsFlow> {
    try #require(app.current as? WizardScreen<ReturnsFlow>)
  }

  /// Scans the good serials with an unknown, an unallocated, a repeated and an in-use one
  /// mixed in; returns the bells rung.
  func scanMixed(_ app: inout App, _ serials: Serials) -> Int {
    var bells = 0
    let mixed =
      Array(serials.good.prefix(4)) + ["NOPE-404", serials.available] + [serials.good[0]]
      + Array(serials.good.dropFirst(4)) + [serials.inUse]
    for serial in mixed {
      scan(&app, serial)
      bells += app.takeBells()
    }
    return bells
  }

  @Test func theBenchOpensWithTheScanFieldFocusedAndTakesTypedAndScannedSerials() throws {
    for (size, suffix) in [(Size.minimum, ""), (Self.wide, "-120x40")] {
      var app = try bench(size: size)
      ScreenSnapshot.check(app.render().buffer, "returns/01-empty\(suffix)")
      #expect(try flow(app).focusedControl == .scan)
      let serials = try Self.serials(app.context.state)
      type(&app, serials.good[0])
      press(&app, .enter)
      #expect(try flow(app).answers.session.acceptedScans.map(\.serial) == [serials.good[0]])
      #expect(app.takeBells() == 0, "a good scan rings no bell")
      press(&app, .control("z"))
      #expect(try flow(app).answers.session.scans.isEmpty, "Ctrl-Z takes the last scan back")
      let bells = scanMixed(&app, serials)
      #expect(bells == 4, "unknown, not allocated, repeated and in use ring once each")
      let session = try flow(app).answers.session
      #expect(session.acceptedScans.count == serials.good.count)
      #expect(
        session.refusedScans.compactMap(\.outcome.refusal)
          == [.unknown, .notAllocated, .alreadyScanned, .inUse])
      #expect(session.tally.reduce(0) { $0 + $1.count } == serials.good.count)
      ScreenSnapshot.check(app.render().buffer, "returns/02-scanning\(suffix)")
    }
  }

  @Test func theBellCanBeTurnedOffAndAScanKeepsItsOwnDisposition() throws {
    var app = try bench()
    let serials = try Self.serials(app.context.state)
    scan(&app, serials.good[0])
    scan(&app, serials.good[1])
    // Focus: scan → scans; ↑ to the first scan, → makes it Initialize.
    press(&app, .tab, .up, .right)
    var session = try flow(app).answers.session
    #expect(session.scans.map(\.disposition) == [.initialize, .return])
    // Tab to the Bell (after the disposition and the three fields) and turn it off.
    while try flow(app).focusedControl != .bell { press(&app, .tab) }
    press(&app, .right)
    scan(&app, "NOPE-1")
    #expect(app.takeBells() == 0)
    // The held disposition applies to the scans that follow.
    while try flow(app).focusedControl != .disposition { press(&app, .tab) }
    press(&app, .right, .right)
    scan(&app, serials.good[2])
    session = try flow(app).answers.session
    #expect(session.scans.last?.disposition == .faulty)
  }

  @Test func anRMAListShowsMatchedMissingUnexpectedAndWrongAccountLive() throws {
    for (size, suffix) in [(Size.minimum, ""), (Self.wide, "-120x40")] {
      var app = try bench(size: size)
      let serials = try Self.serials(app.context.state)
      let state = app.context.state
      func account(_ serial: String) -> String {
        state.token(serial: serial).flatMap(\.accountIndex).map { state.accounts[$0].code } ?? ""
      }
      // Announced: the first five as sent (one under another account), two never sent.
      var lines = ["serial,account,rma"]
      for (index, serial) in serials.good.prefix(5).enumerated() {
        lines.append("\(serial),\(index == 4 ? "NOBODY" : account(serial)),RMA-\(index)")
      }
      lines += ["NEVER-1,,RMA-9", "NEVER-2,,RMA-9"]
      let file = FileManager.default.temporaryDirectory
        .appendingPathComponent("rma-\(UUID().uuidString.prefix(8)).csv")
      try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
      press(&app, .control("e"))
      type(&app, file.path)
      press(&app, .enter)
      for serial in serials.good { scan(&app, serial) }
      scan(&app, "NOPE-404")
      let check = try #require(try flow(app).answers.session.rmaCheck)
      #expect(check.matched == Array(serials.good.prefix(4)))
      #expect(check.wrongAccount == [serials.good[4]])
      #expect(check.missing == ["NEVER-1", "NEVER-2"])
      #expect(check.unexpected == Array(serials.good.dropFirst(5)))
      ScreenSnapshot.check(app.render().buffer, "returns/03-rma\(suffix)")
      press(&app, .tab, .tab, .right)  // the RMA lists: Missing → Unexpected
      #expect(try flow(app).answers.rmaKind == .unexpected)
    }
  }

  @Test func confirmCommitsOneTransactionPerAccountAllAtOnce() throws {
    for (size, suffix) in [(Size.minimum, ""), (Self.wide, "-120x40")] {
      var app = try bench(size: size)
      let serials = try Self.serials(app.context.state)
      _ = scanMixed(&app, serials)
      press(&app, .tab)
      while try flow(app).focusedControl != nil { press(&app, .tab) }
      press(&app, .enter)  // Next
      ScreenSnapshot.check(app.render().buffer, "returns/04-confirm\(suffix)")
      let session = try flow(app).answers.session
      press(&app, .enter)  // Confirm
      let screen = try flow(app)
      #expect(screen.isDone)
      let store = try #require(app.context.store)
      for account in session.accounts {
        let mine = try store.transactions(account: account).filter { $0.session == session.id }
        #expect(mine.count == 1)
        #expect(mine.first?.action == .deallocateHardware)
      }
      for serial in serials.good {
        #expect(app.context.state.token(serial: serial)?.state == .available)
      }
      ScreenSnapshot.check(app.render().buffer, "returns/05-result\(suffix)")
    }
  }

  @Test func aSerialAnotherSessionTookMeanwhileIsRefusedAndTheScansAreKept() throws {
    var app = try bench()
    let serials = try Self.serials(app.context.state)
    for serial in serials.good { scan(&app, serial) }
    // Another session returns the second serial first.
    let store = try #require(app.context.store as? FileStore)
    let other = try DemoFixture.secondSession(of: store)
    let taken = serials.good[1]
    let account = try #require(
      other.state.token(serial: taken)?.accountIndex.map { other.state.accounts[$0].code })
    _ = try other.commit(
      .deallocateHardware(account: account, serials: [taken], disposition: .return, container: nil),
      context: TransactionContext(user: "other", uid: 7), key: "other-1")
    _ = try store.refresh()
    let before = try store.transactions(account: account).count
    press(&app, .tab)
    while try flow(app).focusedControl != nil { press(&app, .tab) }
    press(&app, .enter, .enter)  // Next, Confirm
    let screen = try flow(app)
    #expect(!screen.isDone)
    #expect(screen.step == .scan)
    #expect(screen.status?.text.contains(taken) == true, "the refusal names the serial")
    let session = screen.answers.session
    #expect(session.scans.count == serials.good.count, "every scan is kept")
    #expect(session.scans[1].outcome.refusal == .notAllocated)
    _ = try store.refresh()
    #expect(try store.transactions(account: account).count == before, "nothing was written")
  }

  @Test func ctrlOScansAFileOfSerialsWithOneBellForItsRefusedOnes() throws {
    var app = try bench()
    let serials = try Self.serials(app.context.state)
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("returned-\(UUID().uuidString.prefix(8)).txt")
    let listed = Array(serials.good.prefix(4)) + ["NOPE-1", serials.inUse]
    try listed.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
    press(&app, .control("o"))
    type(&app, file.path)
    press(&app, .enter)
    let session = try flow(app).answers.session
    #expect(session.scans.map(\.serial) == listed)
    #expect(session.acceptedScans.count == 4)
    #expect(app.takeBells() == 1, "one bell for the file's refused serials")
    #expect(app.current.status?.text.contains("4 accepted, 2 refused") == true)
  }

  @Test func aDraftKeepsTheSessionAndReopensIt() throws {
    var app = try bench()
    let serials = try Self.serials(app.context.state)
    _ = scanMixed(&app, serials)
    let draft = try #require(
      app.draft(id: "d1", user: "jdoe", uid: 1001, createdAt: "", updatedAt: ""))
    #expect(draft.wizard.kind == "returns")
    var reopened = App(home: Home.screen(), size: .minimum, context: app.context)
    #expect(reopened.resume(draft) == nil)
    let restored = try #require(reopened.current as? WizardScreen<ReturnsFlow>)
    #expect(restored.answers.session.scans == (try flow(app).answers.session.scans))
    #expect(restored.commitKey == (try flow(app).commitKey))
  }
}
