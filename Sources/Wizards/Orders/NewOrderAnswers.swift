import StockroomDomain
import TerminalUI

/// A detail the new-order wizard may ask; each order type asks only the ones it needs.
enum OrderFieldKey: String, CaseIterable, Sendable {
  case employee, line, vendor, voicePlan, dataPlan, model, device, addFeature, removeFeature
  case accessory, quantity, issue, liability, comment

  var label: String {
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

  var isText: Bool { self == .model || self == .quantity || self == .comment }
}

/// One choice of a choice field: the value the request gets (nil: none) and its words.
struct OrderOption: Sendable, Equatable {
  var value: String?
  var label: String
}

/// The new-order wizard's answers: the type, the chosen option of each choice field and the
/// text of each text field.
public struct NewOrderAnswers: Sendable {
  var typeIndex = 0
  var choices: [OrderFieldKey: Int] = [:]
  var texts: [OrderFieldKey: TextField] = [:]

  var type: OrderType { OrderType.allCases[typeIndex] }

  func text(_ key: OrderFieldKey) -> String {
    (texts[key]?.text ?? "").trimmingCharacters(in: " ")
  }

  mutating func field(_ key: OrderFieldKey) -> TextField {
    if let field = texts[key] { return field }
    let field = TextField(
      width: 40, maxLength: key == .comment ? TextRules.commentLimit : key == .quantity ? 2 : 40,
      rule: key == .quantity ? .digits : nil, text: key == .quantity ? "1" : "")
    texts[key] = field
    return field
  }
}

extension String {
  func trimmingCharacters(in set: Character) -> String {
    var text = Substring(self)
    while text.first == set { text.removeFirst() }
    while text.last == set { text.removeLast() }
    return String(text)
  }
}

/// The fields each type asks and the options of each, worked out from the state.
struct OrderFields {
  let book: OrderBook
  let actor: String

  static func keys(_ type: OrderType) -> [OrderFieldKey] {
    switch type {
    case .newLine: return [.employee, .vendor, .voicePlan, .dataPlan, .model, .comment]
    case .warranty: return [.line, .issue, .comment]
    case .accessory: return [.employee, .accessory, .quantity, .comment]
    case .port: return [.line, .vendor, .voicePlan, .dataPlan, .model, .comment]
    case .transferLiability: return [.line, .liability, .comment]
    case .stipendEnrol, .stipendRemove: return [.employee, .comment]
    case .activate: return [.employee, .device, .vendor, .voicePlan, .dataPlan, .comment]
    case .upgrade: return [.line, .model, .comment]
    case .features: return [.line, .addFeature, .removeFeature, .comment]
    case .changePlan: return [.line, .voicePlan, .dataPlan, .comment]
    case .moveLine: return [.line, .device, .comment]
    case .assign: return [.line, .employee, .comment]
    case .changeNumber, .newSim, .restore, .suspend, .disconnect: return [.line, .comment]
    }
  }

  func value(_ key: OrderFieldKey, _ answers: NewOrderAnswers) -> String? {
    if key.isText {
      let text = answers.text(key)
      return text.isEmpty ? nil : text
    }
    let list = options(key, answers)
    guard !list.isEmpty else { return nil }
    return list[min(answers.choices[key] ?? defaultIndex(key, list), list.count - 1)].value
  }

  func defaultIndex(_ key: OrderFieldKey, _ list: [OrderOption]) -> Int {
    if key == .employee { return list.firstIndex { $0.value == actor } ?? 0 }
    return 0
  }

  func lineVendor(_ answers: NewOrderAnswers) -> Vendor? {
    if [.newLine, .port, .activate].contains(answers.type) {
      return value(.vendor, answers).flatMap { book.vendor($0) }
    }
    return value(.line, answers).flatMap { book.line($0) }.flatMap { book.vendor($0.vendor) }
  }

  func options(_ key: OrderFieldKey, _ answers: NewOrderAnswers) -> [OrderOption] {
    let type = answers.type
    switch key {
    case .employee:
      return book.employees.map { OrderOption(value: $0.id, label: "\($0.name) (\($0.id))") }
    case .line:
      return book.lines.filter { line in
        switch type {
        case .restore: return line.state != .active
        case .disconnect, .transferLiability, .assign: return line.state != .disconnected
        default: return line.state == .active
        }
      }.map { line in
        OrderOption(
          value: line.number,
          label: "\(line.number) \(line.employee.map { book.name($0) } ?? "-") "
            + "(\(line.vendor), \(line.state.rawValue))")
      }
    case .vendor:
      return book.vendors.map { OrderOption(value: $0.code, label: $0.name) }
    case .voicePlan, .dataPlan:
      let kind: Plan.Kind = key == .voicePlan ? .voice : .data
      let plans = (lineVendor(answers)?.plans ?? []).filter { $0.kind == kind }.map {
        OrderOption(value: $0.code, label: "\($0.name) (\($0.code))")
      }
      if type == .changePlan { return [OrderOption(value: nil, label: "(keep)")] + plans }
      return kind == .data ? [OrderOption(value: nil, label: "(none)")] + plans : plans
    case .device:
      return book.devices.filter { $0.state == .inStock }.map {
        OrderOption(value: $0.serial, label: "\($0.model) \($0.serial)")
      }
    case .addFeature:
      let line = value(.line, answers).flatMap { book.line($0) }
      let features = (lineVendor(answers)?.features ?? []).filter {
        !(line?.features.contains($0) ?? false)
      }
      return [OrderOption(value: nil, label: "(none)")]
        + features.map { OrderOption(value: $0, label: $0) }
    case .removeFeature:
      let features = value(.line, answers).flatMap { book.line($0) }?.features ?? []
      return [OrderOption(value: nil, label: "(none)")]
        + features.map { OrderOption(value: $0, label: $0) }
    case .accessory:
      return book.accessories.map {
        OrderOption(value: $0.code, label: "\($0.name) (\($0.inStock) in stock)")
      }
    case .issue:
      return DeviceIssue.allCases.map { OrderOption(value: $0.rawValue, label: $0.title) }
    case .liability:
      return Liability.allCases.map { OrderOption(value: $0.rawValue, label: $0.rawValue) }
    case .model, .quantity, .comment:
      return []
    }
  }

  /// The request the answers make.
  func request(_ answers: NewOrderAnswers) -> OrderRequest {
    let type = answers.type
    let keys = Self.keys(type)
    func pick(_ key: OrderFieldKey) -> String? { keys.contains(key) ? value(key, answers) : nil }
    return OrderRequest(
      type: type,
      employee: pick(.employee) ?? pick(.line).flatMap { book.line($0)?.employee } ?? actor,
      line: pick(.line), vendor: pick(.vendor), voicePlan: pick(.voicePlan),
      dataPlan: pick(.dataPlan), model: pick(.model), device: pick(.device),
      addFeatures: pick(.addFeature).map { [$0] } ?? [],
      removeFeatures: pick(.removeFeature).map { [$0] } ?? [], accessory: pick(.accessory),
      quantity: keys.contains(.quantity) ? Int(answers.text(.quantity)) ?? 0 : nil,
      issue: pick(.issue).flatMap(DeviceIssue.init(rawValue:)),
      liability: pick(.liability).flatMap(Liability.init(rawValue:)))
  }
}
