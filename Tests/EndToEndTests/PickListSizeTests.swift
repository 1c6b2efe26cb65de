import Foundation
import Testing

/// The hardware pick list in a real terminal at more than 80x24 (issue 13):
/// after a resize in the middle of the wizard from 80x24 to 120x40, the
/// Allocated list shows more rows, the first PgDn moves the highlight by
/// exactly the rows shown, and the serial already picked stays picked.
@Suite(.serialized) struct PickListSizeTests {
  /// The serial on the highlighted (▶) row of the Allocated list.
  static func highlighted(_ screen: String) -> String? {
    for line in screen.split(separator: "\n") where line.contains("│▶") {
      let after = line.split(separator: "▶", maxSplits: 1).last ?? ""
      return after.split(separator: " ").first.map(String.init)
    }
    return nil
  }

  /// The serials the Allocated list shows, top to bottom.
  static func shown(_ screen: String) -> [String] {
    screen.split(separator: "\n").compactMap { line in
      guard line.hasPrefix("│ │") else { return nil }
      let cell = line.dropFirst(3).prefix { $0 != "│" }
      return cell.split(separator: " ").first { $0.hasPrefix("RB1-") }.map(String.init)
    }
  }

  @Test func pageDownMovesByTheRowsShownAfterAResize() throws {
    let demo = try DemoDirectory()
    defer { demo.remove() }
    let session = try TmuxSession(
      command: "exec "
        + demo.command([
          "deallocate", "hardware", "--account", "ACC-0001", "--serial", "RB1-1100000",
          "--interactive",
        ]), environment: demo.terminalEnvironment)
    defer { session.close() }
    try session.waitFor("Step 2 of 3")
    session.send("Escape")
    try session.waitFor("Deallocate (1)")
    session.send("Tab")  // from the scan field to Allocated
    var screen = try session.waitUntil("a highlighted row") { Self.highlighted($0) != nil }
    let small = Self.shown(screen).count
    #expect(small == 11, "\(screen)")

    session.resize(width: 120, height: 40)
    screen = try session.waitUntil("the list at 120x40") { Self.shown($0).count > small }
    let rows = Self.shown(screen)
    #expect(rows.count == 27, "\(screen)")
    #expect(screen.contains("Deallocate (1)"), "the pick survives the resize")
    let first = try #require(Self.highlighted(screen))
    #expect(first == rows[0])

    session.send("PageDown")
    screen = try session.waitUntil("PgDn") { Self.highlighted($0) != first }
    #expect(!Self.shown(screen).contains(first), "a whole page moved:\n\(screen)")
    // One row up from the new page is the last row of the page before: the move was exactly
    // the rows shown.
    session.send("Up")
    screen = try session.waitUntil("Up after PgDn") { Self.highlighted($0) == rows.last }
    session.send("PageUp")
    try session.waitUntil("PgUp") {
      Self.highlighted($0) == rows[0] || Self.highlighted($0) == first
    }
  }
}
