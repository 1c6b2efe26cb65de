import StockroomDomain

/// The receiving wizard's answers by name, as plain values: what a draft
/// keeps, and what `stockroom receive --interactive` builds from its options.
/// Every field is optional, so a record written before a control was added
/// still opens with the answers it has.
public struct ReceiveRecord: Codable, Sendable, Equatable {
  /// A hardware model's name; nil for software.
  public var model: String?
  /// A software product (capacity, sms, st-1, mobilepass); nil for hardware.
  public var product: Product?
  public var ownership: Ownership?
  /// The container's code (or exact name, as a command was given it).
  public var container: String?
  /// The hardware tokens need a token-side PIN.
  public var needsPIN: Bool?
  /// Hardware: the new serials, in order.
  public var serials: [String]?
  /// Software: how many arrive.
  public var quantity: Int?
  public var reference: String?
  public var comment: String?

  public init(
    model: String? = nil, product: Product? = nil, ownership: Ownership? = nil,
    container: String? = nil, needsPIN: Bool? = nil, serials: [String]? = nil,
    quantity: Int? = nil, reference: String? = nil, comment: String? = nil
  ) {
    self.model = model
    self.product = product
    self.ownership = ownership
    self.container = container
    self.needsPIN = needsPIN
    self.serials = serials
    self.quantity = quantity
    self.reference = reference
    self.comment = comment
  }
}
