import StockroomDomain
import TerminalUI

/// The filter form above the Reports table: which report, and the filters the `report`
/// command takes as options (dates, account, user, action, product or model, reason,
/// Reference text). Its text is checked by the domain's `ReportFilterText`, as the command's.
struct ReportFilterForm: Sendable {
  /// The form's controls, in Tab order.
  enum Control: Int, CaseIterable, Hashable, Sendable {
    case report, reason, from, to, account, user, action, product, reference
  }

  var report = ChoiceField(options: ReportKind.allCases.map(\.title), width: 20)
  var reason = ReturnReasonField(width: 24, none: "Any")
  var texts: [Control: TextField] = [
    .from: TextField(width: 10, maxLength: 10), .to: TextField(width: 10, maxLength: 10),
    .account: TextField(width: 16, maxLength: 64), .user: TextField(width: 10, maxLength: 32),
    .action: TextField(width: 20, maxLength: 32), .product: TextField(width: 8, maxLength: 32),
    .reference: TextField.reference(width: 20),
  ]

  var kind: ReportKind { ReportKind.allCases[report.selected] }

  /// The form as the domain reads it.
  var text: ReportFilterText {
    ReportFilterText(
      from: texts[.from]?.text, to: texts[.to]?.text, account: texts[.account]?.text,
      user: texts[.user]?.text, action: texts[.action]?.text, product: texts[.product]?.text,
      returnReason: reason.value?.rawValue, reference: texts[.reference]?.text)
  }

  func isText(_ control: Control) -> Bool { texts[control] != nil }

  mutating func update(_ control: Control, key: Key) -> KeyResult {
    switch control {
    case .report: return report.update(key)
    case .reason: return reason.update(key)
    default:
      guard var field = texts[control] else { return .ignored }
      let result = field.update(key)
      texts[control] = field
      return result
    }
  }

  /// Where each control and its label go: four rows from the top of `rect`.
  static func layout(in rect: Rect) -> [(control: Control, label: String, labelX: Int, field: Rect)]
  {
    let x = rect.x
    func place(
      _ control: Control, _ label: String, _ labelX: Int, _ fieldX: Int, _ row: Int, _ width: Int
    )
      -> (Control, String, Int, Rect)
    {
      (control, label, x + labelX, Rect(x: x + fieldX, y: rect.y + row, width: width, height: 1))
    }
    return [
      place(.report, "Report", 1, 11, 0, 24), place(.reason, "Reason", 38, 46, 0, 28),
      place(.from, "From", 1, 11, 1, 12), place(.to, "To", 25, 28, 1, 12),
      place(.account, "Account", 42, 50, 1, 18), place(.user, "User", 1, 11, 2, 12),
      place(.action, "Action", 25, 32, 2, 22), place(.product, "Product", 56, 64, 2, 10),
      place(.reference, "Reference", 1, 11, 3, 22),
    ].map { (control: $0.0, label: $0.1, labelX: $0.2, field: $0.3) }
  }

  func render(focus: Control?, in rect: Rect, into buffer: inout Buffer) {
    for place in Self.layout(in: rect) {
      let focused = focus == place.control
      buffer.put(place.label, x: place.labelX, y: place.field.y, style: focused ? .title : .plain)
      switch place.control {
      case .report: report.render(into: &buffer, in: place.field, focused: focused)
      case .reason: reason.choice.render(into: &buffer, in: place.field, focused: focused)
      default: texts[place.control]?.render(into: &buffer, in: place.field, focused: focused)
      }
    }
  }

  func cursor(_ control: Control, in rect: Rect) -> Point? {
    guard let place = Self.layout(in: rect).first(where: { $0.control == control }) else {
      return nil
    }
    return texts[control]?.cursorPosition(in: place.field)
  }
}
