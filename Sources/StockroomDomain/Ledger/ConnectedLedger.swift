/// A store reached over a connection that can be lost and found again (the database store),
/// so the runtime can say so on screen, keep a commit whose outcome it did not see, and
/// settle that commit by its idempotency key once the store answers again
/// (docs/DESIGN.md section 7).
public protocol ConnectedLedger: InventoryLedger {
  /// Nil while the store answers; otherwise one line saying why it cannot be reached.
  var connectionLoss: String? { get }
}
