/// The returns bench's held settings: they stay put between scans and apply to the scans that
/// follow; the Reference and Comment go on every account's transaction of the session.
public struct ReturnsSettings: Hashable, Sendable, Codable {
  public var disposition: ReturnDisposition
  /// A container code or name; nil: the default container.
  public var container: String?
  public var reference: String
  public var comment: String

  public init(
    disposition: ReturnDisposition = .return, container: String? = nil, reference: String = "",
    comment: String = ""
  ) {
    self.disposition = disposition
    self.container = container
    self.reference = reference
    self.comment = comment
  }
}
