/// What completing an order does to the inventory, worked out from the order, its fulfilment
/// and the current book (re-checked: stock may have moved since submission).
struct OrderCompletion {
  let book: OrderBook
  let order: Order
  let at: String

  var request: OrderRequest { order.request }
  var fulfilment: Fulfilment { order.fulfilment }
  var today: String { String(at.prefix(10)) }

  func line() throws(DomainError) -> Line {
    guard let number = request.line, let found = book.line(number) else {
      throw .unknownOrderItem(kind: "line", name: request.line ?? "(none)")
    }
    return found
  }

  func employee() throws(DomainError) -> Employee {
    guard let found = book.employee(request.employee) else {
      throw .unknownOrderItem(kind: "employee", name: request.employee)
    }
    return found
  }

  func serviceNumber() throws(DomainError) -> String {
    guard let number = fulfilment.serviceNumber else {
      throw .orderRule("\(order.number) needs the new service number first (fulfil --number)")
    }
    if book.line(number) != nil {
      throw .orderRule("service number \(number) already belongs to a line")
    }
    return number
  }

  func newSerial() throws(DomainError) -> String {
    guard let serial = fulfilment.serials.last else {
      throw .orderRule(
        "\(order.number) needs the new device's IMEI or serial first (fulfil --serial)")
    }
    if book.device(serial) != nil { throw .alreadyKnownSerials([serial]) }
    return serial
  }

  func stockDevice() throws(DomainError) -> Device {
    guard let serial = request.device, let found = book.device(serial),
      found.state == .inStock
    else {
      throw .orderRule("device \(request.device ?? "(none)") is no longer in stock")
    }
    return found
  }

  /// The device the line was on, back in stock with its condition.
  func returned(_ line: Line, condition: String) -> [Device] {
    guard let serial = line.device, var device = book.device(serial) else { return [] }
    device.state = .inStock
    device.employee = nil
    device.line = nil
    device.condition = condition
    return [device]
  }

  func newDevice(_ serial: String, model: String, for line: Line) -> Device {
    Device(
      serial: serial, model: model, state: .assigned, purchased: today,
      employee: line.employee, line: line.number)
  }

  func effect() throws(DomainError) -> OrderEffect {
    var effect = OrderEffect()
    switch request.type {
    case .newLine:
      let number = try serviceNumber()
      let serial = try newSerial()
      let line = Line(
        number: number, vendor: request.vendor ?? "", voicePlan: request.voicePlan,
        dataPlan: request.dataPlan, features: request.addFeatures,
        employee: request.employee, device: serial, sim: fulfilment.sim)
      effect.lines = [line]
      effect.devices = [newDevice(serial, model: request.model ?? "", for: line)]
      effect.sims = fulfilment.sim.map { [Sim(iccid: $0, line: number)] } ?? []
    case .activate:
      let number = try serviceNumber()
      var device = try stockDevice()
      let line = Line(
        number: number, vendor: request.vendor ?? "", voicePlan: request.voicePlan,
        dataPlan: request.dataPlan, employee: request.employee, device: device.serial,
        sim: fulfilment.sim)
      device.state = .assigned
      device.employee = request.employee
      device.line = number
      effect.lines = [line]
      effect.devices = [device]
      effect.sims = fulfilment.sim.map { [Sim(iccid: $0, line: number)] } ?? []
    case .warranty, .upgrade:
      var line = try self.line()
      let serial = try newSerial()
      let model =
        request.type == .upgrade
        ? request.model ?? "" : line.device.flatMap { book.device($0)?.model } ?? ""
      let condition =
        request.type == .warranty
        ? "defective (\(request.issue?.rawValue ?? "defect"), warranty return)"
        : request.oldCondition ?? "used"
      effect.devices = returned(line, condition: condition)
      line.device = serial
      effect.devices.append(newDevice(serial, model: model, for: line))
      effect.lines = [line]
    case .port:
      var line = try self.line()
      line.vendor = request.vendor ?? line.vendor
      line.voicePlan = request.voicePlan
      line.dataPlan = request.dataPlan
      line.features = []
      if let model = request.model {
        let serial = try newSerial()
        effect.devices = returned(line, condition: request.oldCondition ?? "used")
        line.device = serial
        effect.devices.append(newDevice(serial, model: model, for: line))
      }
      if let sim = fulfilment.sim {
        effect.sims = [Sim(iccid: sim, line: line.number)] + retiredSim(line)
        line.sim = sim
      }
      effect.lines = [line]
    case .accessory:
      guard var item = request.accessory.flatMap({ book.accessory($0) }) else {
        throw .unknownOrderItem(kind: "accessory", name: request.accessory ?? "(none)")
      }
      let quantity = request.quantity ?? 1
      if item.inStock < quantity {
        throw .notEnoughStock(product: item.name, requested: quantity, available: item.inStock)
      }
      item.inStock -= quantity
      effect.accessories = [item]
      effect.issues = [
        AccessoryIssue(
          accessory: item.code, quantity: quantity, employee: request.employee,
          order: order.number)
      ]
    case .transferLiability:
      var line = try self.line()
      line.liability = request.liability ?? line.liability
      effect.lines = [line]
    case .stipendEnrol, .stipendRemove:
      var employee = try self.employee()
      employee.stipend = request.type == .stipendEnrol
      effect.employees = [employee]
    case .features:
      var line = try self.line()
      line.features = line.features.filter { !request.removeFeatures.contains($0) }
      line.features += request.addFeatures.filter { !line.features.contains($0) }
      effect.lines = [line]
    case .changePlan:
      var line = try self.line()
      if let voice = request.voicePlan { line.voicePlan = voice }
      if let data = request.dataPlan { line.dataPlan = data }
      effect.lines = [line]
    case .changeNumber:
      var line = try self.line()
      let number = try serviceNumber()
      effect.removedLines = [line.number]
      line.number = number
      effect.lines = [line]
      if let serial = line.device, var device = book.device(serial) {
        device.line = number
        effect.devices = [device]
      }
      if let iccid = line.sim, var sim = book.sims.first(where: { $0.iccid == iccid }) {
        sim.line = number
        effect.sims = [sim]
      }
    case .moveLine:
      var line = try self.line()
      var device = try stockDevice()
      effect.devices = returned(line, condition: "used")
      device.state = .assigned
      device.employee = line.employee
      device.line = line.number
      effect.devices.append(device)
      line.device = device.serial
      effect.lines = [line]
    case .newSim:
      var line = try self.line()
      guard let sim = fulfilment.sim else {
        throw .orderRule("\(order.number) needs the new SIM's ICCID first (fulfil --sim)")
      }
      effect.sims = retiredSim(line) + [Sim(iccid: sim, line: line.number)]
      line.sim = sim
      effect.lines = [line]
    case .restore:
      var line = try self.line()
      line.state = .active
      line.disconnectedOn = nil
      effect.lines = [line]
    case .assign:
      var line = try self.line()
      line.employee = request.employee
      effect.lines = [line]
      if let serial = line.device, var device = book.device(serial) {
        device.employee = request.employee
        effect.devices = [device]
      }
    case .suspend:
      var line = try self.line()
      line.state = .suspended
      effect.lines = [line]
    case .disconnect:
      var line = try self.line()
      line.state = .disconnected
      line.disconnectedOn = today
      effect.lines = [line]
    }
    return effect
  }

  func retiredSim(_ line: Line) -> [Sim] {
    guard let iccid = line.sim, var sim = book.sims.first(where: { $0.iccid == iccid }) else {
      return []
    }
    sim.line = nil
    sim.retired = true
    return [sim]
  }
}
