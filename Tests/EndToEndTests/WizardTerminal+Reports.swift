import Foundation

/// The moves the reversal and Reports end-to-end tests share (issue 18): a transaction of
/// an account reversed from its Transaction screen, the transactions report filtered by a
/// return reason, and the report exported to the data directory's `exports/`.
extension WizardTerminal {
  /// From Home: the account's transaction log, transaction `id` (the newest) opened, `v`
  /// Reverse with `why`, committed. Returns the Confirm screen and the reversal's ID.
  func reverse(_ id: String, search: String, name: String, why: String) throws
    -> (confirm: String, reversal: String)
  {
    try openAccount(search: search, name: name)
    session.send("Down")
    session.send("Enter")
    try session.waitFor(id)
    session.send("Enter")
    try session.waitFor("Transaction \(id)")
    session.type("v")
    let confirm = try session.waitFor("Reverse \(id) (")
    session.type(why)
    session.send("Tab")
    session.send("Enter")
    let result = try session.waitFor("Reversed. Transaction ID T")
    let match = try require(result.firstMatch(of: /Transaction ID (T\d+)/), "Transaction ID")
    return (confirm, String(match.1))
  }

  /// Esc until Home shows.
  func backHome() throws {
    for _ in 0..<8 where !session.capture().contains("Choose where to go") {
      session.send("Escape")
      try session.waitForStableScreen()
    }
    try session.waitFor("Choose where to go")
  }

  /// From Home: Reports, the transactions report filtered by the reason shown `downs` choices
  /// below Any as `label`; returns the screen once it shows `rows` rows.
  @discardableResult
  func transactionsReport(reason label: String, downs: Int, rows: Int) throws -> String {
    session.send("6")
    try session.waitFor("Transactions · ")
    session.send("Tab")
    for _ in 0..<downs { session.send("Down") }
    try session.waitFor(label)
    session.send("Enter")
    return try session.waitFor("Transactions · \(rows) rows")
  }

  /// From the filter form: `e` Export as CSV; the exported file's lines, checked to be
  /// readable by its owner only.
  func exportedCSV(_ demo: DemoDirectory, prefix: String) throws -> [Substring] {
    session.send("BTab", "BTab", "e")
    try session.waitFor("Export ")
    session.send("c")
    try session.waitFor("Exported to")
    let folder = demo.path + "/exports"
    let names = try FileManager.default.contentsOfDirectory(atPath: folder)
    let name = try require(names.first { $0.hasPrefix(prefix) && $0.hasSuffix(".csv") }, prefix)
    let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/" + name)
    guard (attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600 else {
      throw E2EError("\(name) is not private: \(attributes[.posixPermissions] ?? "?")")
    }
    let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
    return text.split(separator: "\r\n")
  }
}
