import StockroomDomain
import TerminalUI

/// The deallocation wizard of the seed "Deallocate inventory", for one
/// account and one kind of inventory: SMS software tokens or capacity,
/// MobilePASS, or hardware tokens of one model. Three steps: select,
/// reference information, confirm; one transaction through the store.
public struct DeallocationFlow: WizardFlow {
  /// Which inventory the wizard gives back.
  public enum Kind: Hashable, Sendable {
    case software
    case mobilePass
    case hardware(model: Int)
  }

  public let kind: Kind
  public let account: Int
  public let accountCode: String
  public let accountName: String
  public let containers: [Container]
  /// The hardware model's name ("RB-1"); empty for software.
  public let modelName: String

  /// The software rows of step 1, in the seed's order.
  static let softwareRows: [SoftwareColumn] = [.capacity, .smsRental, .smsSale, .st1Legacy]

  public var name: String {
    switch kind {
    case .software: return "Deallocate software tokens"
    case .mobilePass: return "Deallocate MobilePASS"
    case .hardware: return "Deallocate \(modelName) tokens"
    }
  }

  /// The seed's three steps.
  public enum Step: String, Hashable, Sendable, Codable, CaseIterable {
    case select, reference, confirm
  }

  /// Every control of the wizard, named.
  public enum Control: Hashable, Sendable, Codable {
    /// Software: the radio column choosing the Product and Type row.
    case softwareRow
    /// Software: the chosen row's Deallocate field.
    case softwareQuantity
    /// MobilePASS: the quantity to deallocate.
    case mobileQuantity
    /// Hardware: a control of the pick list.
    case pick(SerialPickStep.Control)
    /// Hardware: Return as (the disposition).
    case disposition
    /// Container, Reference, Comment.
    case field(ReferenceFields.Control)
    /// Why the tokens came back.
    case returnReason
  }

  public var steps: [Step] { Step.allCases }

  public func title(of step: Step) -> String { step.rawValue.capitalized }

  var isHardware: Bool {
    if case .hardware = kind { return true }
    return false
  }

  /// The wizard for an Available cell, with its answers preselected
  /// (the cell's row for software); nil when the account does not exist.
  public static func make(
    for column: AllocationColumn, account: Int, context: AppContext
  ) -> (flow: DeallocationFlow, answers: DeallocationAnswers)? {
    let kind: Kind
    var row = 0
    switch column {
    case .software(.mobilePass): kind = .mobilePass
    case .software(let software):
      kind = .software
      row = softwareRows.firstIndex(of: software) ?? 0
    case .hardware(let model): kind = .hardware(model: model)
    }
    return make(kind: kind, account: account, softwareRow: row, context: context)
  }

  public static func make(
    kind: Kind, account: Int, softwareRow: Int = 0, context: AppContext
  ) -> (flow: DeallocationFlow, answers: DeallocationAnswers)? {
    let state = context.state
    guard state.accounts.indices.contains(account) else { return nil }
    var modelName = ""
    if case .hardware(let model) = kind, state.models.indices.contains(model) {
      modelName = state.models[model]
    }
    let flow = DeallocationFlow(
      kind: kind, account: account, accountCode: state.accounts[account].code,
      accountName: state.accounts[account].name, containers: state.containers,
      modelName: modelName)
    var answers = DeallocationAnswers(flow: flow, state: state)
    answers.pick.filesAllowed = !context.isDemoSession
    answers.chooseSoftwareRow(softwareRow)
    return (flow, answers)
  }

  // MARK: - Steps

  public func controls(step: Step, answers: DeallocationAnswers) -> [Control] {
    switch step {
    case .select:
      switch kind {
      case .software: return [.softwareRow, .softwareQuantity]
      case .mobilePass: return [.mobileQuantity]
      case .hardware: return answers.pick.controls.map(Control.pick)
      }
    case .reference:
      return (isHardware ? [.disposition] : []) + answers.fields.controls.map(Control.field)
        + [.returnReason]
    case .confirm:
      return []
    }
  }

  public func refusal(step: Step, answers: DeallocationAnswers) -> WizardRefusal<Control>? {
    guard step == .select else { return nil }
    switch kind {
    case .software:
      let row = answers.softwareRow
      let column = DeallocationFlow.softwareRows[row]
      if answers.softwareLimits[row] <= 0 {
        return WizardRefusal(
          "\(column.title): nothing to deallocate; choose another row", control: .softwareRow)
      }
      return answers.softwareQuantities[row].validation.map {
        WizardRefusal("Deallocate: " + $0, control: .softwareQuantity)
      }
    case .mobilePass:
      if answers.mobileLimit <= 0 {
        return WizardRefusal("MobilePASS: nothing to deallocate", control: .mobileQuantity)
      }
      return answers.mobileQuantity.validation.map {
        WizardRefusal("Deallocate: " + $0, control: .mobileQuantity)
      }
    case .hardware:
      return answers.pick.refusal.map {
        WizardRefusal($0, control: .pick(answers.pickList == nil ? .search : .scan))
      }
    }
  }

