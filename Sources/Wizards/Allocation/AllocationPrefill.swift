import StockroomDomain
import TerminalUI

/// The answers `stockroom allocate --interactive` was given, so the wizard
/// opens filled in at the first step that still needs an answer.
public struct AllocationPrefill: Hashable, Sendable {
  public var account: String?
  public var product: Product?
  public var type: AllocationType?
  public var withCapacity: Bool
  public var quantity: Int?
  public var serials: [String]?
  public var amount: String?
  public var per: Billing.Basis?
  public var trigger: String?
  public var customerReference: String?
  public var reference: String?
  public var comment: String?

  public init(
    account: String?, product: Product? = nil, type: AllocationType? = nil,
    withCapacity: Bool = false, quantity: Int? = nil, serials: [String]? = nil,
    amount: String? = nil, per: Billing.Basis? = nil, trigger: String? = nil,
    customerReference: String? = nil, reference: String? = nil, comment: String? = nil
  ) {
    self.account = account
    self.product = product
    self.type = type
    self.withCapacity = withCapacity
    self.quantity = quantity
    self.serials = serials
    self.amount = amount
    self.per = per
    self.trigger = trigger
    self.customerReference = customerReference
    self.reference = reference
    self.comment = comment
  }

  /// The account's allocation table and the wizard above it, or the account chooser.
  public func screens(context: AppContext) -> [any Screen] {
    let state = context.state
    guard let code = account, let index = state.accountIndex(code),
      var made = AllocationFlow.make(account: index, context: context)
    else { return [AccountsScreen(context: context, purpose: .allocate)] }
    let table = AllocationScreen(account: index, context: context)
    var answers = made.answers
    let kind: AllocationKind =
      product == .capacity ? .capacityOnly : (type == .sale ? .sale : .rental)
    answers.kind.choose(kind.rawValue)
    answers.rebuildProducts(state: state, keeping: nil)
    var wanted: AllocationChoice?
    if let first = serials?.first, let token = state.token(serial: first) {
      wanted = .hardware(model: Int(token.model))
    } else if let product {
      let column: SoftwareColumn? =
        product == .sms
        ? (kind == .sale ? .smsSale : .smsRental) : SoftwareColumn(product: product, type: nil)
      wanted = column.map { .software($0) }
    }
    if let wanted, let at = answers.choices.firstIndex(of: wanted) {
      answers.product.choose(at)
      answers.refreshLimit(state: state)
    }
    if withCapacity && answers.choice == .software(.smsSale) {
      answers.withCapacity = true
      answers.refreshLimit(state: state)
    }
    if let quantity { answers.quantity.setText(String(quantity)) }
    if let serials, case .hardware(let model) = answers.choice {
      answers.pick.fill(
        AllocationAnswers.availableSerials(
          model: model, kind: kind, state: state, limit: answers.pick.limit))
      answers.pick.pick(serials)
    }
    if let amount { answers.amount.setText(amount) }
    if let per, let at = Billing.Basis.allCases.firstIndex(of: per) { answers.per.select(at) }
    if let trigger, let at = Billing.triggers.firstIndex(of: trigger) {
      answers.trigger.select(at)
    }
    if let customerReference { answers.customerReference.setText(customerReference) }
    if let reference { answers.fields.reference.setText(reference) }
    if let comment { answers.fields.comment.setText(comment) }
    made.answers = answers
    var step = 0
    if wanted != nil {
      step = 1
      if made.flow.refusal(step: 1, answers: answers) == nil { step = amount == nil ? 2 : 3 }
    }
    return [table, LegacyWizardScreen(flow: made.flow, answers: made.answers, step: step)]
  }
}
