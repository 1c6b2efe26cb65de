/// An order action asked for, as a value (new order, approve, fulfil, …). Each carries the
/// acting employee, the time it is taken (the rules depend on dates) and a comment.
public enum OrderCommand: Hashable, Sendable {
  /// Employees, vendors, lines, devices, SIMs, accessories and the stipend program.
  case setup(OrderSetup)
  /// A new order, numbered by the book.
  case submit(OrderRequest, actor: String, at: String, comment: String)
  /// A workflow step on an existing order.
  case step(OrderStep, order: String, actor: String, at: String, comment: String)
  /// A fulfilment update on an order in fulfilment.
  case fulfil(order: String, update: Fulfilment, actor: String, at: String, comment: String)
  /// The approval policy changes (the support desk only); orders already submitted keep theirs.
  case policy(ApprovalPolicy, actor: String)
}

/// The reference data the orders area starts from (demo data, imports).
public struct OrderSetup: Codable, Sendable, Hashable {
  public var employees: [Employee]
  public var vendors: [Vendor]
  public var lines: [Line]
  public var devices: [Device]
  public var sims: [Sim]
  public var accessories: [Accessory]
  public var stipend: StipendProgram?
  /// Device models with list prices.
  public var models: [DeviceModel]?

  public init(
    employees: [Employee] = [], vendors: [Vendor] = [], lines: [Line] = [],
    devices: [Device] = [], sims: [Sim] = [], accessories: [Accessory] = [],
    stipend: StipendProgram? = nil, models: [DeviceModel]? = nil
  ) {
    self.models = models
    self.employees = employees
    self.vendors = vendors
    self.lines = lines
    self.devices = devices
    self.sims = sims
    self.accessories = accessories
    self.stipend = stipend
  }
}

/// What a completed order does to the inventory: records replaced whole, by key.
public struct OrderEffect: Codable, Sendable, Hashable {
  /// Line numbers that no longer exist (a number change removes the old one).
  public var removedLines: [String]
  public var lines: [Line]
  public var devices: [Device]
  public var sims: [Sim]
  public var employees: [Employee]
  public var accessories: [Accessory]
  public var issues: [AccessoryIssue]

  public init(
    removedLines: [String] = [], lines: [Line] = [], devices: [Device] = [], sims: [Sim] = [],
    employees: [Employee] = [], accessories: [Accessory] = [], issues: [AccessoryIssue] = []
  ) {
    self.removedLines = removedLines
    self.lines = lines
    self.devices = devices
    self.sims = sims
    self.employees = employees
    self.accessories = accessories
    self.issues = issues
  }
}
