import Foundation
import Testing

/// The README's set-up commands stay what CI runs. (That the binary opens
/// the home screen is `TerminalLifecycleTests`; `swift run` itself cannot run
/// inside `swift test`, which holds the build folder's lock.)
@Suite(.serialized) struct ReadmeCommandTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  @Test func readmeNamesTheTwoCommands() throws {
    let readme = try String(
      contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
    #expect(readme.contains("swift run stockroom"))
    #expect(readme.contains("swift build && swift test"))
    let ci = try String(
      contentsOf: Self.root.appendingPathComponent(".ci/run"), encoding: .utf8)
    #expect(ci.contains("swift build && swift test"))
  }
}
