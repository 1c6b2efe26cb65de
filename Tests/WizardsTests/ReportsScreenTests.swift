import Foundation
import StockroomDomain
import TerminalUI
import Testing

@testable import Wizards

/// Home › Reports against `screens/reports/` at 80x24 and 120x40: the filter form, each
/// report, an empty result and the export prompt; and a report read a chunk at a time that
/// Esc cancels.
@Suite struct ReportsScreenTests {
  /// The app at `size` with Reports open (home entry 7) and its first report finished.
  static func app(size: Size) throws -> App {
    var app = App(home: Home.screen(), size: size, context: try DemoFixture.context())
    app.handle(.character("6"))
    finish(&app)
    return app
  }

  static func finish(_ app: inout App) {
    var passes = 0
    while (app.current as? ReportsScreen)?.job != nil && passes < 10_000 {
      _ = app.idle()
      passes += 1
    }
  }

  static func press(_ app: inout App, _ keys: [Key]) {
    for key in keys { app.handle(key) }
    finish(&app)
  }

  static func type(_ text: String) -> [Key] { text.map { Key.character($0) } }

  static let sizes: [(Size, String)] = [(.minimum, ""), (Size(width: 120, height: 40), "-120x40")]

  @Test func eachReportTheFormAnEmptyResultAndTheExportPrompt() throws {
    for (size, suffix) in Self.sizes {
      var app = try Self.app(size: size)
      ScreenSnapshot.check(app.render().buffer, "reports/01-transactions" + suffix)
      // The form: the reason chosen, a Reference typed (Tab order: report, reason, from, …).
      Self.press(&app, [.tab, .down, .down] + Array(repeating: .tab, count: 7) + Self.type("RMA"))
      ScreenSnapshot.check(app.render().buffer, "reports/02-filter-form" + suffix)
      Self.press(&app, [.enter])
      ScreenSnapshot.check(app.render().buffer, "reports/03-empty" + suffix)
      app = try Self.app(size: size)
      Self.press(&app, [.down, .enter])
      ScreenSnapshot.check(app.render().buffer, "reports/04-movements" + suffix)
      Self.press(&app, [.down, .enter])
      ScreenSnapshot.check(app.render().buffer, "reports/05-faulty" + suffix)
      Self.press(&app, [.backTab, .right, .right, .right, .character("s"), .character("e")])
      ScreenSnapshot.check(app.render().buffer, "reports/06-export-prompt" + suffix)
    }
  }

  @Test func theTableSortsByTheChosenColumnAndExportsTheRowsShown() throws {
    var app = try Self.app(size: .minimum)
    Self.press(&app, [.backTab, .right, .right, .character("s")])
    var screen = try #require(app.current as? ReportsScreen)
    let result = try #require(screen.result)
    let actions = result.sorted(by: 2).rows.map { $0[2].text }
    #expect(actions == actions.sorted { $0.lowercased() < $1.lowercased() || $0 == $1 })
    Self.press(&app, [.character("s")])
    screen = try #require(app.current as? ReportsScreen)
    #expect(screen.descending)
    Self.press(&app, [.character("e"), .character("c")])
    let taken = app.takeExport()
    let export = try #require(taken)
    #expect(export.fileName.hasPrefix("transactions-") && export.fileName.hasSuffix(".csv"))
    #expect(export.rows == result.rows.count)
    #expect(export.contents.hasPrefix("transactionId,time,action,"))
    app.exported(.written(path: "/data/exports/" + export.fileName))
    #expect(app.current.status?.text.hasPrefix("Exported to /data/exports/") == true)
  }

  @Test func aWholeLedgerReportShowsProgressAndEscOrCtrlCCancelsIt() throws {
    for key in [Key.escape, .control("c")] {
      var app = App(home: Home.screen(), size: .minimum, context: try DemoFixture.context())
      app.handle(.character("6"))
      // The first chunk is read at once; a 166-transaction ledger is one chunk, so start
      // again with the job reset to the beginning and read nothing more.
      var screen = try #require(app.current as? ReportsScreen)
      let store = try #require(app.context.store)
      screen.job = ReportJob(
        ReportRun(.transactions, filter: ReportFilter(), now: ""), last: store.lastSequence)
      #expect(screen.isWorking)
      var text = Buffer(size: .minimum)
      screen.view(into: &text, in: app.context.bodyRect, context: app.context)
      #expect(text.text.contains("Reading the ledger for Transactions: 0% · Esc cancels"))
      _ = screen.update(key, context: app.context)
      #expect(screen.job == nil)
      #expect(screen.status?.text.hasPrefix("Cancelled") == true)
      #expect(!app.isFinished)
    }
  }

  @Test func aDeallocationReasonIsKeptInItsDraftRecord() throws {
    var answers = ReturnReasonField()
    #expect(answers.value == nil)
    answers.select(.fulfilmentError)
    #expect(answers.value == .fulfilmentError)
    let record = DeallocationRecord(flow: .hardware, returnReason: .warranty)
    let data = try JSONEncoder().encode(record)
    #expect(String(decoding: data, as: UTF8.self).contains("\"returnReason\":\"warranty\""))
    #expect(try JSONDecoder().decode(DeallocationRecord.self, from: data).returnReason == .warranty)
  }
}
