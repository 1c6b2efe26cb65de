/// The validated effect of an order command, as the ledger records it: replayed without
/// re-checking any rule.
public struct OrderChange: Hashable, Sendable, Codable {
  /// Reference data (the `order-setup` action).
  public var setup: OrderSetup?
  /// The order the change is about.
  public var number: String?
  /// A new order (submit), whole.
  public var order: Order?
  /// The step taken on an existing order, with who, when and comment.
  public var event: OrderEvent?
  /// What completion does to the inventory.
  public var effect: OrderEffect?
  /// The approval policy set (the `approval-policy` action).
  public var policy: ApprovalPolicy?

  public init(
    setup: OrderSetup? = nil, number: String? = nil, order: Order? = nil,
    event: OrderEvent? = nil, effect: OrderEffect? = nil, policy: ApprovalPolicy? = nil
  ) {
    self.policy = policy
    self.setup = setup
    self.number = number
    self.order = order
    self.event = event
    self.effect = effect
  }
}
