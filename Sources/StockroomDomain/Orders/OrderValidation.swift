extension Validation {
  static func order(_ command: OrderCommand, _ state: InventoryState) throws(DomainError) -> Change
  {
    let book = state.orders
    switch command {
    case .setup(let setup):
      try checkSetup(setup, book)
      return Change(action: .orderSetup, order: OrderChange(setup: setup))
    case .submit(let request, let actor, let at, let comment):
      try TextRules.checkComment(comment)
      let order = try OrderSubmitCheck(book: book, request: request, actor: actor, at: at)
        .order(comment: comment)
      return Change(action: .orderSubmit, order: OrderChange(number: order.number, order: order))
    case .step(let step, let number, let actor, let at, let comment):
      try TextRules.checkComment(comment)
      return try OrderStepCheck(book: book, number: number, actor: actor, at: at)
        .change(step, comment: comment)
    case .fulfil(let number, let update, let actor, let at, let comment):
      try TextRules.checkComment(comment)
      return try OrderStepCheck(book: book, number: number, actor: actor, at: at)
        .fulfil(update, comment: comment)
    case .policy(let policy, let actor):
      return try checkPolicy(policy, actor: actor, book)
    }
  }

  static func checkSetup(_ setup: OrderSetup, _ book: OrderBook) throws(DomainError) {
    var ids = Set(book.employees.map { $0.id.uppercased() })
    for employee in setup.employees where !ids.insert(employee.id.uppercased()).inserted {
      throw .duplicateDefinition("employee \(employee.id)")
    }
    for employee in setup.employees {
      guard let approver = employee.approver else { continue }
      if approver.uppercased() == employee.id.uppercased() {
        throw .orderRule("\(employee.id) cannot approve their own orders")
      }
      if !ids.contains(approver.uppercased()) {
        throw .unknownOrderItem(kind: "approver", name: approver)
      }
    }
    var numbers = Set(book.lines.map(\.number))
    for line in setup.lines where !numbers.insert(line.number).inserted {
      throw .duplicateDefinition("line \(line.number)")
    }
    var serials = Set(book.devices.map(\.serial))
    for device in setup.devices where !serials.insert(device.serial).inserted {
      throw .duplicateDefinition("device \(device.serial)")
    }
    var vendors = Set(book.vendors.map { $0.code.uppercased() })
    for vendor in setup.vendors where !vendors.insert(vendor.code.uppercased()).inserted {
      throw .duplicateDefinition("vendor \(vendor.code)")
    }
  }
}

/// The checks of a step on an existing order: its state, and who may take it.
struct OrderStepCheck {
  let book: OrderBook
  let number: String
  let actor: String
  let at: String

  func found() throws(DomainError) -> (Order, Employee) {
    guard let order = book.order(number) else {
      throw .unknownOrderItem(kind: "order", name: TextRules.neutralised(number))
    }
    guard let employee = book.employee(actor) else {
      throw .unknownOrderItem(kind: "employee", name: TextRules.neutralised(actor))
    }
    return (order, employee)
  }

  func require(_ order: Order, _ states: [OrderState], _ step: OrderStep) throws(DomainError) {
    if !states.contains(order.state) {
      throw .orderState(order: order.number, state: order.state.rawValue, step: step.past)
    }
  }

  /// The employee may decide at the level the order waits at (`OrderBook.deciders`).
  func decider(_ order: Order, _ employee: Employee) throws(DomainError) {
    if employee.id == order.requestedBy || employee.id == order.employee {
      throw .selfApproval(order: order.number, employee: order.requestedBy)
    }
    if let level = order.chain.firstIndex(where: { $0.approvedBy == employee.id }) {
      throw .orderRule(
        "\(employee.id) approved \(order.number) at level \(level + 1): nobody approves at two "
          + "levels")
    }
    if !book.mayDecide(order, employee.id) {
      let level = order.currentLevel.map { order.chain[$0].approver }
      let named = level == .manager || level == nil ? order.approver : level?.text ?? ""
      throw .notApprover(order: order.number, approver: named)
    }
  }

  func needsComment(_ comment: String, _ step: OrderStep) throws(DomainError) {
    if comment.allSatisfy({ $0 == " " }) {
      throw .orderRule("\(step.title): a comment saying why is required (--comment)")
    }
  }

