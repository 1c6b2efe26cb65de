/// A detail of an order the new-order wizard may ask; each order type asks only the ones it
/// needs (`OrderTypeSpec.fields`).
public enum OrderFieldKey: String, CaseIterable, Codable, Sendable {
  case employee, line, vendor, voicePlan, dataPlan, model, device, addFeature, removeFeature
  case accessory, quantity, issue, liability, comment

  /// The field's label.
  public var label: String {
    switch self {
    case .employee: return "Employee"
    case .line: return "Line"
    case .vendor: return "Vendor"
    case .voicePlan: return "Voice plan"
    case .dataPlan: return "Data plan"
    case .model: return "Device model"
    case .device: return "In-stock device"
    case .addFeature: return "Add feature"
    case .removeFeature: return "Remove feature"
    case .accessory: return "Accessory"
    case .quantity: return "Quantity"
    case .issue: return "Issue"
    case .liability: return "Transfer to"
    case .comment: return "Comment"
    }
  }

  /// Typed text rather than a choice among options.
  public var isText: Bool { self == .model || self == .quantity || self == .comment }
}
