/// The products a service provider allocates to accounts (DESIGN.md section 1).
public enum Product: String, CaseIterable, Hashable, Sendable, Codable {
  case capacity
  case sms
  case st1 = "st-1"
  case mobilepass
  case hardware
}
