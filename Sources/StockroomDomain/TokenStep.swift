/// What one hardware item of a change does to each of its serials, with the names it gives
/// (account, model, container) already found in the state. `apply(_:)` works one out per item
/// and applies it to the item's serials; verify's replay of a large ledger (docs/DESIGN.md
/// section 6) works it out once and applies it to the serials part by part, so both run the
/// same rules.
public struct TokenStep: Hashable, Sendable {
  public var action: ActionCode
  /// The account the change names (an index into `InventoryState.accounts`).
  public var holder: Int?
  public var model: UInt8
  /// Where received tokens go (always set for a receipt), or returned ones when named.
  public var container: UInt8?
  public var type: AllocationType?
  public var disposition: Disposition?
  public var ownership: Ownership
  public var needsPIN: Bool
  public var inUse: Bool

  public init(
    action: ActionCode, holder: Int?, model: UInt8, container: UInt8?,
    type: AllocationType? = nil, disposition: Disposition? = nil, ownership: Ownership = .owned,
    needsPIN: Bool = false, inUse: Bool = false
  ) {
    self.action = action
    self.holder = holder
    self.model = model
    self.container = container
    self.type = type
    self.disposition = disposition
    self.ownership = ownership
    self.needsPIN = needsPIN
    self.inUse = inUse
  }
}
