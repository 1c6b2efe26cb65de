/// Who may decide an order at the level it waits at (issue 20): the level's people, less the
/// requester, the employee it is for and whoever approved at an earlier level.
extension OrderBook {
  /// The people a level names, before anyone is left out.
  public func people(_ approver: Approver, manager: String) -> [Employee] {
    switch approver {
    case .manager: return employee(manager).map { [$0] } ?? []
    case .employee(let id): return employee(id).map { [$0] } ?? []
    case .department(let name):
      return employees.filter { $0.department.uppercased() == name.uppercased() }
    }
  }

  /// Who may decide the order now; empty when it waits at no level.
  public func deciders(of order: Order) -> [Employee] {
    guard let level = order.currentLevel else { return [] }
    let excluded = Set([order.requestedBy, order.employee] + order.approvers)
    return people(order.chain[level].approver, manager: order.approver)
      .filter { !excluded.contains($0.id) }
  }

  /// True when this employee may approve, reject or ask about the order now.
  public func mayDecide(_ order: Order, _ id: String) -> Bool {
    deciders(of: order).contains { $0.id.uppercased() == id.uppercased() }
  }

  /// What a request costs by the list prices: the device for a new line or an upgrade, the
  /// accessories times their quantity, a plan change's monthly difference (never below 0),
  /// 0 for the rest or what has no list price.
  public func price(of request: OrderRequest) -> Money {
    switch request.type {
    case .newLine, .upgrade:
      let model = request.model?.uppercased()
      let found = (models ?? []).first { $0.name.uppercased() == model }
      return found.flatMap { Money($0.price) } ?? .zero
    case .accessory:
      let each = request.accessory.flatMap { accessory($0)?.price }.flatMap(Money.init) ?? .zero
      return each * max(1, request.quantity ?? 1)
    case .changePlan:
      guard let line = request.line.flatMap({ self.line($0) }), let vendor = vendor(line.vendor)
      else { return .zero }
      let before = monthly(vendor, line.voicePlan, .voice) + monthly(vendor, line.dataPlan, .data)
      let after =
        monthly(vendor, request.voicePlan ?? line.voicePlan, .voice)
        + monthly(vendor, request.dataPlan ?? line.dataPlan, .data)
      return max(.zero, after - before)
    default: return .zero
    }
  }

  func monthly(_ vendor: Vendor, _ code: String?, _ kind: Plan.Kind) -> Money {
    code.flatMap { vendor.plan($0, kind: kind)?.price }.flatMap(Money.init) ?? .zero
  }

  /// The chain an order of this request and price gets from the policy in force, each level
  /// skipped when the price is below its minimum.
  /// When the price skips every level, the manager approves: no order goes unapproved.
  public func chain(for type: OrderType, price: Money) -> [OrderApproval] {
    let levels = approvalPolicy.levels(for: type).map { level in
      OrderApproval(
        approver: level.approver, minimum: level.minimum, skipped: !level.applies(to: price))
    }
    return levels.contains { !$0.skipped } ? levels : levels + [OrderApproval(approver: .manager)]
  }
}
