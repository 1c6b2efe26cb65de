/// The products a service provider allocates to accounts (docs/DESIGN.md section 1).
public enum Product: String, CaseIterable, Hashable, Sendable, Codable {
  case capacity
  case sms
  case st1 = "st-1"
  case mobilepass
  case hardware

  /// The products counted by quantity rather than by serial.
  public static let software: [Product] = [.capacity, .sms, .st1, .mobilepass]

  /// The name shown on screens.
  public var title: String {
    switch self {
    case .capacity: return "Capacity"
    case .sms: return "SMS"
    case .st1: return "ST-1"
    case .mobilepass: return "MobilePASS"
    case .hardware: return "Hardware"
    }
  }
}
