/// The order progress milestones that send an email (seed 002): the outbox names each message
/// by one, and the order's screen and `order show --json` say which one a delivery was.
public enum OrderMilestone: String, Sendable, CaseIterable {
  case submitted
  case approvalNeeded = "approval-needed"
  case approved
  case rejected
  case informationRequested = "information-requested"
  case shipped
  case completed
  case cancelled

  public var title: String {
    switch self {
    case .submitted: return "Submitted"
    case .approvalNeeded: return "Approval needed"
    case .approved: return "Approved"
    case .rejected: return "Rejected"
    case .informationRequested: return "Information requested"
    case .shipped: return "Shipped"
    case .completed: return "Completed"
    case .cancelled: return "Cancelled"
    }
  }
}
