/// The checks of a new order: who it is for, who decides, and what each type needs.
struct OrderSubmitCheck {
  let book: OrderBook
  let request: OrderRequest
  let actor: String
  let at: String

  func unknown(_ kind: String, _ name: String) -> DomainError {
    .unknownOrderItem(kind: kind, name: TextRules.neutralised(name))
  }

  /// The order the request becomes, numbered and pending approval.
  func order(comment: String) throws(DomainError) -> Order {
    guard let requester = book.employee(actor) else { throw unknown("employee", actor) }
    var normalised = request
    if request.type.needsLine, request.type != .assign,
      let line = request.line.flatMap({ book.line($0) }), let holder = line.employee
    {
      normalised.employee = holder
    }
    guard let employee = book.employee(normalised.employee) else {
      throw unknown("employee", normalised.employee)
    }
    normalised.employee = employee.id
    try checkType(&normalised, employee)
    let approver = try approver(for: employee, requester: requester)
    let event = OrderEvent(
      step: .submit, time: at, actor: requester.id, comment: comment, state: .pendingApproval)
    let price = book.price(of: normalised)
    let order = Order(
      number: book.nextNumber, request: normalised, state: .pendingApproval,
      requestedBy: requester.id, approver: approver, timeline: [event], price: price.text,
      approvals: book.chain(for: normalised.type, price: price))
    // Without a policy nothing is checked beyond the approver, as before policies.
    if book.policy != nil { try reachable(order) }
    return order
  }

  /// Every level that applies can have an approver of its own: one person a level, none the
  /// requester or the employee (a matching of levels to people, as nobody approves twice).
  func reachable(_ order: Order) throws(DomainError) {
    let excluded: Set<String> = [order.requestedBy, order.employee]
    var taken: [String: Int] = [:]
    for (index, level) in order.chain.enumerated() where !level.skipped {
      var seen = Set<String>()
      if !assign(index, order, excluded, &taken, &seen) {
        throw .orderRule(
          "approval level \(index + 1) (\(level.approver.text)) has nobody to approve "
            + "other than the requester, the employee or an approver of another level")
      }
    }
  }

  /// Finds level `index` a person, moving earlier levels to others where needed.
  func assign(
    _ index: Int, _ order: Order, _ excluded: Set<String>, _ taken: inout [String: Int],
    _ seen: inout Set<String>
  ) -> Bool {
    let people = book.people(order.chain[index].approver, manager: order.approver).map(\.id)
    for person in people where !excluded.contains(person) && seen.insert(person).inserted {
      if let other = taken[person], !assign(other, order, excluded, &taken, &seen) { continue }
      taken[person] = index
      return true
    }
    return false
  }

  /// The employee's approver; when that is the requester, the requester's own approver, so
  /// nobody approves their own order.
  func approver(for employee: Employee, requester: Employee) throws(DomainError) -> String {
    var candidate = employee.approver
    if candidate == requester.id { candidate = requester.approver }
    guard let found = candidate, found != requester.id, book.employee(found) != nil else {
      throw .orderRule("\(employee.id) has no approver other than the requester")
    }
    return found
  }

  func line(_ number: String?) throws(DomainError) -> Line {
    guard let number, !number.isEmpty else {
      throw .orderRule("\(request.type.title) needs a line (--line)")
    }
    guard let found = book.line(number) else { throw unknown("line", number) }
    if let open = book.openOrder(line: found.number) {
      throw .orderRule("line \(found.number) already has open order \(open.number)")
    }
    return found
  }

  /// The device on the line an accessory is for (seed 002: "for an existing device").
  func deviceOn(_ number: String?) throws(DomainError) -> Device {
    guard let number, !number.isEmpty else {
      throw .orderRule("\(request.type.title) needs a line (--line)")
    }
    guard let found = book.line(number) else { throw unknown("line", number) }
    guard let device = book.device(on: found) else {
      throw .orderRule("line \(found.number) has no device to order an accessory for")
    }
    return device
  }

