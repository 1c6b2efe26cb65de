/// An action a user asks for, as a value: validated against a state it becomes a `Change`.
public enum Command: Hashable, Sendable {
  /// Create provider, containers, models and accounts.
  case define(Definitions)
  /// New software stock into a container (nil: the default one).
  case receiveSoftware(product: Product, quantity: Int, ownership: Ownership, container: String?)
  /// New hardware serials of a model into a container.
  case receiveHardware(
    model: String, serials: [String], ownership: Ownership, container: String?, needsPIN: Bool)
  /// Software quantities to an account; rental SMS brings capacity, `withCapacity` adds it
  /// to a sale.
  case allocateSoftware(account: String, column: SoftwareColumn, quantity: Int, withCapacity: Bool)
  /// Available hardware serials to an account; with a container (code or name), only
  /// serials kept there.
  case allocateHardware(
    account: String, serials: [String], type: AllocationType, container: String? = nil)
  /// Capacity, SMS (rental or sale) or ST-1 back to a container.
  case deallocateSoftware(
    account: String, column: SoftwareColumn, quantity: Int, container: String?)
  /// MobilePASS back to a container.
  case deallocateMobilePass(account: String, quantity: Int, container: String?)
  /// Allocated, unused serials back with a disposition.
  case deallocateHardware(
    account: String, serials: [String], disposition: Disposition, container: String?)
  /// Allocated, unused serials of one account back, each group with its own disposition and
  /// container: one `deallocate-hardware` transaction (the returns bench).
  case returnHardware(account: String, returns: [HardwareReturn])
  /// Faulty serials become available.
  case reinitialize(serials: [String])
  /// Set how many of a software column are in use in the account.
  case assignSoftware(account: String, column: SoftwareColumn, inUse: Int)
  /// Mark allocated serials as assigned to users, or not.
  case assignHardware(account: String, serials: [String], inUse: Bool)
  /// A subscription action (issue 7).
  case subscription(SubscriptionCommand)
  /// A wireless order action (issue 8).
  case order(OrderCommand)
  /// Undo a transaction's effect by a new one (issue 18).
  case reverse(ReversalRequest)
}

/// Serials of one account going back with one disposition into one container (nil: the
/// default one): a part of a `returnHardware` command.
public struct HardwareReturn: Hashable, Sendable, Codable {
  public var serials: [String]
  public var disposition: Disposition
  public var container: String?

  public init(serials: [String], disposition: Disposition, container: String? = nil) {
    self.serials = serials
    self.disposition = disposition
    self.container = container
  }
}
