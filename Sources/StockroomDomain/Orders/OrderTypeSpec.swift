/// Everything one order type means, in one place: its words, the details it asks, how a
/// request of it is checked, what fulfilment must record and what completing it does. The
/// new-order wizard, `stockroom order new` and the domain all read it (`OrderType.spec`);
/// nothing else tells the types apart.
public struct OrderTypeSpec: Sendable {
  /// The type's name, e.g. "New device and line".
  public let title: String
  public let group: OrderType.Group
  /// The seed's explanation, shown under the list of types.
  public let explanation: String
  /// The details the new-order wizard asks, in order.
  public let fields: [OrderFieldKey]
  /// Details that may be left empty (a port's new device).
  public let optional: Set<OrderFieldKey>
  /// The options of `stockroom order new` it reads, as the command's help lists them.
  public let usage: String
  /// Ships something, so fulfilment may record tracking numbers.
  public let ships: Bool
  /// Completes by itself on approval, with no vendor fulfilment.
  public let completesOnApproval: Bool
  /// The warning shown before a request is submitted.
  public let warning: String?
  /// The label of the vendor row in an order's summary.
  public let vendorLabel: String
  /// The label of the device row in an order's summary.
  public let deviceLabel: String
  /// Which lines the order may name, by their state.
  let offersLine: @Sendable (LineState) -> Bool
  /// Checks a request against the book, naming what it refers to as the book does.
  let check: @Sendable (OrderSubmitCheck, inout OrderRequest, Employee) throws(DomainError) -> Void
  /// What fulfilment still has to record before `complete`, in words.
  let missing: @Sendable (Order) -> [String]
  /// What completing the order does to the inventory.
  let complete: @Sendable (OrderCompletion) throws(DomainError) -> OrderEffect

  init(
    _ title: String, group: OrderType.Group, explanation: String, fields: [OrderFieldKey],
    optional: Set<OrderFieldKey> = [], usage: String, ships: Bool = false,
    completesOnApproval: Bool = false, warning: String? = nil, vendorLabel: String = "Vendor",
    deviceLabel: String = "In-stock device",
    offersLine: @escaping @Sendable (LineState) -> Bool = { $0 == .active },
    check:
      @escaping @Sendable (OrderSubmitCheck, inout OrderRequest, Employee) throws(DomainError) ->
      Void,
    missing: @escaping @Sendable (Order) -> [String] = { _ in [] },
    complete: @escaping @Sendable (OrderCompletion) throws(DomainError) -> OrderEffect
  ) {
    self.title = title
    self.group = group
    self.explanation = explanation
    self.fields = fields
    self.optional = optional
    self.usage = usage
    self.ships = ships
    self.completesOnApproval = completesOnApproval
    self.warning = warning
    self.vendorLabel = vendorLabel
    self.deviceLabel = deviceLabel
    self.offersLine = offersLine
    self.check = check
    self.missing = missing
    self.complete = complete
  }

  /// What the order names: an existing line, or an employee only.
  public var needsLine: Bool { fields.contains(.line) }

  /// True when the order may name `line`.
  public func offers(_ line: Line) -> Bool { offersLine(line.state) }
}

extension OrderType {
  /// The type's description.
  public var spec: OrderTypeSpec {
    switch self {
    case .newLine: return .newLine
    case .warranty: return .warranty
    case .accessory: return .accessory
    case .port: return .port
    case .transferLiability: return .transferLiability
    case .stipendEnrol: return .stipendEnrol
    case .activate: return .activate
    case .upgrade: return .upgrade
    case .features: return .features
    case .changePlan: return .changePlan
    case .changeNumber: return .changeNumber
    case .moveLine: return .moveLine
    case .newSim: return .newSim
    case .restore: return .restore
    case .assign: return .assign
    case .suspend: return .suspend
    case .disconnect: return .disconnect
    case .stipendRemove: return .stipendRemove
    }
  }

  public var group: Group { spec.group }
  public var title: String { spec.title }
  /// The seed's explanation of the type.
  public var explanation: String { spec.explanation }
  /// What the order names: an existing line, or an employee only.
  public var needsLine: Bool { spec.needsLine }
  /// Completes by itself on approval, with no vendor fulfilment.
  public var completesOnApproval: Bool { spec.completesOnApproval }
  /// Ships something, so fulfilment may record tracking numbers.
  public var ships: Bool { spec.ships }
}

/// What fulfilment must record, in the words `missing` uses.
extension Fulfilment {
  func lacks(serviceNumber: Bool = false, serial: Bool = false, sim: Bool = false) -> [String] {
    var missing: [String] = []
    if serviceNumber && self.serviceNumber == nil { missing.append("service number") }
    if serial && serials.isEmpty { missing.append("IMEI/serial") }
    if sim && self.sim == nil { missing.append("SIM ICCID") }
    return missing
  }
}
