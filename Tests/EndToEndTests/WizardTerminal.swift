import Foundation

/// `stockroom` running in an 80x24 tmux pane on a demo data directory, with
/// the few moves the deallocation wizard tests repeat: home to an account's
/// allocation table, an Available cell to its wizard, waiting for a step.
struct WizardTerminal {
  let session: TmuxSession

  init(_ demo: DemoDirectory, width: Int = 80, height: Int = 24) throws {
    session = try TmuxSession(
      command: "exec " + demo.command(), width: width, height: height,
      environment: demo.terminalEnvironment)
    try session.waitFor("Choose where to go")
  }

  /// `stockroom ARGUMENTS` (e.g. a twin with `--interactive`) in the pane, once `text` shows.
  init(_ demo: DemoDirectory, arguments: [String], waitingFor text: String) throws {
    session = try TmuxSession(
      command: "exec " + demo.command(arguments), environment: demo.terminalEnvironment)
    try session.waitFor(text)
  }

  func close() { session.close() }

  /// The allocation-table columns, in the order ←/→ walks them.
  static let columns = [
    "Capacity", "SMS Rental", "SMS Sale", "ST-1 Legacy", "MobilePASS", "RB-1", "KT-4",
    "eToken PASS",
  ]

  /// Home → Accounts → search → the account's allocation table.
  func openAccount(search: String, name: String) throws {
    session.send("Enter")
    try session.waitFor("6 of 6 accounts")
    session.type(search)
    try session.waitFor("1 of 6 accounts")
    session.send("Enter")
    try session.waitUntil("\(name)'s allocation table") {
      $0.contains("On-Boarding › Allocation") && $0.contains(name)
    }
  }

  /// From a freshly opened allocation table (Capacity selected), opens the
  /// wizard of the Available cell in `column`.
  func openCell(_ column: String) throws {
    let index = try require(WizardTerminal.columns.firstIndex(of: column), column)
    for _ in 0..<index { session.send("Right") }
    session.send("Enter")
    try waitForStep(1)
  }

  /// Waits for "Step n of 3" in the title line and returns the screen.
  @discardableResult
  func waitForStep(_ step: Int) throws -> String {
    try session.waitUntil("step \(step)") { WizardTerminal.step(of: $0) == step }
  }

  /// The wizard step shown in the title line, if any.
  static func step(of screen: String) -> Int? {
    guard let first = screen.split(separator: "\n").first,
      let match = first.firstMatch(of: /Step (\d) of 3/)
    else { return nil }
    return Int(match.1)
  }

  /// Presses Enter on Confirm and returns the Transaction ID shown.
  func confirm() throws -> String {
    session.send("Enter")
    let screen = try session.waitFor("Transaction ID T")
    let match = try require(screen.firstMatch(of: /Transaction ID (T\d+)/), "Transaction ID")
    return String(match.1)
  }

  /// Pastes `text` as a bracketed paste, as a terminal does.
  func paste(_ text: String) {
    session.tmux(["set-buffer", "-b", "e2e", text])
    session.tmux(["paste-buffer", "-p", "-d", "-b", "e2e", "-t", "0"])
  }

  /// The body of the screen (without the status and legend lines).
  func body() -> String {
    session.capture().split(separator: "\n", omittingEmptySubsequences: false).prefix(22)
      .joined(separator: "\n")
  }

  /// The status line (the line above the legend).
  func statusLine() -> String {
    let lines = session.capture().split(separator: "\n", omittingEmptySubsequences: false)
    return lines.count > 22 ? String(lines[22]) : ""
  }
}

/// `#require` outside a test: throws instead of recording.
func require<T>(_ value: T?, _ what: String = "value") throws -> T {
  guard let value else { throw E2EError("missing \(what)") }
  return value
}