  func vendor(_ code: String?) throws(DomainError) -> Vendor {
    guard let code, !code.isEmpty else {
      throw .orderRule("\(request.type.title) needs a vendor (--vendor)")
    }
    guard let found = book.vendor(code) else { throw unknown("vendor", code) }
    return found
  }

  func plan(_ code: String?, _ kind: Plan.Kind, _ vendor: Vendor, required: Bool)
    throws(DomainError) -> String?
  {
    guard let code, !code.isEmpty else {
      if required {
        throw .orderRule("\(request.type.title) needs a \(kind.rawValue) plan (--\(kind)-plan)")
      }
      return nil
    }
    guard let found = vendor.plan(code, kind: kind) else {
      throw unknown("\(kind.rawValue) plan of \(vendor.name)", code)
    }
    return found.code
  }

  func model() throws(DomainError) -> String {
    guard let model = request.model, !model.isEmpty else {
      throw .orderRule("\(request.type.title) needs a device model (--model)")
    }
    try TextRules.checkComment(model)
    return model
  }

  func stockDevice(_ serial: String?) throws(DomainError) -> Device {
    guard let serial, !serial.isEmpty else {
      throw .orderRule("\(request.type.title) needs an in-stock device (--device)")
    }
    guard let found = book.device(serial) else { throw unknown("device", serial) }
    guard found.state == .inStock else {
      throw .orderRule("device \(found.serial) is not in stock")
    }
    if let open = book.openOrder(device: found.serial) {
      throw .orderRule("device \(found.serial) is already named by open order \(open.number)")
    }
    return found
  }

  func active(_ line: Line) throws(DomainError) {
    guard line.state == .active else {
      throw .orderRule("line \(line.number) is \(line.state.rawValue), not active")
    }
  }

  /// What the request's type needs (`OrderTypeSpec.check`), then the line as the book names it.
  func checkType(_ request: inout OrderRequest, _ employee: Employee) throws(DomainError) {
    try request.type.spec.check(self, &request, employee)
    if let line = request.line, let found = book.line(line) { request.line = found.number }
  }

  /// The vendor a line is with.
  func vendorOf(_ line: Line) throws(DomainError) -> Vendor {
    guard let vendor = book.vendor(line.vendor) else { throw unknown("vendor", line.vendor) }
    return vendor
  }

  func features(_ names: [String], _ vendor: Vendor) throws(DomainError) {
    let unknown = names.filter { !vendor.features.contains($0) }
    if !unknown.isEmpty {
      throw .unknownOrderItem(
        kind: "feature of \(vendor.name)", name: unknown.joined(separator: ", "))
    }
  }

  /// First year of ownership, and a defect rather than damage or the battery.
  func warranty(_ line: Line, _ issue: DeviceIssue?) throws(DomainError) {
    guard let serial = line.device, let device = book.device(serial) else {
      throw .orderRule("line \(line.number) has no device to replace")
    }
    guard let issue else {
      throw .orderRule("Warranty replacement needs --issue (defect, physical, liquid, battery)")
    }
    if !OrderRules.withinFirstYear(purchased: device.purchased, at: at) {
      throw .warrantyExpired(device: device.serial, purchased: String(device.purchased.prefix(10)))
    }
    if issue != .defect { throw .warrantyDamage(issue) }
  }

  /// Suspended lines always; disconnected ones within 30 days unless the vendor allows more.
  func restorable(_ line: Line) throws(DomainError) {
    switch line.state {
    case .active: throw .orderRule("line \(line.number) is active: nothing to restore")
    case .suspended: return
    case .disconnected:
      guard let vendor = book.vendor(line.vendor) else { throw unknown("vendor", line.vendor) }
      let days = line.disconnectedOn.flatMap { OrderRules.days(from: $0, to: at) } ?? 0
      if days > OrderRules.restoreDays && !vendor.allowsLateRestore {
        throw .lateRestore(line: line.number, days: days, vendor: vendor.name)
      }
    }
  }
}
