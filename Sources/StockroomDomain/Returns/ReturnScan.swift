/// What became of one scan at the returns bench.
public enum ReturnScanOutcome: Hashable, Sendable, Codable {
  case accepted
  case refused(ReturnRefusal)

  /// The refusal, nil when accepted.
  public var refusal: ReturnRefusal? {
    if case .refused(let why) = self { return why }
    return nil
  }
}

/// One scan of the returns bench: the serial as scanned, the token's account and model when
/// known, what will happen to it (its own disposition and container, taken from the held
/// settings when scanned and changeable afterwards), and whether it was accepted.
public struct ReturnScan: Hashable, Sendable, Codable {
  public var serial: String
  /// The account's code, nil for an unknown or unallocated serial.
  public var account: String?
  /// The account's name, nil with `account`.
  public var accountName: String?
  /// The hardware model's name, nil for an unknown serial.
  public var model: String?
  public var disposition: ReturnDisposition
  /// A container code or name; nil: the default container.
  public var container: String?
  public var outcome: ReturnScanOutcome

  public init(
    serial: String, account: String? = nil, accountName: String? = nil, model: String? = nil,
    disposition: ReturnDisposition, container: String? = nil, outcome: ReturnScanOutcome
  ) {
    self.serial = serial
    self.account = account
    self.accountName = accountName
    self.model = model
    self.disposition = disposition
    self.container = container
    self.outcome = outcome
  }

  public var isAccepted: Bool { outcome == .accepted }

  /// One line for the scan: `RB1-0001: Return to Inventory` or `RB1-0001: lost: the token is
  /// gone` (the serial neutralised).
  public var message: String {
    let shown = TextRules.neutralised(serial)
    switch outcome {
    case .accepted: return "\(shown): \(disposition.title)"
    case .refused(let why): return "\(shown): \(why.message)"
    }
  }
}
