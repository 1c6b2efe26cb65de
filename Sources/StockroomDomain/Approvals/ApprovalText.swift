/// The policy and an order's chain in words: the same lines for the Approvals screen,
/// `stockroom approvals` and the order's screen and `order show`.
extension OrderBook {
  /// A level's approver in words: `Manager`, `Priya Raman (EMP-0003)`, `Department IT`.
  public func describe(_ approver: Approver) -> String {
    switch approver {
    case .manager: return "Manager"
    case .employee(let id): return person(id)
    case .department(let name): return "Department \(name)"
    }
  }

  /// The policy (by default the one in force), a chain and its levels at a time.
  public func policyLines(_ policy: ApprovalPolicy? = nil) -> [String] {
    let shown = policy ?? approvalPolicy
    var lines: [String] = []
    if self.policy == nil && policy == nil {
      lines.append("No policy set: the manager approves every order.")
    }
    for (index, chain) in shown.chains.enumerated() {
      let types =
        chain.types.isEmpty
        ? "every order type" : chain.types.map(\.rawValue).joined(separator: ", ")
      lines.append("Chain \(index + 1): \(types)")
      for (number, level) in chain.levels.enumerated() {
        let from = level.minimum.map { ", from \($0)" } ?? ""
        lines.append("  \(number + 1). \(describe(level.approver))\(from)")
      }
    }
    if !shown.chains.contains(where: { $0.types.isEmpty }) {
      lines.append("Other order types: the manager approves.")
    }
    return lines
  }

  /// One row a level of the order's chain: who approves, and who did when, or where it stands
  /// (`Manager Tom Becker: approved 2026-11-22 08:00`, `Department IT: waiting`).
  public func approvalRows(_ order: Order) -> [(String, String)] {
    let current = order.currentLevel
    return order.chain.enumerated().map { index, level in
      var who = describe(level.approver)
      if level.approver == .manager { who += " " + name(order.approver) }
      let status: String
      if let by = level.approvedBy {
        let when = String((level.time ?? "").prefix(16).map { $0 == "T" ? " " : $0 })
        let one = level.approver == .manager || level.approver == .employee(by)
        status = (one ? "approved " : "approved by \(name(by)) ") + when
      } else if level.skipped {
        status = "skipped, below \(level.minimum ?? "0")"
      } else if index == current {
        status = order.state == .informationRequested ? "asked for information" : "waiting"
      } else {
        status = order.state.isOpen ? "to come" : "not reached"
      }
      return ("Level \(index + 1)", "\(who): \(status)")
    }
  }
}

extension OrderBook {
  /// The order's state, with the level it waits at when its chain has more than one
  /// (`Pending approval 2/3`).
  public func stateTitle(_ order: Order) -> String {
    let applying = order.chain.indices.filter { !order.chain[$0].skipped }
    guard order.state == .pendingApproval, applying.count > 1, let level = order.currentLevel,
      let position = applying.firstIndex(of: level)
    else { return order.state.title }
    return "\(order.state.title) \(position + 1)/\(applying.count)"
  }
}

extension OrderBook {
  /// Who decides the order now, for a column: the manager's name, else the level's approver
  /// (`Department IT`) while the order waits at a level that is not the manager's.
  public func approverTitle(_ order: Order) -> String {
    guard let level = order.currentLevel, order.chain[level].approver != .manager else {
      return name(order.approver)
    }
    return describe(order.chain[level].approver)
  }
}
