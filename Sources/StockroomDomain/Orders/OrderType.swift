/// Every wireless order type of the seed (002), plus Upgrade.
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

  public var group: Group {
    switch self {
    case .newLine, .warranty, .accessory, .port, .transferLiability, .stipendEnrol, .activate,
      .upgrade:
      return .new
    case .features, .changePlan, .changeNumber, .moveLine, .newSim, .restore, .assign:
      return .modify
    case .suspend, .disconnect, .stipendRemove:
      return .delete
    }
  }

  public var title: String {
    switch self {
    case .newLine: return "New device and line"
    case .warranty: return "Warranty replacement"
    case .accessory: return "Accessory"
    case .port: return "Port to another vendor"
    case .transferLiability: return "Transfer of liability"
    case .stipendEnrol: return "Stipend enrolment"
    case .activate: return "Activate in-stock device"
    case .upgrade: return "Upgrade"
    case .features: return "Add or remove features"
    case .changePlan: return "Change plan"
    case .changeNumber: return "Change phone number"
    case .moveLine: return "Line onto in-stock device"
    case .newSim: return "New SIM"
    case .restore: return "Restore line"
    case .assign: return "Assign or reassign line"
    case .suspend: return "Suspend line"
    case .disconnect: return "Disconnect line"
    case .stipendRemove: return "Remove from stipend"
    }
  }

  /// The seed's explanation of the type.
  public var explanation: String {
    switch self {
    case .newLine: return "This transaction results in a brand new device and line of service."
    case .warranty: return OrderRules.warrantyWarning
    case .accessory:
      return "Order a new accessory (s) like a battery, case, headset, etc., for an existing "
        + "device."
    case .port:
      return "Move an active line of service from one vendor to another. The user can order a "
        + "new device if necessary, but it's not required if the device is compatible on the "
        + "network they move to."
    case .transferLiability:
      return "Transfer an existing service from a personal account to a corporate account OR "
        + "transfer a service billing on the corporate account to an user's personal account."
    case .stipendEnrol: return "Enroll a user in the stipend plan reimbursement program."
    case .activate: return "Activate service to an In Stock device."
    case .upgrade:
      return "A new device on an existing line of service; the old device is returned to stock."
    case .features: return "Add or remove one or more features for an existing line of service."
    case .changePlan: return "Change the voice and/or data plan for an existing line of service."
    case .changeNumber: return "Change the phone number of an existing line of service."
    case .moveLine:
      return "Use this transaction when you have a device with no service, on hand (in stock) "
        + "and want to update it with an existing, active line of service."
    case .newSim: return "Request a new SIM for a device."
    case .restore:
      return "Restore service to a suspended or disconnected line. For disconnects, some "
        + "vendors do not allow reactivation 30 days after the disconnect date."
    case .assign:
      return "Assign or reassign a line of service to an employee. Upon approval, the "
        + "transaction automatically completes and updates the service-to-employee assignment "
        + "in inventory. This transaction does NOT require vendor order fulfillment as it "
        + "completes automatically upon approval."
    case .suspend: return "Temporarily suspend an active line of service."
    case .disconnect: return "Disconnect the line of service."
    case .stipendRemove: return "Remove the user from the stipend plan reimbursement program."
    }
  }

  /// What the order names: an existing line, or an employee only.
  public var needsLine: Bool {
    switch self {
    case .newLine, .accessory, .stipendEnrol, .activate, .stipendRemove: return false
    default: return true
    }
  }

  /// Completes by itself on approval, with no vendor fulfilment.
  public var completesOnApproval: Bool { self == .assign }

  /// Ships something, so fulfilment may record tracking numbers.
  public var ships: Bool {
    switch self {
    case .newLine, .warranty, .accessory, .port, .upgrade, .newSim: return true
    default: return false
    }
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
