import StockroomDomain
import TerminalUI

/// The allocation wizard, the inverse of deallocation: stock from the
/// provider's inventory to one account. Four steps: allocation type and
/// product, the inventory (a quantity, or serials on the two-list pick list),
/// billing references, confirm; one transaction through the store.
public struct AllocationFlow: WizardFlow {
  /// The wizard's steps, in order.
  public enum Step: String, Hashable, Sendable, Codable, CaseIterable {
    case type, select, billing, confirm
  }

  /// Every control of the wizard, by name; the pick list's are its own.
  public enum Control: Hashable, Sendable, Codable {
    case type, product, withCapacity
    case quantity
    case pick(SerialPickStep.Control)
    case amount, per, trigger, customerReference
    /// The transaction's Reference and Comment.
    case field(ReferenceFields.Control)
  }

  public let account: Int
  public let accountCode: String
  public let accountName: String

  public var name: String { "Allocate to \(TextSafety.neutralised(accountName))" }
  public var steps: [Step] { Step.allCases }

  public func title(of current: Step) -> String {
    switch current {
    case .type: return "Type"
    case .select: return "Select"
    case .billing: return "Billing"
    case .confirm: return "Confirm"
    }
  }

  /// The wizard for an account, nil when it does not exist.
  public static func make(account: Int, context: AppContext)
    -> (flow: AllocationFlow, answers: AllocationAnswers)?
  {
    let state = context.state
    guard state.accounts.indices.contains(account) else { return nil }
    let flow = AllocationFlow(
      account: account, accountCode: state.accounts[account].code,
      accountName: state.accounts[account].name)
    var answers = AllocationAnswers(state: state)
    answers.filesAllowed = !context.isDemoSession
    answers.pick.filesAllowed = answers.filesAllowed
    return (flow, answers)
  }

  /// The wizard's screen for an account, on its first step.
  public static func screen(account: Int, context: AppContext) -> WizardScreen<AllocationFlow>? {
    make(account: account, context: context).map {
      WizardScreen(flow: $0.flow, answers: $0.answers)
    }
  }

  func isHardware(_ answers: AllocationAnswers) -> Bool {
    if case .hardware = answers.choice { return true }
    return false
  }

  // MARK: - Steps

  public func controls(step current: Step, answers: AllocationAnswers) -> [Control] {
    switch current {
    case .type:
      return answers.allocationKind == .sale
        ? [.type, .product, .withCapacity] : [.type, .product]
    case .select:
      return isHardware(answers) ? answers.pick.controls.map(Control.pick) : [.quantity]
    case .billing:
      return AllocationFlow.billingControls
    case .confirm:
      return []
    }
  }

  /// The Billing step's controls, in focus order.
  static let billingControls: [Control] = [
    .amount, .per, .trigger, .customerReference, .field(.reference), .field(.comment),
  ]

  public func refusal(step current: Step, answers: AllocationAnswers) -> WizardRefusal<Control>? {
    switch current {
    case .type:
      guard answers.choice != nil else {
        return WizardRefusal("Choose a product", control: .product)
      }
      return answers.limit <= 0
        ? WizardRefusal("Nothing of this product is available to allocate", control: .product)
        : nil
    case .select:
      if isHardware(answers) {
        guard let refusal = answers.pick.refusal else { return nil }
        return WizardRefusal(
          refusal, control: .pick(answers.pick.pickList == nil ? .search : .right))
      }
      if answers.limit <= 0 {
        return WizardRefusal(
          "Nothing of this product is available to allocate", control: .quantity)
      }
      return answers.quantity.validation.map {
        WizardRefusal("Quantity: " + $0, control: .quantity)
      }
    case .billing:
      return answers.amountProblem.map { WizardRefusal($0, control: .amount) }
    case .confirm:
      return nil
    }
  }

  public func hasAnswers(_ answers: AllocationAnswers) -> Bool { answers.hasAnswers }

  public func isEditingText(_ control: Control, step: Step, answers: AllocationAnswers) -> Bool {
    switch control {
    case .pick(let pick): return answers.pick.isEditingText(pick)
    case .field(let field): return answers.fields.isEditingText(field)
    case .quantity, .amount, .customerReference: return true
    case .type, .product, .withCapacity, .per, .trigger: return false
    }
  }

  // MARK: - Layout, keys, drawing

  public func layout(
    step current: Step, answers: AllocationAnswers, in rect: Rect
  ) -> StepLayout<Control> {
    switch current {
    case .type: return layoutType(answers, in: rect)
    case .select: return layoutSelect(answers, in: rect)
    case .billing: return layoutBilling(answers, in: rect)
    case .confirm: return StepLayout(area: rect)
    }
  }

  public func update(
    _ key: Key, control: Control, step current: Step, answers: inout AllocationAnswers,
    layout: StepLayout<Control>, context: AppContext
  ) -> KeyResult {
    answers.restoreNotice = nil
    switch current {
    case .type:
      return updateType(key, control: control, answers: &answers, layout: layout, context: context)
    case .select:
      return updateSelect(
        key, control: control, answers: &answers, layout: layout, context: context)
    case .billing: return updateBilling(key, control: control, answers: &answers)
    case .confirm: return .ignored
    }
  }

