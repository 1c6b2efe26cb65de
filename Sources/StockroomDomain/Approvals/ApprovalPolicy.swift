/// The company-configured approval process (seed 002, issue 20): who approves which order
/// types, level by level. It lives in the ledger (`approval-policy`); an order takes the chain in
/// force when it is submitted.
public struct ApprovalPolicy: Codable, Sendable, Hashable {
  /// Tried in order: the first chain that covers an order's type applies.
  public var chains: [ApprovalChain]

  public init(chains: [ApprovalChain]) { self.chains = chains }

  /// Without a policy every order has one level, the manager: the behaviour before policies.
  public static let standard = ApprovalPolicy(
    chains: [ApprovalChain(types: [], levels: [ApprovalLevel(approver: .manager)])])

  /// The levels an order of this type goes through; the manager alone when no chain covers it.
  public func levels(for type: OrderType) -> [ApprovalLevel] {
    chains.first { $0.covers(type) }?.levels ?? Self.standard.chains[0].levels
  }
}

/// One chain of a policy: the order types it covers and its levels, in order.
public struct ApprovalChain: Codable, Sendable, Hashable {
  /// Empty: every order type.
  public var types: [OrderType]
  public var levels: [ApprovalLevel]

  public init(types: [OrderType], levels: [ApprovalLevel]) {
    self.types = types
    self.levels = levels
  }

  public func covers(_ type: OrderType) -> Bool { types.isEmpty || types.contains(type) }
}

/// One level of a chain: who approves, and the price from which the level applies.
public struct ApprovalLevel: Codable, Sendable, Hashable {
  public var approver: Approver
  /// Decimal text (`500.00`); nil: the level always applies.
  public var minimum: String?

  public init(approver: Approver, minimum: String? = nil) {
    self.approver = approver
    self.minimum = minimum
  }

  /// True when an order of this price goes through the level (at or above the minimum).
  public func applies(to price: Money) -> Bool {
    guard let minimum, let floor = Money(minimum) else { return true }
    return price >= floor
  }
}

/// Who approves at a level: the employee's manager, a named employee or a department.
public enum Approver: Sendable, Hashable {
  case manager
  case employee(String)
  case department(String)

  /// As the policy file writes it: `manager`, `EMP-0003` or `department:IT`.
  public var text: String {
    switch self {
    case .manager: return "manager"
    case .employee(let id): return id
    case .department(let name): return Self.departmentPrefix + name
    }
  }

  static let departmentPrefix = "department:"

  /// Reads the policy's text; nil when it is empty (`department:` without a name included).
  public init?(text: String) {
    if text == "manager" {
      self = .manager
    } else if text.hasPrefix(Self.departmentPrefix) {
      let name = String(text.dropFirst(Self.departmentPrefix.count))
      guard !name.isEmpty else { return nil }
      self = .department(name)
    } else {
      guard !text.isEmpty else { return nil }
      self = .employee(text)
    }
  }
}

extension Approver: Codable {
  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let approver = Approver(text: text) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "no approver: \(text)"))
    }
    self = approver
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(text)
  }
}
