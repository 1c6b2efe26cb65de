/// The wireless orders area of the state (issue 8): employees, lines, devices, vendors, plans
/// and orders with their workflow. Kept beside the token inventory, replayed from the same
/// ledger, and saved in the snapshot as one JSON section.
public struct OrderBook: Codable, Sendable, Equatable {
  public var employees: [Employee] = []
  public var vendors: [Vendor] = []
  public var lines: [Line] = []
  public var devices: [Device] = []
  public var sims: [Sim] = []
  public var accessories: [Accessory] = []
  public var issues: [AccessoryIssue] = []
  public var stipend: StipendProgram?
  /// Every order, in number order.
  public var orders: [Order] = []
  /// The approval policy in force; nil: the standard one (the manager approves).
  public var policy: ApprovalPolicy?
  /// Device models with their list prices (nil in books from before prices).
  public var models: [DeviceModel]?

  public init() {}

  public func employee(_ id: String) -> Employee? {
    employees.first { $0.id.uppercased() == id.uppercased() }
  }

  public func vendor(_ code: String) -> Vendor? {
    vendors.first { $0.code.uppercased() == code.uppercased() || $0.name == code }
  }

  public func line(_ number: String) -> Line? { lines.first { $0.number == number } }

  public func device(_ serial: String) -> Device? { devices.first { $0.serial == serial } }

  public func accessory(_ code: String) -> Accessory? {
    accessories.first { $0.code.uppercased() == code.uppercased() }
  }

  public func order(_ number: String) -> Order? {
    orders.first { $0.number.uppercased() == number.uppercased() }
  }

  /// The number the next order gets.
  public var nextNumber: String { Order.number(orders.count + 1) }

  /// Orders waiting for this employee's decision at the level they stand at now.
  public func queue(approver: String) -> [Order] {
    orders.filter { $0.state == .pendingApproval && mayDecide($0, approver) }
  }

  /// The policy in force: the one set last, or the standard one.
  public var approvalPolicy: ApprovalPolicy { policy ?? .standard }

  /// Orders this employee submitted or that are for them.
  public func orders(of employee: String) -> [Order] {
    orders.filter { $0.requestedBy == employee || $0.employee == employee }
  }

  /// An employee's name, or the ID when unknown.
  public func name(_ id: String) -> String { employee(id)?.name ?? id }

  /// The device on a line, when it has one.
  public func device(on line: Line?) -> Device? { line?.device.flatMap { device($0) } }

  /// The accessories that fit the device on `line` (seed 002: "for an existing device");
  /// none for a line without a device.
  public func accessories(for line: Line?) -> [Accessory] {
    guard let model = device(on: line)?.model else { return [] }
    return accessories.filter { $0.fits(model) }
  }

  /// The open order that already names this line or device, if any. An accessory order
  /// holds neither: the line and its device stay free for other orders.
  func openOrder(line: String? = nil, device: String? = nil) -> Order? {
    orders.first { order in
      guard order.state.isOpen, order.type != .accessory else { return false }
      if let line, order.request.line == line { return true }
      if let device, order.request.device == device { return true }
      return false
    }
  }
}
