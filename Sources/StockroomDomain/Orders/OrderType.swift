/// Every wireless order type of the seed (002), plus Upgrade; what each means is its
/// `spec` (`OrderTypeSpec`).
public enum OrderType: String, Codable, Sendable, Hashable, CaseIterable {
  case newLine = "new-line"
  case warranty
  case accessory
  case port
  case transferLiability = "transfer-liability"
  case stipendEnrol = "stipend-enrol"
  case activate
  case upgrade
  case features
  case changePlan = "change-plan"
  case changeNumber = "change-number"
  case moveLine = "move-line"
  case newSim = "new-sim"
  case restore
  case assign
  case suspend
  case disconnect
  case stipendRemove = "stipend-remove"

  /// New, modify or delete request, as the seed groups them.
  public enum Group: String, Sendable, CaseIterable {
    case new = "New requests"
    case modify = "Modify requests"
    case delete = "Delete requests"
  }
}

/// Where an order is in its workflow.
public enum OrderState: String, Codable, Sendable, Hashable, CaseIterable {
  case pendingApproval = "pending-approval"
  case informationRequested = "information-requested"
  case inFulfilment = "in-fulfilment"
  case completed
  case rejected
  case cancelled

  public var isOpen: Bool {
    switch self {
    case .pendingApproval, .informationRequested, .inFulfilment: return true
    case .completed, .rejected, .cancelled: return false
    }
  }

  public var title: String {
    switch self {
    case .pendingApproval: return "Pending approval"
    case .informationRequested: return "Information requested"
    case .inFulfilment: return "In fulfilment"
    case .completed: return "Completed"
    case .rejected: return "Rejected"
    case .cancelled: return "Cancelled"
    }
  }
}

/// Damage reported for a warranty replacement; only a defect is covered.
public enum DeviceIssue: String, Codable, Sendable, Hashable, CaseIterable {
  case defect, physical, liquid, battery

  public var title: String {
    switch self {
    case .defect: return "Defect (fault without damage)"
    case .physical: return "Physical damage"
    case .liquid: return "Liquid damage"
    case .battery: return "Battery issue"
    }
  }
}