  func change(_ step: OrderStep, comment: String) throws(DomainError) -> Change {
    let (order, employee) = try found()
    var next: OrderState
    var effect: OrderEffect?
    var levelApproved: Int?
    switch step {
    case .submit:
      throw .orderRule("\(order.number) is already submitted")
    case .approve:
      try require(order, [.pendingApproval], step)
      try decider(order, employee)
      let level = order.currentLevel ?? 0
      if order.chain.indices.contains(where: { $0 > level && order.chain[$0].isWaiting }) {
        let event = OrderEvent(
          step: step, time: at, actor: employee.id, comment: comment, state: .pendingApproval,
          level: level + 1)
        return Change(action: step.action, order: OrderChange(number: order.number, event: event))
      }
      levelApproved = level + 1
      next = .inFulfilment
      if order.type.completesOnApproval {
        effect = try OrderCompletion(book: book, order: order, at: at).effect()
        next = .completed
      }
    case .reject:
      try require(order, [.pendingApproval, .informationRequested], step)
      try decider(order, employee)
      try needsComment(comment, step)
      next = .rejected
    case .requestInfo:
      try require(order, [.pendingApproval], step)
      try decider(order, employee)
      try needsComment(comment, step)
      next = .informationRequested
    case .respond:
      try require(order, [.informationRequested], step)
      guard employee.id == order.requestedBy || employee.id == order.employee else {
        throw .orderRule("only the requester \(order.requestedBy) may answer \(order.number)")
      }
      try needsComment(comment, step)
      next = .pendingApproval
    case .cancel:
      try require(order, [.pendingApproval, .informationRequested, .inFulfilment], step)
      let allowed =
        [order.requestedBy, order.employee, order.approver].contains(employee.id)
        || book.mayDecide(order, employee.id)
      guard allowed || employee.supportDesk else {
        throw .orderRule(
          "only the requester, the employee, the approver or the support desk may cancel "
            + order.number)
      }
      next = .cancelled
    case .fulfil:
      throw .orderRule("a fulfilment update needs what the vendor did")
    case .complete:
      try require(order, [.inFulfilment], step)
      try supportDesk(employee, step)
      effect = try OrderCompletion(book: book, order: order, at: at).effect()
      next = .completed
    }
    let event = OrderEvent(
      step: step, time: at, actor: employee.id, comment: comment, state: next,
      level: levelApproved)
    return Change(
      action: step.action,
      order: OrderChange(number: order.number, event: event, effect: effect))
  }

  func supportDesk(_ employee: Employee, _ step: OrderStep) throws(DomainError) {
    guard employee.supportDesk else {
      throw .orderRule("\(step.title): only support desk staff record what the vendor did")
    }
  }

  func fulfil(_ update: Fulfilment, comment: String) throws(DomainError) -> Change {
    let (order, employee) = try found()
    try require(order, [.inFulfilment], .fulfil)
    try supportDesk(employee, .fulfil)
    if update.isEmpty {
      throw .orderRule("a fulfilment update needs a service number, serial, SIM or tracking")
    }
    if let number = update.serviceNumber {
      guard OrderRules.isServiceNumber(number) else {
        throw .invalidText(field: .serviceNumber, reason: "not a phone number: \(number)")
      }
      if book.line(number) != nil {
        throw .orderRule("service number \(number) already belongs to a line")
      }
    }
    for serial in update.serials + (update.sim.map { [$0] } ?? []) + update.tracking {
      try TextRules.checkSerial(serial)
    }
    let known = update.serials.filter { book.device($0) != nil }
    if !known.isEmpty { throw .alreadyKnownSerials(known) }
    let event = OrderEvent(
      step: .fulfil, time: at, actor: employee.id, comment: comment, state: .inFulfilment,
      update: update)
    return Change(action: .orderFulfil, order: OrderChange(number: order.number, event: event))
  }
}

extension OrderStep {
  /// The step as a past participle, for refusals ("cannot be approved").
  var past: String {
    switch self {
    case .submit: return "submitted"
    case .approve: return "approved"
    case .reject: return "rejected"
    case .cancel: return "cancelled"
    case .requestInfo: return "sent back for information"
    case .respond: return "answered"
    case .fulfil: return "updated by fulfilment"
    case .complete: return "completed"
    }
  }
}
