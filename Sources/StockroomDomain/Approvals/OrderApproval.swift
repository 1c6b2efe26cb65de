/// One level of an order's approval chain: the level as the policy said at submission, and how
/// far the order got there (skipped below the minimum, or approved by whom and when).
public struct OrderApproval: Codable, Sendable, Hashable {
  public var approver: Approver
  public var minimum: String?
  /// True when the order's price is below the minimum: the level does not apply.
  public var skipped: Bool
  public var approvedBy: String?
  /// UTC ISO 8601 of the approval.
  public var time: String?

  public init(
    approver: Approver, minimum: String? = nil, skipped: Bool = false, approvedBy: String? = nil,
    time: String? = nil
  ) {
    self.approver = approver
    self.minimum = minimum
    self.skipped = skipped
    self.approvedBy = approvedBy
    self.time = time
  }

  /// Still to be approved.
  public var isWaiting: Bool { !skipped && approvedBy == nil }
}

extension Order {
  /// Every level of the order's chain (one manager level for orders from before policies,
  /// approved as the timeline says).
  public var chain: [OrderApproval] {
    if let approvals { return approvals }
    let approval = timeline.first { $0.step == .approve }
    return [OrderApproval(approver: .manager, approvedBy: approval?.actor, time: approval?.time)]
  }

  /// The index in `chain` of the level the order waits at; nil once no level waits.
  public var currentLevel: Int? {
    guard state == .pendingApproval || state == .informationRequested else { return nil }
    return chain.firstIndex { $0.isWaiting }
  }

  /// Who approved at an earlier level.
  public var approvers: [String] { chain.compactMap(\.approvedBy) }

  /// The price as exact money (0 for orders from before prices).
  public var money: Money { price.flatMap(Money.init) ?? .zero }
}