  public func view(
    step current: Step, focus: Control?, answers: AllocationAnswers, layout: StepLayout<Control>,
    into buffer: inout Buffer, context: AppContext
  ) {
    switch current {
    case .type:
      viewType(focus: focus, answers: answers, layout: layout, into: &buffer)
    case .select:
      viewSelect(focus: focus, answers: answers, layout: layout, into: &buffer, context: context)
    case .billing:
      viewBilling(focus: focus, answers: answers, layout: layout, into: &buffer)
    case .confirm:
      viewConfirm(answers: answers, into: &buffer, in: layout.area, context: context)
    }
  }

  public func cursor(
    _ control: Control, step: Step, answers: AllocationAnswers, layout: StepLayout<Control>
  ) -> Point? {
    switch control {
    case .pick(let pick): return answers.pick.cursor(pick, in: layout.area)
    case .quantity: return answers.quantity.cursorPosition(in: layout.frame(.quantity))
    case .amount: return answers.amount.cursorPosition(in: layout.frame(.amount))
    case .customerReference:
      return answers.customerReference.cursorPosition(in: layout.frame(.customerReference))
    case .field(let field): return answers.fields.cursor(field, in: layout.frame(control))
    case .type, .product, .withCapacity, .per, .trigger: return nil
    }
  }

  public func takesKey(_ key: Key, step: Step, answers: AllocationAnswers) -> Bool {
    step == .select && isHardware(answers) && answers.pick.takesKey(key)
  }

  public func idle(step: Step, answers: inout AllocationAnswers) -> Bool {
    step == .select && isHardware(answers) ? answers.pick.idle() : false
  }

  public func scanned(_ text: String, step: Step, answers: inout AllocationAnswers) -> Bool {
    step == .select && isHardware(answers) ? answers.pick.scanned(text) : false
  }

  public func takeFileRequest(step: Step, answers: inout AllocationAnswers) -> FileRequest? {
    answers.pick.takeFileRequest()
  }

  public func fileRead(
    _ read: FileRead, step: Step, answers: inout AllocationAnswers, context: AppContext
  ) {
    answers.pick.fileRead(read, state: context.state)
  }

  /// The scan field once the pick list is there, so a scanner can start at once.
  public func initialFocus(step: Step, answers: AllocationAnswers) -> Control? {
    step == .select && isHardware(answers) && answers.pick.pickList != nil ? .pick(.scan) : nil
  }

  // MARK: - Commit

  public func command(for answers: AllocationAnswers) -> Command {
    switch answers.choice {
    case .hardware?:
      return .allocateHardware(
        account: accountCode, serials: answers.pick.pickList?.rightItems ?? [],
        type: answers.type)
    case .software(let column)?:
      return .allocateSoftware(
        account: accountCode, column: column, quantity: answers.quantity.value ?? 0,
        withCapacity: column == .smsSale && answers.withCapacity)
    case nil:
      return .allocateSoftware(
        account: accountCode, column: .capacity, quantity: 0, withCapacity: false)
    }
  }

  public func commit(answers: AllocationAnswers, key: String) -> PendingCommit {
    PendingCommit(
      command: command(for: answers), reference: answers.fields.reference.text,
      comment: answers.fields.comment.text, key: key, billing: answers.billing)
  }

  /// After a refusal or conflict: refresh the limits and the pick list, keep every other
  /// answer, and go to the control of the answer refused (the Select step when another
  /// session took stock).
  public func recover(
    from outcome: CommitOutcome, answers: inout AllocationAnswers, context: AppContext
  ) -> WizardPlace<Step, Control>? {
    let problems = self.problems(committing: answers, context: context)
    answers.rebuildProducts(state: context.state, keeping: answers.choice)
    if case .hardware(let model) = answers.choice, answers.pick.pickList != nil {
      let limit = answers.pick.listQuantity.value ?? answers.pick.limit
      answers.pick.researchKeepingPicks(
        context.state.allocatableSerials(model: model, type: answers.type, limit: limit))
    }
    return place(of: problems, answers: answers)
      ?? WizardPlace(.select, initialFocus(step: .select, answers: answers))
  }

  public func place(
    for field: DomainField, answers: AllocationAnswers
  ) -> WizardPlace<Step, Control>? {
    switch field {
    case .product, .model: return WizardPlace(.type, .product)
    case .quantity where isHardware(answers): return WizardPlace(.select, .pick(.quantity))
    case .quantity: return WizardPlace(.select, .quantity)
    case .serials: return WizardPlace(.select, initialFocus(step: .select, answers: answers))
    case .amount: return WizardPlace(.billing, .amount)
    case .billingTrigger: return WizardPlace(.billing, .trigger)
    case .customerReference: return WizardPlace(.billing, .customerReference)
    case .reference: return WizardPlace(.billing, .field(.reference))
    case .comment: return WizardPlace(.billing, .field(.comment))
    default: return nil
    }
  }

  public func resultEffect(
    transaction: Transaction, answers: AllocationAnswers, context: AppContext
  ) -> Effect {
    .replace(TransactionScreen(transaction: transaction, context: context))
  }
}
