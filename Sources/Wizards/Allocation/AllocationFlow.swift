import StockroomDomain
import TerminalUI

/// The allocation wizard, the inverse of deallocation: stock from the
/// provider's inventory to one account. Four steps: allocation type and
/// product, the inventory (a quantity, or serials on the two-list pick list),
/// billing references, confirm; one transaction through the store.
public struct AllocationFlow: LegacyWizardFlow {
  public let account: Int
  public let accountCode: String
  public let accountName: String

  public var name: String { "Allocate to \(TextSafety.neutralised(accountName))" }
  public var steps: [String] { ["Type", "Select", "Billing", "Confirm"] }

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

  func isHardware(_ answers: AllocationAnswers) -> Bool {
    if case .hardware = answers.choice { return true }
    return false
  }

  // MARK: - Steps

  public func controlCount(step: Int, answers: AllocationAnswers) -> Int {
    switch step {
    case 0: return answers.allocationKind == .sale ? 3 : 2
    case 1: return isHardware(answers) ? answers.pick.controlCount : 1
    case 2: return 4 + answers.fields.count
    default: return 0
    }
  }

  public func refusal(step: Int, answers: AllocationAnswers) -> String? {
    switch step {
    case 0:
      guard answers.choice != nil else { return "Choose a product" }
      return answers.limit <= 0 ? "Nothing of this product is available to allocate" : nil
    case 1:
      if isHardware(answers) { return answers.pick.refusal }
      if answers.limit <= 0 { return "Nothing of this product is available to allocate" }
      return answers.quantity.validation.map { "Quantity: " + $0 }
    case 2:
      return answers.amountProblem
    default:
      return nil
    }
  }

  public func hasAnswers(_ answers: AllocationAnswers) -> Bool { answers.hasAnswers }

  public func isTextField(step: Int, focus: Int, answers: AllocationAnswers) -> Bool {
    switch step {
    case 1: return isHardware(answers) ? answers.pick.isTextField(focus: focus) : true
    case 2:
      return focus == 0 || focus == 3 || (focus >= 4 && answers.fields.isTextField(focus - 4))
    default: return false
    }
  }

  public func update(
    step: Int, focus: Int, key: Key, answers: inout AllocationAnswers, context: AppContext
  ) -> KeyResult {
    switch step {
    case 0: return updateType(focus: focus, key: key, answers: &answers, context: context)
    case 1:
      guard case .hardware(let model) = answers.choice else {
        return answers.quantity.update(key)
      }
      let kind = answers.allocationKind
      return answers.pick.update(focus: focus, key: key, state: context.state) { state, limit in
        AllocationAnswers.availableSerials(model: model, kind: kind, state: state, limit: limit)
      }
    case 2:
      switch focus {
      case 0: return answers.amount.update(key)
      case 1: return answers.per.update(key)
      case 2: return answers.trigger.update(key)
      case 3: return answers.customerReference.update(key)
      default: return answers.fields.update(focus - 4, key: key)
      }
    default: return .ignored
    }
  }

  private func updateType(
    focus: Int, key: Key, answers: inout AllocationAnswers, context: AppContext
  ) -> KeyResult {
    switch focus {
    case 0:
      let before = answers.allocationKind
      let result = answers.kind.update(key)
      if key == .up || key == .down { answers.kind.choose(answers.kind.highlighted) }
      if answers.allocationKind != before {
        answers.pickModel = nil
        answers.rebuildProducts(state: context.state, keeping: answers.choice)
        if answers.allocationKind != .sale { answers.withCapacity = false }
      }
      return result
    case 1:
      let before = answers.choice
      let result = answers.product.update(key)
      if key == .up || key == .down { answers.product.choose(answers.product.highlighted) }
      if answers.choice != before { answers.refreshLimit(state: context.state) }
      return result
    default:
      guard key == .character(" ") || key == .enter else { return .ignored }
      if key == .enter { return .activated }
      guard answers.choice == .software(.smsSale) else { return .handled }
      answers.withCapacity.toggle()
      answers.refreshLimit(state: context.state)
      return .handled
    }
  }

