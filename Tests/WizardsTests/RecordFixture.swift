import Foundation
import TerminalUI
import Testing

@testable import Wizards

/// What the record tests of the converted wizards share: an app at 80x24 with
/// a wizard above home, keys as a user types them, and the screen a wizard
/// shows at a place, so an original and a restored wizard can be compared.
enum RecordFixture {
  /// An app at 80x24 with `screen` above home.
  static func app(_ screen: any Screen, context: AppContext) -> App {
    var app = App(home: Home.screen(), size: .minimum, context: context)
    app.carryOut(.push(screen))
    return app
  }

  static func press(_ app: inout App, _ keys: Key...) {
    for key in keys {
      app.handle(key)
      app.runPendingCommit()
    }
  }

  static func type(_ app: inout App, _ text: String) {
    for character in text { press(&app, .character(character)) }
  }

  /// The screen `flow` shows with `answers` at `place`, above home.
  static func text<Flow: WizardFlow>(
    _ flow: Flow, _ answers: Flow.Answers, at place: WizardPlace<Flow.Step, Flow.Control>,
    context: AppContext
  ) -> String {
    app(WizardScreen(flow: flow, answers: answers, at: place), context: context).render().buffer
      .text
  }

  /// The screen without its status and legend lines.
  static func body(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).prefix(22)
      .joined(separator: "\n")
  }

  /// The app's draft written to JSON and read back, then resumed in a new app.
  static func resumed(_ app: App, context: AppContext) throws -> App {
    let draft = try #require(
      app.draft(
        id: "0123456789ab", user: "jdoe", uid: 1001, createdAt: "2026-11-22T09:00:00Z",
        updatedAt: "2026-11-22T09:05:00Z"))
    let encoded = try #require(draft.encoded())
    let loaded = try #require(Draft.decode(encoded))
    var resumed = App(home: Home.screen(), size: .minimum, context: context)
    #expect(resumed.resume(loaded) == nil)
    return resumed
  }

  /// Decodes a record from JSON text, as a draft file holds it.
  static func decode<Record: Decodable>(_ type: Record.Type, _ json: String) throws -> Record {
    try JSONDecoder().decode(Record.self, from: Data(json.utf8))
  }

  /// Encodes and decodes `record`, as a draft file would.
  static func roundTrip<Record: Codable>(_ record: Record) throws -> Record {
    try JSONDecoder().decode(Record.self, from: JSONEncoder().encode(record))
  }
}
