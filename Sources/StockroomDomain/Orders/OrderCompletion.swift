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

  /// What completing the order does (`OrderTypeSpec.complete`).
  func effect() throws(DomainError) -> OrderEffect {
    try request.type.spec.complete(self)
  }

  /// A new device on the order's line (its serial from fulfilment), the old one back in stock
  /// in `condition`; `model` names the new device's model from the line.
  func replaceDevice(condition: String, model: (Line) -> String) throws(DomainError)
    -> OrderEffect
  {
    var line = try self.line()
    let serial = try newSerial()
    let model = model(line)
    var devices = returned(line, condition: condition)
    line.device = serial
    devices.append(newDevice(serial, model: model, for: line))
    return OrderEffect(lines: [line], devices: devices)
  }

  /// The employee in (`true`) or out of the stipend program.
  func stipend(_ enrolled: Bool) throws(DomainError) -> OrderEffect {
    var employee = try self.employee()
    employee.stipend = enrolled
    return OrderEffect(employees: [employee])
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
