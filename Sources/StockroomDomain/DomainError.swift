/// Why a command was refused; each case names what is wrong.
public enum DomainError: Error, Hashable, Sendable, CustomStringConvertible {
  case unknownAccount(String)
  case unknownContainer(String)
  case unknownModel(String)
  case unknownSerials([String])
  case duplicateSerials([String])
  case alreadyKnownSerials([String])
  case duplicateDefinition(String)
  case noContainer
  case emptySelection
  case notPositive(Int)
  case notAllocatedToAccount(serials: [String], account: String)
  case moreThanAvailable(column: String, requested: Int, available: Int)
  case capacityInUse(requested: Int, available: Int)
  case notEnoughStock(product: String, requested: Int, available: Int)
  case inUseAboveMaximum(column: String, inUse: Int, maximum: Int)
  case notForProduct(String)
  case invalidText(field: DomainField, reason: String)
  case unknownOrderItem(kind: String, name: String)
  case orderRule(String)
  case warrantyExpired(device: String, purchased: String)
  case warrantyDamage(DeviceIssue)
  case lateRestore(line: String, days: Int, vendor: String)
  case selfApproval(order: String, employee: String)
  case notApprover(order: String, approver: String)
  case orderState(order: String, state: String, step: String)
  case unknownSubscription(String)
  case unknownReceivable(String)
  case unknownWarehouse(String)
  case unknownProduct(String)
  case notInstalled(serial: String, subscription: String)
  case receivableNotActive(receivable: String, state: String)
  case noValidWarehouse
  case actionNotAllowed(action: String, state: String)
  case differentProduct(serial: String, product: String, expected: String)
  case itemNotAvailable(String)
  case rulesBroken([String])
  case duplicateReference(String)
  case performedInFuture(String)
  case notAComponent(String)
  case leasedStockNotForSale(product: String, requested: Int, owned: Int)
  /// Every problem with a list of serials, one phrase per kind (`SerialListCheck`).
  case serialList([String])
  /// A reversal refused: what blocks it, or why the transaction cannot be reversed.
  case reversalRefused(String)

  public var description: String { message }

  /// One line naming what is wrong.
  public var message: String {
    switch self {
    case .unknownAccount(let name): return "unknown account \(name)"
    case .unknownContainer(let name): return "unknown container \(name)"
    case .unknownModel(let name): return "unknown hardware model \(name)"
    case .unknownSerials(let serials): return "unknown serial " + Self.list(serials)
    case .duplicateSerials(let serials): return "serial listed twice: " + Self.list(serials)
    case .alreadyKnownSerials(let serials):
      return "serial already in the inventory: " + Self.list(serials)
    case .duplicateDefinition(let name): return "\(name) already exists"
    case .noContainer: return "the service provider has no container"
    case .emptySelection: return "nothing selected"
    case .notPositive(let quantity): return "quantity \(quantity) is not a whole number above 0"
    case .notAllocatedToAccount(let serials, let account):
      return "not allocated to \(account): " + Self.list(serials)
    case .moreThanAvailable(let column, let requested, let available):
      return "\(column): \(requested) is more than the \(available) available"
    case .capacityInUse(let requested, let available):
      return
        "Capacity: \(requested) needed but only \(available) not in use (capacity still in use)"
    case .notEnoughStock(let product, let requested, let available):
      return "\(product): \(requested) requested but the provider holds \(available)"
    case .inUseAboveMaximum(let column, let inUse, let maximum):
      return "\(column): \(inUse) in use is more than the \(maximum) allocated"
    case .notForProduct(let what): return what
    case .invalidText(let field, let reason): return "\(field.label): \(reason)"
    case .unknownOrderItem(let kind, let name): return "unknown \(kind) \(name)"
    case .orderRule(let text): return text
    case .warrantyExpired(let device, let purchased):
      return "warranty replacement refused: \(device) was bought on \(purchased), and vendor "
        + "warranties expire after the first year of ownership; order an Upgrade instead"
    case .warrantyDamage(let issue):
      return "warranty replacement refused: warranties do not cover "
        + (issue == .battery ? "issues because of the battery" : "\(issue.rawValue) damage")
        + "; order an Upgrade instead"
    case .lateRestore(let line, let days, let vendor):
      return "restore refused: \(line) was disconnected \(days) days ago and \(vendor) does not "
        + "allow restoring a line more than 30 days after the disconnect date"
    case .selfApproval(let order, let employee):
      return "nobody approves their own order: \(order) was submitted by \(employee)"
    case .notApprover(let order, let approver):
      return "only the approver \(approver) may decide \(order)"
    case .orderState(let order, let state, let step):
      return "\(order) is \(state): it cannot be \(step)"
    case .unknownSubscription(let number): return "unknown subscription \(number)"
    case .unknownReceivable(let code): return "unknown Accounts Receivable \(code)"
    case .unknownWarehouse(let code): return "unknown warehouse \(code)"
    case .unknownProduct(let code): return "unknown product \(code)"
    case .notInstalled(let serial, let subscription):
      return "\(serial) is not installed on \(subscription)"
    case .receivableNotActive(let receivable, let state):
      return "the subscription's Accounts Receivable \(receivable) is \(state), not Active"
    case .noValidWarehouse:
      return "no valid warehouse for removed items in an Active Inventory Management Definition"
    case .actionNotAllowed(let action, let state):
      return "\(action) is not available in the Life Cycle State \(state): it is "
        + LifeCycleState.itemActionStatesText
    case .differentProduct(let serial, let product, let expected):
      return "\(serial) is a \(product), not a \(expected): the new item must be the same product"
    case .itemNotAvailable(let serial):
      return "\(serial) is not available under the Active Inventory Management Definition"
    case .rulesBroken(let rules):
      return "Subscription Definition Rules broken: " + rules.joined(separator: "; ")
    case .duplicateReference(let reference):
      return "transaction reference \(reference) is already used by another action"
    case .performedInFuture(let time): return "performed date \(time) is in the future"
    case .notAComponent(let serial): return "\(serial) is not a component of a bundle"
    case .leasedStockNotForSale(let product, let requested, let owned):
      return "\(product) Sale: \(requested) requested but the provider owns \(owned); "
        + "leased stock can only be rented"
    case .serialList(let problems): return problems.joined(separator: "; ")
    case .reversalRefused(let reason): return reason
    }
  }

  private static func list(_ serials: [String]) -> String {
    let shown = serials.prefix(10).joined(separator: ", ")
    return serials.count > 10 ? shown + " and \(serials.count - 10) more" : shown
  }
}
