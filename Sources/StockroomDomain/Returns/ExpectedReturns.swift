/// What the customers said they sent (an RMA list): the serials expected at the bench, each
/// with the account it was announced under and its RMA when the list says. Read from one
/// serial a line, or from a CSV whose serial column is found as `--serials-from` finds it
/// (`SerialManifest`), with optional columns headed `account` (code or name) and `rma`.
public struct ExpectedReturns: Hashable, Sendable, Codable {
  /// One announced serial.
  public struct Entry: Hashable, Sendable, Codable {
    public var serial: String
    /// The account (code or name) the serial was announced under, when the list says.
    public var account: String?
    public var rma: String?

    public init(serial: String, account: String? = nil, rma: String? = nil) {
      self.serial = serial
      self.account = account
      self.rma = rma
    }
  }

  /// In the list's order, each serial once (a repeated line adds nothing).
  public private(set) var entries: [Entry]

  public init(entries: [Entry]) {
    var seen = Set<String>()
    self.entries = entries.filter { seen.insert($0.serial).inserted }
  }

  /// The list in `text`; `column` picks the serial column as `--column` does.
  public static func parse(_ text: String, column: String? = nil) throws(SerialManifest.Failure)
    -> ExpectedReturns
  {
    let table = try SerialManifest.table(in: text, column: column, csv: false)
    let account = table.column("account")
    let rma = table.column("rma")
    func cell(_ cells: [String], _ index: Int?) -> String? {
      guard let index, index < cells.count, !cells[index].isEmpty else { return nil }
      return cells[index]
    }
    return ExpectedReturns(
      entries: table.rows.map {
        Entry(serial: $0.serial, account: cell($0.cells, account), rma: cell($0.cells, rma))
      })
  }

  /// The RMAs named for `account` (a code), in list order, each once: the list's lines
  /// announced under it, matched by code or name.
  public func rmas(account code: String, name: String?) -> [String] {
    var seen = Set<String>()
    return entries.compactMap { entry in
      guard let rma = entry.rma, let announced = entry.account,
        RMACheck.names(announced, code: code, name: name), seen.insert(rma).inserted
      else { return nil }
      return rma
    }
  }
}

/// What arrived against what was announced. Each accepted serial of the session is in exactly
/// one of `matched`, `unexpected` and `wrongAccount`; `missing` lists the announced serials
/// not (or not yet) accepted. Lists are in scan order (missing: in the list's order).
public struct RMACheck: Hashable, Sendable, Codable {
  /// Announced and arrived, from the account announced (or the list names no account).
  public var matched: [String]
  /// Announced and not arrived.
  public var missing: [String]
  /// Arrived and not announced.
  public var unexpected: [String]
  /// Announced under another account than the one the token is allocated to.
  public var wrongAccount: [String]

  public init(
    matched: [String] = [], missing: [String] = [], unexpected: [String] = [],
    wrongAccount: [String] = []
  ) {
    self.matched = matched
    self.missing = missing
    self.unexpected = unexpected
    self.wrongAccount = wrongAccount
  }

  /// Checks the accepted `scans` against `expected`.
  public init(expected: ExpectedReturns, scans: [ReturnScan]) {
    self.init()
    var announced: [String: ExpectedReturns.Entry] = [:]
    for entry in expected.entries { announced[entry.serial] = entry }
    var arrived = Set<String>()
    for scan in scans where scan.isAccepted {
      arrived.insert(scan.serial)
      guard let entry = announced[scan.serial] else {
        unexpected.append(scan.serial)
        continue
      }
      if let account = entry.account,
        !Self.names(account, code: scan.account ?? "", name: scan.accountName)
      {
        wrongAccount.append(scan.serial)
      } else {
        matched.append(scan.serial)
      }
    }
    missing = expected.entries.map(\.serial).filter { !arrived.contains($0) }
  }

  /// Whether `announced` names the account with this code (any case) or exact name.
  static func names(_ announced: String, code: String, name: String?) -> Bool {
    announced.uppercased() == code.uppercased() || announced == name
  }
}
