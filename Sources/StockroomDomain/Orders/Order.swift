/// What an order asks for: the answers of the new-order wizard (each type uses a few).
public struct OrderRequest: Codable, Sendable, Hashable {
  public var type: OrderType
  /// The employee the order is for.
  public var employee: String
  /// The existing line it changes.
  public var line: String?
  public var vendor: String?
  public var voicePlan: String?
  public var dataPlan: String?
  /// The device model to order (new line, upgrade, port with a new device).
  public var model: String?
  /// An in-stock device (activate, move-line).
  public var device: String?
  public var addFeatures: [String]
  public var removeFeatures: [String]
  public var accessory: String?
  public var quantity: Int?
  public var issue: DeviceIssue?
  public var liability: Liability?
  /// The condition the returned device is in (upgrade, port with a new device).
  public var oldCondition: String?

  public init(
    type: OrderType, employee: String, line: String? = nil, vendor: String? = nil,
    voicePlan: String? = nil, dataPlan: String? = nil, model: String? = nil,
    device: String? = nil, addFeatures: [String] = [], removeFeatures: [String] = [],
    accessory: String? = nil, quantity: Int? = nil, issue: DeviceIssue? = nil,
    liability: Liability? = nil, oldCondition: String? = nil
  ) {
    self.type = type
    self.employee = employee
    self.line = line
    self.vendor = vendor
    self.voicePlan = voicePlan
    self.dataPlan = dataPlan
    self.model = model
    self.device = device
    self.addFeatures = addFeatures
    self.removeFeatures = removeFeatures
    self.accessory = accessory
    self.quantity = quantity
    self.issue = issue
    self.liability = liability
    self.oldCondition = oldCondition
  }
}

/// What the vendor did, as fulfilment updates record it.
public struct Fulfilment: Codable, Sendable, Hashable {
  /// The new service number (new line, activate, change number).
  public var serviceNumber: String?
  /// IMEI or serial numbers of the devices shipped.
  public var serials: [String]
  /// The new SIM's ICCID.
  public var sim: String?
  /// Shipping tracking numbers.
  public var tracking: [String]

  public init(
    serviceNumber: String? = nil, serials: [String] = [], sim: String? = nil,
    tracking: [String] = []
  ) {
    self.serviceNumber = serviceNumber
    self.serials = serials
    self.sim = sim
    self.tracking = tracking
  }

  public var isEmpty: Bool {
    serviceNumber == nil && serials.isEmpty && sim == nil && tracking.isEmpty
  }
}

/// A step of an order's workflow.
public enum OrderStep: String, Codable, Sendable, Hashable, CaseIterable {
  case submit, approve, reject, cancel
  case requestInfo = "request-info"
  case respond, fulfil, complete

  public var title: String {
    switch self {
    case .submit: return "Submitted"
    case .approve: return "Approved"
    case .reject: return "Rejected"
    case .cancel: return "Cancelled"
    case .requestInfo: return "Information requested"
    case .respond: return "Information given"
    case .fulfil: return "Fulfilment update"
    case .complete: return "Completed"
    }
  }

  /// The ledger's action code for this step.
  public var action: ActionCode {
    switch self {
    case .submit: return .orderSubmit
    case .approve: return .orderApprove
    case .reject: return .orderReject
    case .cancel: return .orderCancel
    case .requestInfo: return .orderRequestInfo
    case .respond: return .orderRespond
    case .fulfil: return .orderFulfil
    case .complete: return .orderComplete
    }
  }
}

/// One entry of an order's timeline: a workflow step with who, when and comment.
public struct OrderEvent: Codable, Sendable, Hashable {
  public var step: OrderStep
  /// UTC ISO 8601.
  public var time: String
  /// The employee who took the step.
  public var actor: String
  public var comment: String
  /// The state the order was in afterwards.
  public var state: OrderState
  /// What a fulfilment update recorded.
  public var update: Fulfilment?
  /// The chain's level an approval was given at (1, 2, …).
  public var level: Int?

  public init(
    step: OrderStep, time: String, actor: String, comment: String, state: OrderState,
    update: Fulfilment? = nil, level: Int? = nil
  ) {
    self.step = step
    self.time = time
    self.actor = actor
    self.comment = comment
    self.state = state
    self.update = update
    self.level = level
  }
}

/// A wireless order: what was asked, by whom, for whom, and where it is.
public struct Order: Codable, Sendable, Hashable {
  /// `ORD-000123`.
  public var number: String
  public var request: OrderRequest
  public var state: OrderState
  /// The employee who submitted it.
  public var requestedBy: String
  /// The ordered-for employee's manager: who decides at a `manager` level.
  public var approver: String
  public var fulfilment: Fulfilment
  public var timeline: [OrderEvent]
  /// The list price worked out at submission (decimal text); nil for orders from before prices.
  public var price: String?
  /// The chain of the policy in force at submission, with its progress; nil for orders from
  /// before policies (one manager level: `chain`).
  public var approvals: [OrderApproval]?

  public init(
    number: String, request: OrderRequest, state: OrderState, requestedBy: String,
    approver: String, fulfilment: Fulfilment = Fulfilment(), timeline: [OrderEvent] = [],
    price: String? = nil, approvals: [OrderApproval]? = nil
  ) {
    self.number = number
    self.request = request
    self.state = state
    self.requestedBy = requestedBy
    self.approver = approver
    self.fulfilment = fulfilment
    self.timeline = timeline
    self.price = price
    self.approvals = approvals
  }

  public var type: OrderType { request.type }
  public var employee: String { request.employee }
  /// When it was submitted.
  public var created: String { timeline.first?.time ?? "" }
  /// When it last changed.
  public var updated: String { timeline.last?.time ?? "" }

  /// `ORD-000123` for 123.
  public static func number(_ value: Int) -> String {
    let digits = String(value)
    return "ORD-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
  }
}
