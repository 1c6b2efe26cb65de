import TerminalUI

/// What a committed returns bench session shows: each account's Transaction ID, how many
/// serials it returned and its receipt, and the RMA check's counts. Drawn as columns on
/// screen; read in the line mode a line per account, each value named by its column.
struct ReturnsResult: WizardResult {
  /// One account's transaction of the session.
  struct Row {
    var account: String
    var transactionId: String
    var serials: Int
    /// The receipt's file name in receipts/; empty when none was written.
    var receipt: String
  }

  var session: String
  var rows: [Row]
  /// The RMA check's counts, "Name: count" each; empty without an RMA list.
  var rma: [String]

  var heading: String {
    "Returned. Session \(session): \(rows.count) "
      + (rows.count == 1 ? "transaction" : "transactions")
  }

  func draw(into buffer: inout Buffer, in rect: Rect) {
    let x = rect.x + 1
    buffer.put(heading, x: x, y: rect.y, style: .success, clip: rect)
    buffer.put(
      TextLayout.truncate(
        "Account      Transaction  Serials  Receipt (in receipts/)", to: rect.width - 2), x: x,
      y: rect.y + 2,
      style: .hint, clip: rect)
    var y = rect.y + 3
    for row in rows {
      guard y < rect.maxY - 2 else { break }
      let line =
        TextLayout.pad(TextLayout.truncate(row.account, to: 12), to: 13)
        + TextLayout.pad(row.transactionId, to: 13)
        + TextLayout.padLeft("\(row.serials)", to: 7) + "  " + row.receipt
      buffer.put(line, x: x, y: y, clip: rect)
      y += 1
    }
    if !rma.isEmpty {
      buffer.put(rma.joined(separator: " · "), x: x, y: y + 1, style: .plain, clip: rect)
    }
    buffer.put(
      "Enter opens the first transaction · Esc goes back", x: x, y: rect.maxY - 1,
      style: .hint, clip: rect)
  }

  var lines: [String] {
    [heading]
      + rows.map { row in
        "\(row.account): Transaction \(row.transactionId), Serials \(row.serials)"
          + (row.receipt.isEmpty ? "" : ", Receipt \(row.receipt) (in receipts/)")
      } + rma
  }
}