  public func view(
    step: Int, focus: Int?, answers: AllocationAnswers, into buffer: inout Buffer, in rect: Rect,
    context: AppContext
  ) {
    switch step {
    case 0: viewType(focus: focus, answers: answers, into: &buffer, in: rect, context: context)
    case 1: viewSelect(focus: focus, answers: answers, into: &buffer, in: rect, context: context)
    case 2: viewBilling(focus: focus, answers: answers, into: &buffer, in: rect)
    default: viewConfirm(answers: answers, into: &buffer, in: rect, context: context)
    }
  }

  public func cursor(step: Int, focus: Int, answers: AllocationAnswers, in rect: Rect) -> Point? {
    switch step {
    case 1:
      if isHardware(answers) { return answers.pick.cursor(focus: focus, in: rect) }
      return answers.quantity.cursorPosition(in: AllocationFlow.quantityRect(in: rect))
    case 2: return cursorBilling(focus: focus, answers: answers, in: rect)
    default: return nil
    }
  }

  public func keyBindings(step: Int, focus: Int?, answers: AllocationAnswers) -> [KeyBinding] {
    switch (step, focus) {
    case (0, .some(0)), (0, .some(1)): return [KeyBinding("↑↓", "choose")]
    case (0, .some(2)): return [KeyBinding("Space", "add capacity or not")]
    case (1, _) where isHardware(answers): return answers.pick.keyBindings(focus: focus)
    case (2, .some(1)), (2, .some(2)): return [KeyBinding("←→", "choose")]
    case (3, _): return [KeyBinding("Enter", "confirm")]
    default: return []
    }
  }

  public func hint(step: Int, focus: Int?, answers: AllocationAnswers) -> StatusLine? {
    switch step {
    case 1 where isHardware(answers): return answers.pick.scanNotice
    case 2:
      let text = [
        answers.amount.error.map { "Amount: " + $0 },
        answers.customerReference.error.map { "Customer reference: " + $0 },
        answers.fields.textRefusal(focus: focus.map { $0 - 4 }),
      ].compactMap { $0 }.first
      return text.map { StatusLine($0, kind: .error) }
    default: return nil
    }
  }

  public func takesKey(_ key: Key, step: Int, answers: AllocationAnswers) -> Bool {
    step == 1 && isHardware(answers) && answers.pick.takesKey(key)
  }

  public func idle(step: Int, answers: inout AllocationAnswers) -> Bool {
    step == 1 && isHardware(answers) ? answers.pick.idle() : false
  }

  public func scanned(_ text: String, step: Int, answers: inout AllocationAnswers) -> Bool {
    step == 1 && isHardware(answers) ? answers.pick.scanned(text) : false
  }

  public func initialFocus(step: Int, answers: AllocationAnswers) -> Int {
    step == 1 && isHardware(answers) && answers.pick.pickList != nil ? 2 : 0
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

  /// Another session took stock: refresh the limits and the pick list, keep every other
  /// answer, and go back to step 2.
  public func recover(
    fromConflict message: String, answers: inout AllocationAnswers, context: AppContext
  ) -> Int? {
    answers.rebuildProducts(state: context.state, keeping: answers.choice)
    if case .hardware(let model) = answers.choice, answers.pick.pickList != nil {
      let limit = answers.pick.listQuantity.value ?? answers.pick.limit
      answers.pick.researchKeepingPicks(
        AllocationAnswers.availableSerials(
          model: model, kind: answers.allocationKind, state: context.state, limit: limit))
    }
    return 1
  }

  public func resultEffect(
    transactionId: String, answers: AllocationAnswers, context: AppContext
  ) -> Effect {
    .replace(TransactionScreen(transactionId: transactionId, context: context))
  }
}
