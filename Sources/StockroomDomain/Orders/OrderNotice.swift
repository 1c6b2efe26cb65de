/// What one step of an order sends by e-mail (seed 002: "Email notifications available for key
/// order progress milestones"): a milestone, who it goes to and who gets a copy. The one rule
/// that both the outbox's messages and the timeline's e-mail marks follow.
public struct OrderNotice: Sendable, Equatable {
  public var milestone: OrderMilestone
  public var to: [Employee]
  public var cc: [Employee]

  public init(milestone: OrderMilestone, to: [Employee], cc: [Employee]) {
    self.milestone = milestone
    self.to = to
    self.cc = cc
  }

  /// Everyone the notice reaches, To first.
  public var recipients: [Employee] { to + cc }
}

extension OrderBook {
  /// The notices a step sends, read against the order as it stood just after the step; a
  /// milestone nobody is there to receive sends nothing.
  public func notices(of event: OrderEvent, order: Order) -> [OrderNotice] {
    let requester = employee(order.requestedBy)
    let holder = employee(order.employee)
    // Whoever may decide at the level the order now waits at (all of a department).
    let waiting = deciders(of: order)
    var milestones: [(OrderMilestone, [Employee?])] = []
    switch event.step {
    case .submit: milestones = [(.submitted, [requester]), (.approvalNeeded, waiting)]
    case .approve where order.state == .pendingApproval:
      milestones = [(.approvalNeeded, waiting)]
    case .approve:
      milestones = [(.approved, [requester])]
      if order.state == .completed { milestones.append((.completed, [holder])) }
    case .reject: milestones = [(.rejected, [requester])]
    case .requestInfo: milestones = [(.informationRequested, [requester])]
    case .respond: milestones = [(.approvalNeeded, waiting)]
    case .cancel: milestones = [(.cancelled, [requester])]
    case .fulfil:
      if !(event.update?.tracking ?? []).isEmpty { milestones = [(.shipped, [holder])] }
    case .complete: milestones = [(.completed, [holder])]
    }
    return milestones.compactMap { milestone, people in
      let to = people.compactMap { $0 }
      guard !to.isEmpty else { return nil }
      // The requester and the employee the order is for read every milestone but a request
      // for a decision, which is the deciders' alone.
      let others = [requester, holder].compactMap { $0 }.filter { person in
        !to.contains { $0.id == person.id }
      }
      let copies =
        milestone == .approvalNeeded
        ? [] : Set(others.map(\.id)).sorted().compactMap { employee($0) }
      return OrderNotice(milestone: milestone, to: to, cc: copies)
    }
  }

  /// Whom each entry of the order's timeline notified, in timeline order (each person once):
  /// empty for a step that sent nothing.
  public func notified(along order: Order) -> [[Employee]] {
    order.timeline.indices.map { index in
      let notices = notices(of: order.timeline[index], order: order.standing(after: index))
      var people: [Employee] = []
      for person in notices.flatMap(\.recipients)
      where !people.contains(where: { $0.id == person.id }) {
        people.append(person)
      }
      return people
    }
  }
}

extension Order {
  /// The order as it stood just after the timeline entry at `index`: the entries up to it, the
  /// state it left, and only the approvals given by then.
  func standing(after index: Int) -> Order {
    var past = self
    past.timeline = Array(timeline.prefix(index + 1))
    past.state = timeline[index].state
    let given = Set(past.timeline.compactMap(\.level))
    if var levels = approvals {
      for level in levels.indices where !given.contains(level + 1) {
        levels[level].approvedBy = nil
        levels[level].time = nil
      }
      past.approvals = levels
    }
    return past
  }
}
