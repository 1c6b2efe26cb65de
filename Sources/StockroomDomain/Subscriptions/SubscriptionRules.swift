/// The five families of Subscription Definition Rules the seeds name.
public enum RuleFamily: String, CaseIterable, Hashable, Sendable, Codable {
  case subscription
  case service
  case serviceDistributor = "service-distributor"
  case installedItem = "installed-item"
  case installedItemDistributor = "installed-item-distributor"

  /// The seeds' words for the family.
  public var title: String {
    switch self {
    case .subscription: return "Subscription restriction"
    case .service: return "Subscription Service restriction"
    case .serviceDistributor: return "Subscription Service Distributor restriction"
    case .installedItem: return "Subscription Installed Item restriction"
    case .installedItemDistributor: return "Installed Item Distributor restriction"
    }
  }
}

/// What one rule checks; each case belongs to one family.
public enum RuleCheck: Hashable, Sendable, Codable {
  /// A subscription holds at most this many installed items (components count).
  case mostItems(Int)
  /// A subscription holds only these products.
  case allowedProducts([String])
  /// A subscription with this service needs an installed item of this product.
  case serviceNeedsProduct(service: String, product: String)
  /// Services provisioned on `distributor` need an installed item distributed on `needs`.
  case serviceDistributorNeedsItemOn(distributor: String, needs: String)
  /// An installed item of this product needs this service on the subscription.
  case productNeedsService(product: String, service: String)
  /// At most this many installed items are distributed on `distributor`.
  case distributorMostItems(distributor: String, most: Int)

  /// The family the check belongs to.
  public var family: RuleFamily {
    switch self {
    case .mostItems, .allowedProducts: return .subscription
    case .serviceNeedsProduct: return .service
    case .serviceDistributorNeedsItemOn: return .serviceDistributor
    case .productNeedsService: return .installedItem
    case .distributorMostItems: return .installedItemDistributor
    }
  }

  /// The rule in words.
  public var text: String {
    switch self {
    case .mostItems(let most): return "at most \(most) installed items"
    case .allowedProducts(let products):
      return "only products " + products.joined(separator: ", ")
    case .serviceNeedsProduct(let service, let product):
      return "service \(service) needs an installed \(product)"
    case .serviceDistributorNeedsItemOn(let distributor, let needs):
      return "services on \(distributor) need an item on \(needs)"
    case .productNeedsService(let product, let service):
      return "\(product) needs service \(service)"
    case .distributorMostItems(let distributor, let most):
      return "at most \(most) items on \(distributor)"
    }
  }

  /// Nil when `subscription` observes the rule, else what breaks it.
  public func breach(_ subscription: Subscription) -> String? {
    let items = subscription.items
    switch self {
    case .mostItems(let most):
      return items.count > most ? "\(items.count) installed items" : nil
    case .allowedProducts(let products):
      let foreign = items.filter { !products.contains($0.product) }.map(\.serial)
      return foreign.isEmpty ? nil : "not allowed: " + foreign.joined(separator: ", ")
    case .serviceNeedsProduct(let service, let product):
      guard subscription.services.contains(where: { $0.code == service }) else { return nil }
      return items.contains { $0.product == product } ? nil : "no \(product) installed"
    case .serviceDistributorNeedsItemOn(let distributor, let needs):
      guard subscription.services.contains(where: { $0.distributor == distributor }) else {
        return nil
      }
      return items.contains { $0.distributors.contains(needs) } ? nil : "no item on \(needs)"
    case .productNeedsService(let product, let service):
      guard items.contains(where: { $0.product == product }) else { return nil }
      return subscription.services.contains { $0.code == service }
        ? nil : "no service \(service)"
    case .distributorMostItems(let distributor, let most):
      let count = items.filter { $0.distributors.contains(distributor) }.count
      return count > most ? "\(count) items on \(distributor)" : nil
    }
  }
}

/// One Subscription Definition Rule; Active rules are checked for Effective subscriptions.
public struct DefinitionRule: Hashable, Sendable, Codable {
  /// `R-01`.
  public var code: String
  public var active: Bool
  public var check: RuleCheck

  public init(code: String, active: Bool = true, check: RuleCheck) {
    self.code = code
    self.active = active
    self.check = check
  }

  /// The rule's family.
  public var family: RuleFamily { check.family }

  /// "R-01 Subscription restriction: at most 8 installed items".
  public var text: String { "\(code) \(family.title): \(check.text)" }
}
