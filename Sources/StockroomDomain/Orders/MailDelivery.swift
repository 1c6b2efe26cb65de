/// Where one order notification stands on its way out. The outbox reports it; the order's
/// screen and `order show --json` show it from this value, so neither reads the outbox itself.
public struct MailDelivery: Sendable, Equatable {
  /// `pending`: in the outbox, not handed on yet; `delivered`: the sendmail program took it;
  /// `failed`: the last try failed, and the message waits in the outbox for the next.
  public enum State: String, Sendable, CaseIterable {
    case pending, delivered, failed
  }

  public var order: String
  public var milestone: String
  public var transactionId: String
  /// The addresses the message goes to.
  public var to: [String]
  public var state: State
  /// How many tries failed so far.
  public var attempts: Int
  /// Why the last try failed (`failed` only).
  public var error: String?

  public init(
    order: String, milestone: String, transactionId: String, to: [String], state: State,
    attempts: Int = 0, error: String? = nil
  ) {
    self.order = order
    self.milestone = milestone
    self.transactionId = transactionId
    self.to = to
    self.state = state
    self.attempts = attempts
    self.error = error
  }

  /// The milestone as a title ("Approval needed"), or as stored when unknown.
  public var milestoneTitle: String {
    OrderMilestone(rawValue: milestone)?.title ?? milestone
  }
}