  public func hasAnswers(_ answers: DeallocationAnswers) -> Bool {
    answers.hasAnswers
  }

  public func isEditingText(_ control: Control, step: Step, answers: DeallocationAnswers) -> Bool {
    switch control {
    case .softwareRow, .disposition, .returnReason: return false
    case .softwareQuantity, .mobileQuantity: return true
    case .pick(let pick): return answers.pick.isEditingText(pick)
    case .field(let field): return answers.fields.isEditingText(field)
    }
  }

  public func describe(
    _ control: Control, step: Step, answers: DeallocationAnswers
  ) -> ControlDescription {
    switch control {
    case .softwareRow:
      let rows = DeallocationFlow.softwareRows
      return ControlDescription(
        "Product and Type", kind: .radio, choices: rows.map(\.title),
        value: rows[answers.softwareRow].title, isRequired: true)
    case .softwareQuantity:
      let row = answers.softwareRow
      let limit = answers.softwareLimits[row]
      return ControlDescription(
        "Deallocate", kind: .number, value: answers.softwareQuantities[row].text, isRequired: true,
        rule: limit > 0 ? "1 to \(limit)" : "nothing to deallocate")
    case .mobileQuantity:
      return ControlDescription(
        "Deallocate", kind: .number, value: answers.mobileQuantity.text, isRequired: true,
        rule: answers.mobileLimit > 0 ? "1 to \(answers.mobileLimit)" : "nothing to deallocate")
    case .pick(let pick):
      return answers.pick.describe(pick)
    case .disposition:
      return ControlDescription(
        "Return as", kind: .radio, choices: Disposition.allCases.map(\.title),
        value: answers.dispositionValue.title, isRequired: true)
    case .field(let field):
      return answers.fields.describe(field)
    case .returnReason:
      return answers.returnReason.describe()
    }
  }

  public func layout(
    step: Step, answers: DeallocationAnswers, in rect: Rect
  ) -> StepLayout<Control> {
    var layout = StepLayout<Control>(area: rect)
    switch step {
    case .select: layoutSelect(answers: answers, into: &layout)
    case .reference: layoutReference(answers: answers, into: &layout)
    case .confirm: break
    }
    return layout
  }

  public func update(
    _ key: Key, control: Control, step: Step, answers: inout DeallocationAnswers,
    layout: StepLayout<Control>, context: AppContext
  ) -> KeyResult {
    switch step {
    case .select:
      return updateSelect(
        key, control: control, answers: &answers, layout: layout, context: context)
    case .reference:
      return updateReference(key, control: control, answers: &answers)
    case .confirm:
      return .ignored
    }
  }

  public func view(
    step: Step, focus: Control?, answers: DeallocationAnswers, layout: StepLayout<Control>,
    into buffer: inout Buffer, context: AppContext
  ) {
    switch step {
    case .select: viewSelect(focus: focus, answers: answers, layout: layout, into: &buffer)
    case .reference: viewReference(focus: focus, answers: answers, layout: layout, into: &buffer)
    case .confirm: viewConfirm(answers: answers, into: &buffer, in: layout.area, context: context)
    }
  }

  public func cursor(
    _ control: Control, step: Step, answers: DeallocationAnswers, layout: StepLayout<Control>
  ) -> Point? {
    switch control {
    case .softwareQuantity:
      return answers.softwareQuantities[answers.softwareRow].cursorPosition(
        in: layout.frame(control))
    case .mobileQuantity:
      return answers.mobileQuantity.cursorPosition(in: layout.frame(control))
    case .pick(let pick):
      return answers.pick.cursor(pick, in: layout.area)
    case .field(let field):
      return answers.fields.cursor(field, in: layout.frame(control))
    case .softwareRow, .disposition, .returnReason:
      return nil
    }
  }

