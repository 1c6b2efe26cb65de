import StockroomDomain

/// The allocation wizard's answers by name, as plain values: what a draft
/// keeps, and what `stockroom allocate --interactive` builds from its options.
/// Every field is optional, so a record written before a control was added
/// still opens with the answers it has.
public struct AllocationRecord: Codable, Sendable, Equatable {
  /// The account's code (or exact name, as a command was given it).
  public var account: String?
  /// Rental, Sale or Capacity Only.
  public var type: AllocationKind?
  /// A software product (capacity, sms, st-1, mobilepass); nil for hardware.
  public var product: Product?
  /// A hardware model's name; nil for software. Without it, the first
  /// serial's model.
  public var model: String?
  /// Software: how many to allocate. Hardware: the most serials Search lists.
  public var quantity: Int?
  /// Hardware: the serials moved to Allocate, in order; nil before Search.
  public var serials: [String]?
  /// A sale of SMS tokens also allocates the same quantity of capacity.
  public var withCapacity: Bool?
  /// The billing amount, as typed (a decimal such as 12.50).
  public var amount: String?
  public var per: Billing.Basis?
  /// What starts billing, one of `Billing.triggers`.
  public var trigger: String?
  public var customerReference: String?
  public var reference: String?
  public var comment: String?

  public init(
    account: String? = nil, type: AllocationKind? = nil, product: Product? = nil,
    model: String? = nil, quantity: Int? = nil, serials: [String]? = nil,
    withCapacity: Bool? = nil, amount: String? = nil, per: Billing.Basis? = nil,
    trigger: String? = nil, customerReference: String? = nil, reference: String? = nil,
    comment: String? = nil
  ) {
    self.account = account
    self.type = type
    self.product = product
    self.model = model
    self.quantity = quantity
    self.serials = serials
    self.withCapacity = withCapacity
    self.amount = amount
    self.per = per
    self.trigger = trigger
    self.customerReference = customerReference
    self.reference = reference
    self.comment = comment
  }
}
