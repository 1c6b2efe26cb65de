import StockroomDomain

/// The deallocation wizard's answers by name, as plain values: what a draft
/// keeps, and what a headless twin's options give `--interactive`. Every
/// answer is optional, so a draft written before a control was added still
/// opens with the answers it has.
public struct DeallocationRecord: Hashable, Sendable, Codable {
  /// Which of the three deallocation flows the answers are for.
  public enum Flow: String, Hashable, Sendable, Codable {
    case software
    case mobilePass
    case hardware
  }

  public var flow: Flow
  /// Account code or exact name, as given.
  public var account: String?
  /// Capacity, SMS or ST-1 (software flow only).
  public var product: Product?
  /// Rental or Sale (SMS only).
  public var type: AllocationType?
  public var quantity: Int?
  /// Serials to put in Deallocate (hardware flow), in the order given.
  public var serials: [String]?
  public var disposition: Disposition?
  /// Container code or exact name; nil means the provider's default container.
  public var container: String?
  public var reference: String?
  public var comment: String?
  /// Why the tokens came back (`ReturnReason`), when given.
  public var returnReason: ReturnReason?
  /// The hardware model's name ("RB-1"); without it, the first serial's model.
  public var model: String?
  /// The pick list's Quantity (the most serials to list), as typed.
  public var listQuantity: String?
  /// The serials marked in Allocated, not yet moved.
  public var marked: [String]?

  public init(
    flow: Flow, account: String? = nil, product: Product? = nil, type: AllocationType? = nil,
    quantity: Int? = nil, serials: [String]? = nil, disposition: Disposition? = nil,
    container: String? = nil, reference: String? = nil, comment: String? = nil,
    returnReason: ReturnReason? = nil
  ) {
    self.flow = flow
    self.account = account
    self.product = product
    self.type = type
    self.quantity = quantity
    self.serials = serials
    self.disposition = disposition
    self.container = container
    self.reference = reference
    self.comment = comment
    self.returnReason = returnReason
  }

  /// The allocation-table column the software answers name, when they name one.
  public var column: SoftwareColumn? {
    switch flow {
    case .mobilePass: return .mobilePass
    case .hardware: return nil
    case .software:
      guard let product else { return nil }
      return SoftwareColumn(product: product, type: type)
    }
  }
}
