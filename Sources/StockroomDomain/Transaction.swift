/// What a transaction does, as recorded in the ledger.
public enum ActionCode: String, CaseIterable, Hashable, Sendable, Codable {
  /// Provider, containers, hardware models and accounts come into existence.
  case define
  /// New stock arrives in the provider's inventory.
  case receive
  /// Stock goes from the provider to an account.
  case allocate
  /// SMS, capacity or ST-1 quantities go back to the provider.
  case deallocateSoftware = "deallocate-software"
  /// MobilePASS quantities go back to the provider.
  case deallocateMobilePass = "deallocate-mobilepass"
  /// Hardware serials go back with a disposition.
  case deallocateHardware = "deallocate-hardware"
  /// Faulty hardware becomes available again.
  case reinitialize
  /// The account's Virtual Server assigns tokens to users (sets In Use).
  case assign
  /// Employees, vendors, lines and devices of the wireless orders area come into existence.
  case orderSetup = "order-setup"
  /// A wireless order is submitted.
  case orderSubmit = "order-submit"
  /// An approver approves an order.
  case orderApprove = "order-approve"
  /// An approver rejects an order.
  case orderReject = "order-reject"
  /// An order is cancelled.
  case orderCancel = "order-cancel"
  /// An approver asks the requester for more information.
  case orderRequestInfo = "order-request-info"
  /// The requester answers, and the order returns to approval.
  case orderRespond = "order-respond"
  /// Fulfilment records what the vendor did.
  case orderFulfil = "order-fulfil"
  /// The order is complete and the inventory follows.
  case orderComplete = "order-complete"
  /// The approval policy changes (issue 20).
  case approvalPolicy = "approval-policy"
  /// ADDINSTALLEDITEM: an item from a warehouse onto a subscription.
  case addInstalledItem = "add-installed-item"
  /// SWAPINSTALLEDITEM: an installed item replaced by a new one of the same product.
  case swapInstalledItem = "swap-installed-item"
  /// REMOVEINSTALLEDITEM: an installed item leaves a subscription.
  case removeInstalledItem = "remove-installed-item"
  /// UNDOADDINSTITEM: in Draft, an added item goes back as if never added.
  case undoAddInstalledItem = "undo-add-installed-item"
  /// A subscription is opened in Draft.
  case openSubscription = "open-subscription"
  /// A subscription moves to another life cycle state.
  case changeSubscriptionState = "change-subscription-state"
  /// A reversal: undoes an earlier transaction's effect, which stays in the ledger as it was.
  case reverse
}

/// One thing a transaction moves: a quantity of a software product, or hardware serials.
public struct TransactionItem: Hashable, Sendable, Codable {
  public var product: Product
  public var type: AllocationType?
  public var quantity: Int?
  public var model: String?
  public var serials: [String]?
  public var ownership: Ownership?
  public var container: String?
  public var disposition: Disposition?
  public var needsPIN: Bool?
  public var inUse: Bool?

  public init(
    product: Product, type: AllocationType? = nil, quantity: Int? = nil, model: String? = nil,
    serials: [String]? = nil, ownership: Ownership? = nil, container: String? = nil,
    disposition: Disposition? = nil, needsPIN: Bool? = nil, inUse: Bool? = nil
  ) {
    self.product = product
    self.type = type
    self.quantity = quantity
    self.model = model
    self.serials = serials
    self.ownership = ownership
    self.container = container
    self.disposition = disposition
    self.needsPIN = needsPIN
    self.inUse = inUse
  }
}

/// The entities a `define` transaction creates.
public struct Definitions: Hashable, Sendable, Codable {
  public var provider: String?
  public var containers: [Container]
  public var models: [String]
  public var accounts: [AccountDefinition]

  public init(
    provider: String? = nil, containers: [Container] = [], models: [String] = [],
    accounts: [AccountDefinition] = []
  ) {
    self.provider = provider
    self.containers = containers
    self.models = models
    self.accounts = accounts
  }
}

/// A new account's code and name, and its contact address when it has one.
public struct AccountDefinition: Hashable, Sendable, Codable {
  public var code: String
  public var name: String
  /// An e-mail address (returns receipts are mailed there).
  public var contact: String?

  public init(code: String, name: String, contact: String? = nil) {
    self.code = code
    self.name = name
    self.contact = contact
  }
}

/// The validated effect of a command, before the store gives it an identity.
public struct Change: Hashable, Sendable, Codable {
  public var action: ActionCode
  public var account: String?
  public var items: [TransactionItem]
  public var definitions: Definitions?
  /// What a subscription action changes (issue 7).
  public var subscription: SubscriptionChange?
  /// What an order action changes (issue 8).
  public var order: OrderChange?
  /// What a reversal undoes (issue 18).
  public var reversal: ReversalChange?

