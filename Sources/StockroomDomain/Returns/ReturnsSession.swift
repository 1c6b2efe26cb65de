import Foundation

/// One continuous returns bench session across every account: the held settings, every scan
/// in order (refused ones too, each with its line), the RMA list when one is loaded, and the
/// commands that commit it, one `deallocate-hardware` per account. Codable, so a draft keeps
/// it. A scan costs one serial lookup in the state and one in the session.
public struct ReturnsSession: Hashable, Sendable, Codable {
  /// Names the session on each of its transactions (`session` in `log` and `show`).
  public var id: String
  public var settings: ReturnsSettings
  public private(set) var scans: [ReturnScan]
  public var expected: ExpectedReturns?
  /// Accepted serials and the position of their scan.
  private var accepted: [String: Int]

  public init(
    id: String = ReturnsSession.newID(), settings: ReturnsSettings = ReturnsSettings(),
    expected: ExpectedReturns? = nil
  ) {
    self.id = id
    self.settings = settings
    self.expected = expected
    scans = []
    accepted = [:]
  }

  /// A fresh session ID: `R` and 16 hex digits from a random UUID.
  public static func newID() -> String {
    "R" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
  }

  /// Scans `serial` (matched exactly, never completed) against `state` with the held
  /// settings, records the scan and returns it. A refused scan is recorded too.
  @discardableResult
  public mutating func scan(_ serial: String, in state: InventoryState) -> ReturnScan {
    var scan = ReturnScan(
      serial: serial, disposition: settings.disposition, container: settings.container,
      outcome: .accepted)
    let token = state.token(serial: serial)
    if let token {
      scan.model =
        state.models.indices.contains(Int(token.model))
        ? state.models[Int(token.model)] : nil
      if let account = token.accountIndex, state.accounts.indices.contains(account) {
        scan.account = state.accounts[account].code
        scan.accountName = state.accounts[account].name
      }
    }
    if accepted[serial] != nil {
      scan.outcome = .refused(.alreadyScanned)
    } else if let refusal = ReturnRefusal.of(token) {
      scan.outcome = .refused(refusal)
    } else {
      accepted[serial] = scans.count
    }
    scans.append(scan)
    return scan
  }

  /// Takes the last scan back (Ctrl-Z); nil when there is none.
  @discardableResult
  public mutating func undoLast() -> ReturnScan? {
    guard let last = scans.popLast() else { return nil }
    if last.isAccepted { accepted[last.serial] = nil }
    return last
  }

  /// Changes one accepted scan's own disposition; false when there is no accepted scan there.
  @discardableResult
  public mutating func setDisposition(_ disposition: ReturnDisposition, forScanAt index: Int)
    -> Bool
  {
    guard scans.indices.contains(index), scans[index].isAccepted else { return false }
    scans[index].disposition = disposition
    return true
  }

  /// The same serials scanned again, in order, against `state` as it is now (after a draft is
  /// restored or another session committed), each keeping its own disposition and container.
  public func rescanned(in state: InventoryState) -> ReturnsSession {
    var fresh = ReturnsSession(id: id, settings: settings, expected: expected)
    for old in scans {
      fresh.settings.disposition = old.disposition
      fresh.settings.container = old.container
      fresh.scan(old.serial, in: state)
    }
    fresh.settings = settings
    return fresh
  }

  /// The accepted scans, in order.
  public var acceptedScans: [ReturnScan] { scans.filter(\.isAccepted) }

  /// The refused scans, in order.
  public var refusedScans: [ReturnScan] { scans.filter { !$0.isAccepted } }

  /// Accepted scans counted per account and model, accounts and models in first-scan order.
  public var tally: [ReturnCount] {
    var rows: [ReturnCount] = []
    var position: [String: Int] = [:]
    var rank: [String: Int] = [:]
    for scan in scans where scan.isAccepted {
      let account = scan.account ?? ""
      let model = scan.model ?? ""
      if rank[account] == nil { rank[account] = rank.count }
      let key = account + "\u{0}" + model
      if let at = position[key] {
        rows[at].count += 1
      } else {
        position[key] = rows.count
        rows.append(
          ReturnCount(account: account, accountName: scan.accountName, model: model, count: 1))
      }
    }
    return rows.enumerated().sorted {
      (rank[$0.element.account] ?? 0, $0.offset) < (rank[$1.element.account] ?? 0, $1.offset)
    }.map(\.element)
  }

  /// What arrived against the RMA list, nil when none is loaded.
  public var rmaCheck: RMACheck? {
    expected.map { RMACheck(expected: $0, scans: scans) }
  }

  /// The accounts with accepted scans, as codes, in first-scan order.
  public var accounts: [String] {
    var seen = Set<String>()
    return scans.compactMap { scan in
      guard scan.isAccepted, let account = scan.account, seen.insert(account).inserted
      else { return nil }
      return account
    }
  }

  /// One `deallocate-hardware` command per account with accepted scans (accounts in
  /// first-scan order), its serials grouped by disposition and container as scanned; each
  /// context is `context` with the held Reference and Comment and this session's ID.
  public func commands(context: TransactionContext) -> [ReturnsCommand] {
    var perAccount: [String: [HardwareReturn]] = [:]
    for scan in scans where scan.isAccepted {
      guard let account = scan.account else { continue }
      var parts = perAccount[account, default: []]
      if let at = parts.firstIndex(where: {
        $0.disposition == scan.disposition && $0.container == scan.container
      }) {
        parts[at].serials.append(scan.serial)
      } else {
        parts.append(
          HardwareReturn(
            serials: [scan.serial], disposition: scan.disposition, container: scan.container))
      }
      perAccount[account] = parts
    }
    var shared = context
    shared.reference = settings.reference
    shared.comment = settings.comment
    shared.session = id
    shared.returnReason = settings.returnReason
    return accounts.map { account in
      ReturnsCommand(
        account: account,
        command: .returnHardware(account: account, returns: perAccount[account] ?? []),
        context: shared)
    }
  }

  private enum CodingKeys: String, CodingKey {
    case id, settings, scans, expected
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(String.self, forKey: .id)
    settings = try container.decode(ReturnsSettings.self, forKey: .settings)
    scans = try container.decode([ReturnScan].self, forKey: .scans)
    expected = try container.decodeIfPresent(ExpectedReturns.self, forKey: .expected)
    accepted = [:]
    for (index, scan) in scans.enumerated() where scan.isAccepted {
      accepted[scan.serial] = index
    }
  }
}

/// Accepted scans of one model from one account.
public struct ReturnCount: Hashable, Sendable {
  /// The account's code.
  public var account: String
  public var accountName: String?
  public var model: String
  public var count: Int
}

/// One account's part of a returns session, ready to commit.
public struct ReturnsCommand: Hashable, Sendable {
  /// The account's code.
  public var account: String
  public var command: Command
  public var context: TransactionContext

  /// The command as a member of the session's group commit.
  public var member: GroupMember { GroupMember(command: command, context: context) }

  /// The serials the command returns, in scan order within each disposition.
  public var serials: [String] {
    guard case .returnHardware(_, let returns) = command else { return [] }
    return returns.flatMap(\.serials)
  }
}
