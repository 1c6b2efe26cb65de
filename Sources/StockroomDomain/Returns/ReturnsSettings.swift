/// The returns bench's held settings: they stay put between scans and apply to the scans that
/// follow; the Reference and Comment go on every account's transaction of the session.
public struct ReturnsSettings: Hashable, Sendable, Codable {
  public var disposition: ReturnDisposition
  /// A container code or name; nil: the default container.
  public var container: String?
  public var reference: String
  public var comment: String
  /// Why the session's tokens came back, when the bench was told.
  public var returnReason: ReturnReason?

  public init(
    disposition: ReturnDisposition = .return, container: String? = nil, reference: String = "",
    comment: String = "", returnReason: ReturnReason? = nil
  ) {
    self.disposition = disposition
    self.container = container
    self.reference = reference
    self.comment = comment
    self.returnReason = returnReason
  }
}
