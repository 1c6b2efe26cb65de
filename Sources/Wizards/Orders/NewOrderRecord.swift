import StockroomDomain

/// The new-order wizard's answers written down by name, so a draft keeps them (not the keys
/// that gave them) and `stockroom order new --interactive` opens the wizard from its options.
extension NewOrderFlow: DraftableFlow {
  /// The answers by name, as the command line gives them: the type's raw name
  /// (`upgrade`), the employee acting (`--as`), codes, numbers and serials, the text of the
  /// text fields. Only what the type asks is written; every field is optional, so a draft
  /// missing one still opens with the rest.
  public struct Record: Codable, Sendable, Equatable {
    /// `upgrade`, `new-line`… (nil: the type is still to be chosen).
    public var type: String?
    /// The employee who submits (`--as`); nil: the OS user's own.
    public var actingAs: String?
    /// The employee the order is for (`EMP-0007`).
    public var employee: String?
    /// A line's service number.
    public var line: String?
    /// A vendor's code or name.
    public var vendor: String?
    public var voicePlan: String?
    public var dataPlan: String?
    public var model: String?
    /// An in-stock device's serial.
    public var device: String?
    /// The wizard takes one of each; a record with more keeps the first.
    public var addFeatures: [String]?
    public var removeFeatures: [String]?
    /// An accessory's code.
    public var accessory: String?
    /// Empty in the wizard is written as none (and opens as the default, 1).
    public var quantity: Int?
    /// `defect`, `physical`, `liquid` or `battery`.
    public var issue: String?
    /// `personal` or `corporate`.
    public var liability: String?
    public var comment: String?

    public init(
      type: String? = nil, actingAs: String? = nil, employee: String? = nil,
      line: String? = nil, vendor: String? = nil, voicePlan: String? = nil,
      dataPlan: String? = nil, model: String? = nil, device: String? = nil,
      addFeatures: [String]? = nil, removeFeatures: [String]? = nil, accessory: String? = nil,
      quantity: Int? = nil, issue: String? = nil, liability: String? = nil,
      comment: String? = nil
    ) {
      self.type = type
      self.actingAs = actingAs
      self.employee = employee
      self.line = line
      self.vendor = vendor
      self.voicePlan = voicePlan
      self.dataPlan = dataPlan
      self.model = model
      self.device = device
      self.addFeatures = addFeatures
      self.removeFeatures = removeFeatures
      self.accessory = accessory
      self.quantity = quantity
      self.issue = issue
      self.liability = liability
      self.comment = comment
    }

    /// What the record names for `key`: none, one value, or (features) several.
    func values(_ key: OrderFieldKey) -> [String] {
      switch key {
      case .employee: return employee.map { [$0] } ?? []
      case .line: return line.map { [$0] } ?? []
      case .vendor: return vendor.map { [$0] } ?? []
      case .voicePlan: return voicePlan.map { [$0] } ?? []
      case .dataPlan: return dataPlan.map { [$0] } ?? []
      case .model: return model.map { [$0] } ?? []
      case .device: return device.map { [$0] } ?? []
      case .addFeature: return addFeatures ?? []
      case .removeFeature: return removeFeatures ?? []
      case .accessory: return accessory.map { [$0] } ?? []
      case .quantity: return quantity.map { [String($0)] } ?? []
      case .issue: return issue.map { [$0] } ?? []
      case .liability: return liability.map { [$0] } ?? []
      case .comment: return comment.map { [$0] } ?? []
      }
    }

    /// Writes `value` as the answer to `key`.
    mutating func set(_ key: OrderFieldKey, _ value: String?) {
      switch key {
      case .employee: employee = value
      case .line: line = value
      case .vendor: vendor = value
      case .voicePlan: voicePlan = value
      case .dataPlan: dataPlan = value
      case .model: model = value
      case .device: device = value
      case .addFeature: addFeatures = value.map { [$0] } ?? []
      case .removeFeature: removeFeatures = value.map { [$0] } ?? []
      case .accessory: accessory = value
      case .quantity: quantity = value.flatMap { Int($0) }
      case .issue: issue = value
      case .liability: liability = value
      case .comment: comment = value
      }
    }
  }

  public static var draftKind: String { "order-new" }
  public static var recordFormat: Int { 1 }

  public func record(of answers: Answers) -> Record {
    let fields = fields(answers)
    var record = Record(type: answers.type.rawValue, actingAs: session.actor)
    for key in answers.type.spec.fields {
      record.set(key, fields.value(key, answers))
    }
    return record
  }

  /// Opens `record` against the store as it is now, acting as the record says where the user
  /// map (`users.tsv`) lets the OS user at the keyboard. Refused when nobody can act so or the
  /// type is unknown; a choice the store no longer offers (a line since disconnected, a device
  /// since assigned) is left to choose again, and said in `changes`.
  public static func restore(_ record: Record, context: AppContext) -> Result<
    RestoredWizard<Self>, WizardRestoreError
  > {
    let session: OrderSession
    switch OrderScreens.session(context, actingAs: record.actingAs) {
    case .success(let found): session = found
    case .failure(let error): return .failure(error)
    }
    let book = context.state.orders
    guard book.employee(session.actor) != nil else {
      return .failure(
        WizardRestoreError(
          "employee \(TextRules.neutralised(session.actor)) no longer exists, so nobody can "
            + "submit this order as them"))
    }
    if let type = record.type, OrderType(rawValue: type.lowercased()) == nil {
      return .failure(
        WizardRestoreError(
          "unknown order type \(TextRules.neutralised(type)); the types are "
            + OrderType.allCases.map(\.rawValue).joined(separator: ", ")))
    }
    let flow = NewOrderFlow(session: session, now: context.now)
    let answers = NewOrderRestore(flow: flow, state: context.state).answers(record)
    return .success(RestoredWizard(flow: flow, answers: answers, changes: answers.notes))
  }

  /// Where a wizard opened from `record` starts: the type list when the record names no
  /// type; else the first step that still needs an answer, on the control its refusal names.
  func openingPlace(_ record: Record, answers: Answers) -> WizardPlace<Step, Control> {
    guard record.type != nil else { return WizardPlace(.type) }
    let step = firstUnanswered(answers: answers) ?? .confirm
    return WizardPlace(step, refusal(step: step, answers: answers)?.control)
  }

  /// `stockroom order new --interactive`: My orders (acting as the record says) and the
  /// wizard above it, filled from `record`, where it still needs an answer; or a screen
  /// saying why the record cannot be opened.
  public static func screens(for record: Record, context: AppContext) -> [any Screen] {
    switch restore(record, context: context) {
    case .failure(let error):
      return [OrderMessageScreen(text: error.message)]
    case .success(let restored):
      let place = restored.flow.openingPlace(record, answers: restored.answers)
      return [
        MyOrdersScreen(session: restored.flow.session, context: context),
        WizardScreen(flow: restored.flow, answers: restored.answers, at: place),
      ]
    }
  }
}
