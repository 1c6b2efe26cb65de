/// The answer a refusal is about: what to change so the command goes through. A screen
/// maps it to the control that gives that answer, so a refusal at Confirm takes the user
/// to the field to fix; a headless command names it in its message.
public enum DomainField: String, Hashable, Sendable, Codable, CaseIterable {
  case account, container, model, product, serials, quantity
  case reference, comment
  case amount, billingTrigger, customerReference
  case serviceNumber, performedDate
  case why

  /// The field's name as messages begin with it ("Reference: …").
  public var label: String {
    switch self {
    case .account: return "Account"
    case .container: return "Container"
    case .model: return "Model"
    case .product: return "Product"
    case .serials: return "Serial"
    case .quantity: return "Quantity"
    case .reference: return "Reference"
    case .comment: return "Comment"
    case .amount: return "Amount"
    case .billingTrigger: return "Billing trigger"
    case .customerReference: return "Customer reference"
    case .serviceNumber: return "Service number"
    case .performedDate: return "Performed date"
    case .why: return "Why"
    }
  }
}

extension DomainError {
  /// The answer this refusal is about; nil when it is about the command as a whole
  /// (an order's state, a subscription's owner) or about something no answer changes.
  public var field: DomainField? {
    switch self {
    case .unknownAccount: return .account
    case .unknownContainer, .noContainer: return .container
    case .unknownModel: return .model
    case .notForProduct: return .product
    case .unknownSerials, .duplicateSerials, .alreadyKnownSerials, .emptySelection,
      .notAllocatedToAccount, .serialList:
      return .serials
    case .notPositive, .moreThanAvailable, .capacityInUse, .notEnoughStock, .inUseAboveMaximum,
      .leasedStockNotForSale:
      return .quantity
    case .invalidText(let field, _): return field
    case .duplicateReference: return .reference
    case .performedInFuture: return .performedDate
    default: return nil
    }
  }
}
