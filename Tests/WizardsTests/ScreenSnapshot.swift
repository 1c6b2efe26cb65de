import Foundation
import TerminalUI
import Testing

@testable import Wizards

/// Compares a rendered screen with its file in `screens/`. With
/// `STOCKROOM_UPDATE_SCREENS=1` it rewrites the file instead, so an intended
/// change is one command; without it, a screen that drifts fails the test.
enum ScreenSnapshot {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("screens")

  static var updating: Bool {
    ProcessInfo.processInfo.environment["STOCKROOM_UPDATE_SCREENS"] == "1"
  }

  /// Checks `buffer` against `screens/<name>.txt`.
  static func check(
    _ buffer: Buffer, _ name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    check(text: buffer.text, name, sourceLocation: sourceLocation)
  }

  /// Checks `text` (a screen read as lines) against `screens/<name>.txt`.
  static func check(
    text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let url = root.appendingPathComponent(name + ".txt")
    if updating {
      try? FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try? text.write(to: url, atomically: true, encoding: .utf8)
      return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
      Issue.record(
        "screens/\(name).txt is missing; run STOCKROOM_UPDATE_SCREENS=1 swift test",
        sourceLocation: sourceLocation)
      return
    }
    if expected != text {
      Issue.record(
        "screens/\(name).txt differs:\n--- expected\n\(expected)--- rendered\n\(text)",
        sourceLocation: sourceLocation)
    }
  }

  /// Renders an app after `keys` at `size`.
  static func render(_ app: App, keys: [Key] = []) -> Buffer {
    var app = app
    for key in keys {
      app.handle(key)
      app.runPendingCommit()
    }
    return app.render().buffer
  }
}
