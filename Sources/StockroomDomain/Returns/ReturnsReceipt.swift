/// The plain-text returns receipt of one account after a session's commit: the account, its
/// RMA and Reference, the serials by model and disposition, what was missing or unexpected
/// against the RMA list, the Transaction ID, and who and when. Written to `receipts/` and
/// mailed to the account's contact; the same words on screen and headless.
public struct ReturnsReceipt: Hashable, Sendable {
  /// The account's code.
  public var account: String
  public var transactionId: String
  public var lines: [String]

  /// The receipt for `transaction`, the account's part of `session`.
  public init(session: ReturnsSession, transaction: Transaction, account: Account) {
    self.account = account.code
    transactionId = transaction.transactionId
    let mine = session.acceptedScans.filter { $0.account == account.code }
    let rmas = session.expected?.rmas(account: account.code, name: account.name) ?? []
    let rma = rmas.isEmpty ? "none" : rmas.joined(separator: ", ")
    let reference = transaction.reference.isEmpty ? "none" : transaction.reference
    let performer = transaction.performedBy.map { " (performed by \($0))" } ?? ""
    var lines: [String] = ["Stockroom returns receipt", ""]
    lines.append("Account:        \(account.code) \(account.name)")
    lines.append("RMA:            \(rma)")
    lines.append("Reference:      \(reference)")
    lines.append("Transaction ID: \(transaction.transactionId)")
    lines.append("Session:        \(session.id)")
    lines.append("Received by:    \(transaction.user)\(performer) at \(transaction.time)")
    if !transaction.comment.isEmpty { lines.append("Comment:        \(transaction.comment)") }
    lines += ["", "Returned: " + TextRules.counted(mine.count, "hardware token")]
    var groups: [(title: String, serials: [String])] = []
    for scan in mine {
      let title = "\(scan.model ?? "?"), \(scan.disposition.title)"
      if let at = groups.firstIndex(where: { $0.title == title }) {
        groups[at].serials.append(scan.serial)
      } else {
        groups.append((title, [scan.serial]))
      }
    }
    for group in groups {
      lines.append("  \(group.title): \(group.serials.count)")
      lines += Self.wrapped(group.serials, indent: "    ")
    }
    lines.append("")
    if let expected = session.expected, let check = session.rmaCheck {
      let announced = Set(
        expected.entries.filter {
          $0.account.map { RMACheck.names($0, code: account.code, name: account.name) } ?? false
        }.map(\.serial))
      let serials = Set(mine.map(\.serial))
      let parts: [(String, [String])] = [
        ("Missing (announced, not received)", check.missing.filter(announced.contains)),
        ("Unexpected (received, not announced)", check.unexpected.filter(serials.contains)),
        ("Announced under another account", check.wrongAccount.filter(serials.contains)),
      ]
      lines.append("Against the RMA list:")
      for (title, list) in parts {
        lines.append("  \(title): \(list.count)")
        lines += Self.wrapped(list, indent: "    ")
      }
    } else {
      lines.append("No RMA list was loaded for this session.")
    }
    self.lines = lines.map(TextRules.neutralised)
  }

  /// The receipt as a file's text.
  public var text: String { lines.joined(separator: "\n") + "\n" }

  /// Serials comma-separated in lines of at most 76 characters.
  public static func wrapped(_ serials: [String], indent: String) -> [String] {
    var lines: [String] = []
    var line = indent
    for serial in serials {
      let piece = line == indent ? serial : ", " + serial
      if line.count + piece.count > 76 && line != indent {
        lines.append(line + ",")
        line = indent + serial
      } else {
        line += piece
      }
    }
    if line != indent { lines.append(line) }
    return lines
  }
}
