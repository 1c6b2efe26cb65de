/// A subscription action's reversal is its inverse action, validated by the subscription
/// domain's own rules (life cycle state, availability under the Active definition, the
/// Subscription Definition Rules): the swapped item swapped back, an added item removed, a
/// removed item added again, each with its warehouse transactions.
extension ReversalRequest {
  /// The subscription action that undoes the original, nil when it is not one.
  func inverseSubscriptionCommand() -> SubscriptionCommand? {
    guard let change = original.subscription, let number = change.subscription else { return nil }
    let added = change.added.first { $0.bundle == nil } ?? change.added.first
    switch original.action {
    case .swapInstalledItem:
      guard let new = added?.serial, let old = change.removed.first else { return nil }
      return .swap(
        SwapRequest(
          subscription: number, serial: new, newSerial: old, mode: change.mode,
          reason: .exchanged))
    case .addInstalledItem:
      guard let serial = added?.serial else { return nil }
      return .remove(RemoveRequest(subscription: number, serial: serial))
    case .removeInstalledItem, .undoAddInstalledItem:
      guard let serial = change.removed.first else { return nil }
      return .add(
        AddItemRequest(subscription: number, serial: serial, ownership: ownership(of: serial)))
    default:
      return nil
    }
  }

  /// Rented or sold, as the serial was installed before the original removed it.
  private func ownership(of serial: String) -> ItemOwnership {
    for transaction in earlier(serial) {
      if let item = transaction.subscription?.added.first(where: { $0.serial == serial }) {
        return item.ownership
      }
    }
    return .rented
  }
}

extension Validation {
  /// The inverse subscription action's change, recorded as the reversal's.
  static func reverseSubscription(
    _ request: ReversalRequest, _ state: InventoryState, _ blocked: [String]
  ) throws(DomainError) -> Change {
    let id = request.original.transactionId
    if !blocked.isEmpty {
      throw .reversalRefused("\(id) cannot be reversed: " + blocked.joined(separator: "; "))
    }
    guard let inverse = request.inverseSubscriptionCommand() else {
      throw .reversalRefused("\(id) cannot be reversed: it names no installed item")
    }
    var change: Change
    do throws(DomainError) {
      change = try subscription(inverse, state)
    } catch {
      throw .reversalRefused("\(id) cannot be reversed: \(error.message)")
    }
    change.action = .reverse
    return change
  }
}
