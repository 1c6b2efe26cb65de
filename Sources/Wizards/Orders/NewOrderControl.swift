import StockroomDomain

extension NewOrderFlow {
  /// A control of the new-order wizard: the list of order types, or one detail field.
  /// Written in a draft as one word ("type", "line", "voicePlan").
  public enum Control: Hashable, Sendable, Codable {
    case type
    case field(OrderFieldKey)

    /// "type", or the field's name.
    public var name: String {
      switch self {
      case .type: return "type"
      case .field(let key): return key.rawValue
      }
    }

    /// The control called `name`, or nil.
    public init?(name: String) {
      if name == "type" {
        self = .type
      } else if let key = OrderFieldKey(rawValue: name) {
        self = .field(key)
      } else {
        return nil
      }
    }

    public init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      let name = try container.decode(String.self)
      guard let control = Control(name: name) else {
        throw DecodingError.dataCorruptedError(
          in: container, debugDescription: "no new-order control is called \(name)")
      }
      self = control
    }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      try container.encode(name)
    }
  }
}