  public func keyBindings(
    step: Step, focus: Control?, answers: DeallocationAnswers
  ) -> [KeyBinding] {
    switch (step, focus) {
    case (.select, .softwareRow): return [KeyBinding("↑↓", "choose row")]
    case (.select, _) where isHardware:
      guard case .pick(let pick) = focus else { return [] }
      return answers.pick.keyBindings(focus: pick)
    case (.reference, .disposition), (.reference, .field(.container)),
      (.reference, .returnReason):
      return [KeyBinding("↑↓", "choose")]
    case (.confirm, _): return [KeyBinding("Enter", "confirm")]
    default: return []
    }
  }

  public func hint(step: Step, focus: Control?, answers: DeallocationAnswers) -> StatusLine? {
    switch step {
    case .select: return answers.scanNotice
    case .reference:
      return textRefusal(answers, focus: focus).map { StatusLine($0, kind: .error) }
    case .confirm: return nil
    }
  }

  public func takesKey(_ key: Key, step: Step, answers: DeallocationAnswers) -> Bool {
    step == .select && isHardware && answers.pick.takesKey(key)
  }

  /// A long filter goes on here, a chunk at a time, between key polls.
  public func idle(step: Step, answers: inout DeallocationAnswers) -> Bool {
    guard step == .select else { return false }
    return answers.pick.idle()
  }

  /// On the hardware pick list a scan always goes to the scan field, whatever
  /// has focus, and its Enter never presses Next.
  public func scanned(_ text: String, step: Step, answers: inout DeallocationAnswers) -> Bool {
    guard step == .select, isHardware else { return false }
    return answers.pick.scanned(text)
  }

  public func takeFileRequest(step: Step, answers: inout DeallocationAnswers) -> FileRequest? {
    answers.pick.takeFileRequest()
  }

  public func fileRead(
    _ read: FileRead, step: Step, answers: inout DeallocationAnswers, context: AppContext
  ) {
    answers.pick.fileRead(read, state: context.state)
  }

  /// Where focus lands on a step: on the hardware pick list, once serials
  /// are listed, the scan field (ready for the scanner).
  public func initialFocus(step: Step, answers: DeallocationAnswers) -> Control? {
    step == .select && isHardware && answers.pickList != nil ? .pick(.scan) : nil
  }

  // MARK: - Commit

  public func command(for answers: DeallocationAnswers) -> Command {
    let container = answers.containerCode
    switch kind {
    case .software:
      let row = answers.softwareRow
      return .deallocateSoftware(
        account: accountCode, column: DeallocationFlow.softwareRows[row],
        quantity: answers.softwareQuantities[row].value ?? 0, container: container)
    case .mobilePass:
      return .deallocateMobilePass(
        account: accountCode, quantity: answers.mobileQuantity.value ?? 0, container: container)
    case .hardware:
      return .deallocateHardware(
        account: accountCode, serials: answers.pickList?.rightItems ?? [],
        disposition: answers.dispositionValue, container: container)
    }
  }

  public func commit(answers: DeallocationAnswers, key: String) -> PendingCommit {
    PendingCommit(
      command: command(for: answers), reference: answers.reference.text,
      comment: answers.comment.text, key: key, returnReason: answers.returnReason.value)
  }

  /// After a refusal or conflict: refresh the pick list (or the limits) from the fresh
  /// state, keep every other answer, and go to the control of the answer refused
  /// (the Select step when another session took something).
  public func recover(
    from outcome: CommitOutcome, answers: inout DeallocationAnswers, context: AppContext
  ) -> WizardPlace<Step, Control>? {
    let problems = self.problems(committing: answers, context: context)
    answers.refreshLimits(flow: self, state: context.state)
    if isHardware { answers.researchKeepingPicks(flow: self, state: context.state) }
    return place(of: problems, answers: answers)
      ?? WizardPlace(.select, initialFocus(step: .select, answers: answers))
  }

  public func place(
    for field: DomainField, answers: DeallocationAnswers
  ) -> WizardPlace<Step, Control>? {
    switch (field, kind) {
    case (.quantity, .software): return WizardPlace(.select, .softwareQuantity)
    case (.quantity, .mobilePass): return WizardPlace(.select, .mobileQuantity)
    case (.serials, .hardware):
      return WizardPlace(.select, initialFocus(step: .select, answers: answers))
    case (.container, _) where answers.fields.container != nil:
      return WizardPlace(.reference, .field(.container))
    case (.reference, _): return WizardPlace(.reference, .field(.reference))
    case (.comment, _): return WizardPlace(.reference, .field(.comment))
    default: return nil
    }
  }

  public func resultEffect(
    transaction: Transaction, answers: DeallocationAnswers, context: AppContext
  ) -> Effect {
    .replace(TransactionScreen(transaction: transaction, context: context))
  }
}
