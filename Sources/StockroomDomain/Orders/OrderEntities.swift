/// A person who may order wireless service; every employee has an approver.
public struct Employee: Codable, Sendable, Hashable {
  /// `EMP-0001`.
  public var id: String
  public var name: String
  public var email: String
  /// The employee who approves this one's orders (never the employee itself).
  public var approver: String?
  public var department: String
  /// Support desk staff record fulfilment and may act for others where the user map allows.
  public var supportDesk: Bool
  /// Enrolled in the stipend plan reimbursement program.
  public var stipend: Bool

  public init(
    id: String, name: String, email: String, approver: String?, department: String = "",
    supportDesk: Bool = false, stipend: Bool = false
  ) {
    self.id = id
    self.name = name
    self.email = email
    self.approver = approver
    self.department = department
    self.supportDesk = supportDesk
    self.stipend = stipend
  }
}

/// A voice or data plan a vendor sells.
public struct Plan: Codable, Sendable, Hashable {
  public enum Kind: String, Codable, Sendable, Hashable { case voice, data }
  public var code: String
  public var name: String
  public var kind: Kind
  /// The monthly list price (decimal text); nil: not priced.
  public var price: String?

  public init(code: String, name: String, kind: Kind, price: String? = nil) {
    self.code = code
    self.name = name
    self.kind = kind
    self.price = price
  }
}

/// A wireless carrier with its plans and features, and its late-restore policy.
public struct Vendor: Codable, Sendable, Hashable {
  public var code: String
  public var name: String
  public var plans: [Plan]
  public var features: [String]
  /// Whether a disconnected line may be restored more than 30 days after the disconnect.
  public var allowsLateRestore: Bool

  public init(
    code: String, name: String, plans: [Plan], features: [String], allowsLateRestore: Bool
  ) {
    self.code = code
    self.name = name
    self.plans = plans
    self.features = features
    self.allowsLateRestore = allowsLateRestore
  }

  public func plan(_ code: String, kind: Plan.Kind) -> Plan? {
    plans.first { $0.kind == kind && $0.code.uppercased() == code.uppercased() }
  }
}

/// The state of a line of service.
public enum LineState: String, Codable, Sendable, Hashable, CaseIterable {
  case active, suspended, disconnected
}

/// Who pays for a line.
public enum Liability: String, Codable, Sendable, Hashable, CaseIterable {
  case corporate, personal
}

/// A line of service: a phone number with a vendor, plans, features and a state.
public struct Line: Codable, Sendable, Hashable {
  /// The service number, e.g. `555-0101`.
  public var number: String
  public var vendor: String
  public var voicePlan: String?
  public var dataPlan: String?
  public var features: [String]
  public var state: LineState
  /// `YYYY-MM-DD` of the disconnect, while disconnected.
  public var disconnectedOn: String?
  /// The employee the line is assigned to.
  public var employee: String?
  /// The serial (IMEI) of the device the line is on.
  public var device: String?
  /// The ICCID of the SIM in use.
  public var sim: String?
  public var liability: Liability

  public init(
    number: String, vendor: String, voicePlan: String?, dataPlan: String?,
    features: [String] = [], state: LineState = .active, disconnectedOn: String? = nil,
    employee: String?, device: String?, sim: String? = nil, liability: Liability = .corporate
  ) {
    self.number = number
    self.vendor = vendor
    self.voicePlan = voicePlan
    self.dataPlan = dataPlan
    self.features = features
    self.state = state
    self.disconnectedOn = disconnectedOn
    self.employee = employee
    self.device = device
    self.sim = sim
    self.liability = liability
  }
}

/// Where a device is.
public enum DeviceState: String, Codable, Sendable, Hashable, CaseIterable {
  case inStock = "in-stock"
  case assigned
}

/// A phone, tablet or hotspot known by its IMEI or serial.
public struct Device: Codable, Sendable, Hashable {
  public var serial: String
  public var model: String
  public var state: DeviceState
  /// `YYYY-MM-DD`: the warranty runs one year from here.
  public var purchased: String
  public var employee: String?
  public var line: String?
  /// How it came back to stock (e.g. "defective", "used").
  public var condition: String

  public init(
    serial: String, model: String, state: DeviceState, purchased: String,
    employee: String? = nil, line: String? = nil, condition: String = "new"
  ) {
    self.serial = serial
    self.model = model
    self.state = state
    self.purchased = purchased
    self.employee = employee
    self.line = line
    self.condition = condition
  }
}

/// A SIM card by ICCID, in stock or in a line.
public struct Sim: Codable, Sendable, Hashable {
  public var iccid: String
  public var line: String?
  public var retired: Bool

  public init(iccid: String, line: String? = nil, retired: Bool = false) {
    self.iccid = iccid
    self.line = line
    self.retired = retired
  }
}

/// An accessory the company stocks (battery, case, headset…), ordered for an existing device.
public struct Accessory: Codable, Sendable, Hashable {
  public var code: String
  public var name: String
  public var inStock: Int
  /// The list price of one (decimal text); nil: not priced.
  public var price: String?
  /// The device models it fits; nil or empty: every device (a headset, a charger).
  public var fits: [String]?

  public init(
    code: String, name: String, inStock: Int, price: String? = nil, fits: [String]? = nil
  ) {
    self.code = code
    self.name = name
    self.inStock = inStock
    self.price = price
    self.fits = fits
  }

  /// True when it fits a device of `model`.
  public func fits(_ model: String) -> Bool {
    guard let fits, !fits.isEmpty else { return true }
    return fits.contains { $0.uppercased() == model.uppercased() }
  }
}

/// An accessory handed to an employee by a completed order.
public struct AccessoryIssue: Codable, Sendable, Hashable {
  public var accessory: String
  public var quantity: Int
  public var employee: String
  public var order: String

  public init(accessory: String, quantity: Int, employee: String, order: String) {
    self.accessory = accessory
    self.quantity = quantity
    self.employee = employee
    self.order = order
  }
}

/// The stipend plan reimbursement program.
public struct StipendProgram: Codable, Sendable, Hashable {
  public var name: String
  /// Monthly reimbursement in whole currency units.
  public var monthly: Int

  public init(name: String, monthly: Int) {
    self.name = name
    self.monthly = monthly
  }
}

/// A device model the company orders, with its list price (what a new line or an upgrade costs).
public struct DeviceModel: Codable, Sendable, Hashable {
  public var name: String
  /// Decimal text.
  public var price: String

  public init(name: String, price: String) {
    self.name = name
    self.price = price
  }
}
