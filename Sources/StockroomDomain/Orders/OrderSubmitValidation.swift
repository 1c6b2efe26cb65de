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
    return Order(
      number: book.nextNumber, request: normalised, state: .pendingApproval,
      requestedBy: requester.id, approver: approver, timeline: [event])
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

  func checkType(_ request: inout OrderRequest, _ employee: Employee) throws(DomainError) {
    switch request.type {
    case .newLine:
      let vendor = try vendor(request.vendor)
      request.vendor = vendor.code
      request.voicePlan = try plan(request.voicePlan, .voice, vendor, required: true)
      request.dataPlan = try plan(request.dataPlan, .data, vendor, required: false)
      request.model = try model()
      try features(request.addFeatures, vendor)
    case .warranty:
      let line = try line(request.line)
      try warranty(line, request.issue)
    case .accessory:
      guard let code = request.accessory, let found = book.accessory(code) else {
        throw unknown("accessory", request.accessory ?? "(none: --accessory)")
      }
      request.accessory = found.code
      let quantity = request.quantity ?? 1
      guard quantity >= 1, quantity <= 20 else { throw .notPositive(quantity) }
      request.quantity = quantity
    case .port:
      let line = try line(request.line)
      try active(line)
      let vendor = try vendor(request.vendor)
      guard vendor.code != line.vendor else {
        throw .orderRule("line \(line.number) is already with \(vendor.name)")
      }
      request.vendor = vendor.code
      request.voicePlan = try plan(request.voicePlan, .voice, vendor, required: true)
      request.dataPlan = try plan(request.dataPlan, .data, vendor, required: false)
      if request.model != nil { request.model = try model() }
    case .transferLiability:
      let line = try line(request.line)
      guard let to = request.liability else {
        throw .orderRule("Transfer of liability needs --to personal or corporate")
      }
      guard to != line.liability else {
        throw .orderRule("line \(line.number) is already on the \(to.rawValue) account")
      }
    case .stipendEnrol:
      guard book.stipend != nil else { throw .orderRule("there is no stipend program") }
      if employee.stipend { throw .orderRule("\(employee.id) is already in the stipend program") }
    case .stipendRemove:
      if !employee.stipend { throw .orderRule("\(employee.id) is not in the stipend program") }
    case .activate:
      let device = try stockDevice(request.device)
      request.device = device.serial
      let vendor = try vendor(request.vendor)
      request.vendor = vendor.code
      request.voicePlan = try plan(request.voicePlan, .voice, vendor, required: true)
      request.dataPlan = try plan(request.dataPlan, .data, vendor, required: false)
    case .upgrade:
      let line = try line(request.line)
      try active(line)
      request.model = try model()
    case .features:
      let line = try line(request.line)
      guard let vendor = book.vendor(line.vendor) else { throw unknown("vendor", line.vendor) }
      if request.addFeatures.isEmpty && request.removeFeatures.isEmpty {
        throw .orderRule("Features needs --add or --remove")
      }
      try features(request.addFeatures, vendor)
      let missing = request.removeFeatures.filter { !line.features.contains($0) }
      if !missing.isEmpty {
        throw .orderRule("line \(line.number) does not have " + missing.joined(separator: ", "))
      }
      let present = request.addFeatures.filter { line.features.contains($0) }
      if !present.isEmpty {
        throw .orderRule("line \(line.number) already has " + present.joined(separator: ", "))
      }
    case .changePlan:
      let line = try line(request.line)
      guard let vendor = book.vendor(line.vendor) else { throw unknown("vendor", line.vendor) }
      request.voicePlan = try plan(request.voicePlan, .voice, vendor, required: false)
      request.dataPlan = try plan(request.dataPlan, .data, vendor, required: false)
      if request.voicePlan == nil && request.dataPlan == nil {
        throw .orderRule("Change plan needs --voice-plan and/or --data-plan")
      }
    case .changeNumber, .newSim, .suspend:
      let line = try line(request.line)
      try active(line)
    case .moveLine:
      let line = try line(request.line)
      try active(line)
      let device = try stockDevice(request.device)
      request.device = device.serial
    case .restore:
      let line = try line(request.line)
      try restorable(line)
    case .assign:
      let line = try line(request.line)
      if line.employee == employee.id {
        throw .orderRule("line \(line.number) is already assigned to \(employee.id)")
      }
    case .disconnect:
      let line = try line(request.line)
      if line.state == .disconnected {
        throw .orderRule("line \(line.number) is already disconnected")
      }
    }
    if let line = request.line, let found = book.line(line) { request.line = found.number }
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
