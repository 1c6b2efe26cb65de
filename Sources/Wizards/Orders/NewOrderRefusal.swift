import StockroomDomain

/// Which detail of the new-order wizard a refusal belongs to, so the wizard can focus the
/// field to fix (after a conflict at Confirm, or when a command opens it filled in). The
/// domain says why in words; this reads what it names: the field for the option it asks for
/// ("needs a line (--line)"), the line, device or employee it names, or the kind of rule.
enum NewOrderRefusal {
  /// The command-line option each field answers, as refusals name them.
  static let options: [(String, OrderFieldKey)] = [
    ("--line", .line), ("--vendor", .vendor), ("--voice-plan", .voicePlan),
    ("--data-plan", .dataPlan), ("--model", .model), ("--device", .device),
    ("--issue", .issue), ("--to ", .liability), ("--add", .addFeature),
    ("--remove", .removeFeature), ("--accessory", .accessory), ("--employee", .employee),
  ]

  /// Words of a rule and the field that breaks it.
  static let phrases: [(String, OrderFieldKey)] = [
    ("already on the", .liability), ("already with", .vendor),
    ("already assigned to", .employee), ("stipend", .employee), ("approver", .employee),
  ]

  /// The kind an unknown item is called by, and its field.
  static let kinds: [(String, OrderFieldKey)] = [
    ("employee", .employee), ("line", .line), ("vendor", .vendor),
    ("voice plan", .voicePlan), ("data plan", .dataPlan), ("device", .device),
    ("accessory", .accessory), ("feature", .addFeature),
  ]

  static func control(
    for error: DomainError, answers: NewOrderAnswers, flow: NewOrderFlow
  ) -> NewOrderFlow.Control? {
    let keys = answers.type.spec.fields
    func asked(_ key: OrderFieldKey) -> NewOrderFlow.Control? {
      keys.contains(key) ? .field(key) : nil
    }
    switch error {
    case .warrantyExpired, .lateRestore: return asked(.line)
    case .warrantyDamage: return asked(.issue)
    case .notPositive: return asked(.quantity)
    case .invalidText:
      let model = answers.text(.model)
      let bad = !model.isEmpty && (try? TextRules.checkComment(model)) == nil
      return asked(bad ? .model : .comment)
    case .unknownOrderItem(let kind, _):
      return kinds.first { kind.hasPrefix($0.0) }.flatMap { asked($0.1) }
    default:
      break
    }
    let message = error.message
    for (words, key) in options + phrases where message.contains(words) {
      if let control = asked(key) { return control }
    }
    let fields = flow.fields(answers)
    for key in [OrderFieldKey.line, .device, .employee] {
      if let value = fields.value(key, answers), message.contains(value), let control = asked(key) {
        return control
      }
    }
    return nil
  }
}