  public init(
    action: ActionCode, account: String? = nil, items: [TransactionItem] = [],
    definitions: Definitions? = nil, subscription: SubscriptionChange? = nil,
    order: OrderChange? = nil, reversal: ReversalChange? = nil
  ) {
    self.action = action
    self.account = account
    self.items = items
    self.definitions = definitions
    self.subscription = subscription
    self.order = order
    self.reversal = reversal
  }
}

/// Who committed a transaction and why: filled by the committing process.
public struct TransactionContext: Hashable, Sendable, Codable {
  /// OS user name, from the process's uid.
  public var user: String
  public var uid: UInt32
  /// The person the action was performed by, where it has one.
  public var performedBy: String?
  /// Up to 64 characters (letters, digits, spaces, `- _ / . # :`).
  public var reference: String
  /// Up to 128 printable characters.
  public var comment: String
  /// What an allocation bills (issue 6).
  public var billing: Billing?
  /// The returns bench session the transaction came from, when it did.
  public var session: String?
  /// Why the tokens came back, when a deallocation was told.
  public var returnReason: ReturnReason?

  public init(
    user: String, uid: UInt32, performedBy: String? = nil, reference: String = "",
    comment: String = "", billing: Billing? = nil, session: String? = nil,
    returnReason: ReturnReason? = nil
  ) {
    self.user = user
    self.uid = uid
    self.performedBy = performedBy
    self.reference = reference
    self.comment = comment
    self.billing = billing
    self.session = session
    self.returnReason = returnReason
  }
}

/// One committed, durable change: the unit of the ledger (docs/DESIGN.md section 6).
public struct Transaction: Hashable, Sendable, Codable {
  /// The record kind of inventory transactions.
  public static let recordKind = "transaction"

  /// `T000123`: the ledger sequence number.
  public var transactionId: String
  /// Chosen by the committing process so a retry is never applied twice.
  public var key: String
  public var kind: String
  /// The record format version.
  public var version: Int
  public var action: ActionCode
  public var account: String?
  public var user: String
  public var uid: UInt32
  public var performedBy: String?
  /// UTC, ISO 8601.
  public var time: String
  public var reference: String
  public var comment: String
  public var items: [TransactionItem]
  public var definitions: Definitions?
  public var subscription: SubscriptionChange?
  public var order: OrderChange?
  /// What an allocation bills, when it does.
  public var billing: Billing?
  /// The returns bench session a `deallocate-hardware` transaction came from, when it did.
  public var session: String?
  /// Why the tokens of a deallocation came back, when it was told.
  public var returnReason: ReturnReason?
  /// Which transaction this one reverses, and why, when it is a reversal.
  public var reversal: ReversalChange?

  public init(
    sequence: UInt64, key: String, version: Int, time: String, change: Change,
    context: TransactionContext
  ) {
    transactionId = Transaction.identifier(sequence: sequence)
    self.key = key
    kind = Transaction.recordKind
    self.version = version
    action = change.action
    account = change.account
    user = context.user
    uid = context.uid
    performedBy = context.performedBy
    self.time = time
    reference = context.reference
    comment = context.comment
    items = change.items
    definitions = change.definitions
    subscription = change.subscription
    order = change.order
    billing = context.billing
    session = context.session
    returnReason = context.returnReason
    reversal = change.reversal
  }

  /// The change this transaction applies.
  public var change: Change {
    Change(
      action: action, account: account, items: items, definitions: definitions,
      subscription: subscription, order: order, reversal: reversal)
  }

  /// `T000123` for sequence 123.
  public static func identifier(sequence: UInt64) -> String {
    let digits = String(sequence)
    return "T" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
  }

  /// Every serial this transaction names.
  public var serials: [String] { items.flatMap { $0.serials ?? [] } }
}

extension Transaction {
  private enum CodingKeys: String, CodingKey {
    case transactionId, key, kind, version, action, account, user, uid, performedBy, time
    case reference, comment, items, definitions, subscription, order, billing, session
    case returnReason
    case reversal
  }

  /// Every documented field is always present: `account` and `performedBy`
  /// are `null` when the action has none, so scripts can rely on the keys.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(transactionId, forKey: .transactionId)
    try container.encode(key, forKey: .key)
    try container.encode(kind, forKey: .kind)
    try container.encode(version, forKey: .version)
    try container.encode(action, forKey: .action)
    try container.encode(account, forKey: .account)
    try container.encode(user, forKey: .user)
    try container.encode(uid, forKey: .uid)
    try container.encode(performedBy, forKey: .performedBy)
    try container.encode(time, forKey: .time)
    try container.encode(reference, forKey: .reference)
    try container.encode(comment, forKey: .comment)
    try container.encode(items, forKey: .items)
    try container.encodeIfPresent(definitions, forKey: .definitions)
    try container.encodeIfPresent(subscription, forKey: .subscription)
    try container.encodeIfPresent(order, forKey: .order)
    try container.encodeIfPresent(billing, forKey: .billing)
    try container.encodeIfPresent(session, forKey: .session)
    try container.encodeIfPresent(returnReason, forKey: .returnReason)
    try container.encodeIfPresent(reversal, forKey: .reversal)
  }
}
