import Foundation
import Testing

/// A long table in a real terminal at more than 80x24 (issue 13): the
/// Transaction Log keeps its highlighted row through a resize, PgDn moves by
/// the rows it shows at the new size, and a mouse click selects the row under it.
@Suite(.serialized) struct ScreenSizeTests {
  /// One-unit capacity deallocations added to Northwind Traders' 17 transactions.
  static let extra = 45

  @Test func transactionLogFollowsTheTerminalSize() throws {
    let demo = try DemoDirectory()
    defer { demo.remove() }
    for index in 0..<Self.extra {
      let made = demo.run([
        "deallocate", "software", "--account", "ACC-0004", "--product", "capacity",
        "--quantity", "1", "--reference", "PAD-\(index)", "--yes",
      ])
      try #require(made.status == 0, "\(made.output)")
    }
    // The log as the screen lists it: newest first.
    let ids = demo.objects(["log", "--account", "ACC-0004", "--json"])
      .compactMap { $0["transactionId"] as? String }.reversed().map { $0 }
    let total = ids.count
    #expect(total == 17 + Self.extra)

    let terminal = try WizardTerminal(demo)
    defer { terminal.close() }
    let session = terminal.session
    try terminal.openAccount(search: "North", name: "Northwind Traders")
    session.send("Down")
    session.send("Enter")
    try session.waitUntil("the log at row 1") { Self.position($0) == 1 }
    for _ in 0..<20 { session.send("Down") }
    var screen = try session.waitUntil("the log at row 21") { Self.position($0) == 21 }
    #expect(Self.rows(screen).count == 17)
    try waitForHighlight(session, ids[20])

    // 80x24 → 120x40 on this screen: the same row stays highlighted, more rows show.
    session.resize(width: 120, height: 40)
    screen = try session.waitUntil("the log at 120x40") {
      Self.frameWidth($0) == 120 && Self.position($0) == 21
    }
    try waitForHighlight(session, ids[20])
    let shown = Self.rows(screen).count
    #expect(shown == 33, "\(screen)")

    // PgDn moves the highlight by the rows shown at this size.
    session.send("PageDown")
    screen = try session.waitUntil("PgDn at 120x40") { Self.position($0) == 21 + shown }
    try waitForHighlight(session, ids[20 + shown])
    session.send("PageUp")
    screen = try session.waitUntil("PgUp at 120x40") { Self.position($0) == 21 }
    try waitForHighlight(session, ids[20])

    // A click on a row (press and release in one read, as a quick click arrives)
    // selects that row, wherever it is drawn at this size; Enter opens it.
    let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
    let target = try #require(
      lines.indices.filter { lines[$0].hasPrefix("│ T0") }.dropFirst(27).first)
    let clicked = String(lines[target].dropFirst(2).prefix(7))
    click(session, x: 50, y: target)
    try waitForHighlight(session, clicked)
    session.send("Enter")
    try session.waitFor("Transaction \(clicked)")
    session.send("Escape")
    try session.waitUntil("back on the log") { $0.contains("Transaction Log ·") }
    try waitForHighlight(session, clicked)

    // And back to 80x24: still the same row.
    session.resize(width: 80, height: 24)
    screen = try session.waitUntil("the log at 80x24") { Self.frameWidth($0) == 80 }
    try waitForHighlight(session, clicked)
    #expect(Self.rows(screen).count == 17)
  }

  /// A quick left click at a 0-based cell, as an xterm-style terminal reports it
  /// (`TERM=tmux-256color` uses the X10 encoding: ESC [ M, button, column, row).
  func click(_ session: TmuxSession, x: Int, y: Int) {
    let column = String(33 + x, radix: 16)
    let row = String(33 + y, radix: 16)
    session.tmux([
      "send-keys", "-t", "0", "-H", "1b", "5b", "4d", "20", column, row, "1b", "5b", "4d", "23",
      column, row,
    ])
  }

  /// Waits until the row drawn in reverse video is the one with Transaction ID `id`.
  func waitForHighlight(
    _ session: TmuxSession, _ id: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let deadline = Date().addingTimeInterval(10)
    var seen: String?
    while Date() < deadline {
      seen = Self.highlighted(session.capture(escapes: true))
      if seen == id { return }
      usleep(30_000)
    }
    Issue.record(
      "the highlight is on \(seen ?? "no row"), not \(id):\n\(session.capture())",
      sourceLocation: sourceLocation)
  }

  /// The Transaction ID of the row drawn in reverse video, from a capture with escapes.
  static func highlighted(_ capture: String) -> String? {
    for line in capture.split(separator: "\n") where line.contains("\u{1B}[7m") {
      let plain = line.replacing(/\x1B\[[0-9;]*m/, with: "")
      if let match = plain.firstMatch(of: /│ (T\d{6})\s/) { return String(match.1) }
    }
    return nil
  }

  /// The highlighted row's position, from the table's "N/M" corner.
  static func position(_ screen: String) -> Int? {
    for line in screen.split(separator: "\n") {
      if let match = line.firstMatch(of: /(\d+)\/\d+ │$/) { return Int(match.1) }
    }
    return nil
  }

  /// The Transaction IDs of the rows on screen.
  static func rows(_ screen: String) -> [String] {
    screen.split(separator: "\n").filter { $0.hasPrefix("│ T0") }.map {
      String($0.dropFirst(2).prefix(7))
    }
  }

  /// The width of the box drawn around the screen's body.
  static func frameWidth(_ screen: String) -> Int? {
    screen.split(separator: "\n").first { $0.hasPrefix("┌") }?.count
  }
}
