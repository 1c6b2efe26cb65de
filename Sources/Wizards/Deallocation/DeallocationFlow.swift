import StockroomDomain
import TerminalUI

/// The deallocation wizard of the seed "Deallocate inventory", for one
/// account and one kind of inventory: SMS software tokens or capacity,
/// MobilePASS, or hardware tokens of one model. Three steps: select,
/// reference information, confirm; one transaction through the store.
public struct DeallocationFlow: LegacyWizardFlow {
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

  public var steps: [String] { ["Select", "Reference", "Confirm"] }

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

  public func controlCount(step: Int, answers: DeallocationAnswers) -> Int {
    switch step {
    case 0:
      switch kind {
      case .software: return 2
      case .mobilePass: return 1
      case .hardware: return answers.pick.controlCount
      }
    case 1: return isHardware ? 4 : 3
    default: return 0
    }
  }

  public func refusal(step: Int, answers: DeallocationAnswers) -> String? {
    guard step == 0 else { return nil }
    switch kind {
    case .software:
      let row = answers.softwareRow
      let column = DeallocationFlow.softwareRows[row]
      if answers.softwareLimits[row] <= 0 {
        return "\(column.title): nothing to deallocate; choose another row"
      }
      return answers.softwareQuantities[row].validation.map { "Deallocate: " + $0 }
    case .mobilePass:
      if answers.mobileLimit <= 0 { return "MobilePASS: nothing to deallocate" }
      return answers.mobileQuantity.validation.map { "Deallocate: " + $0 }
    case .hardware:
      return answers.pick.refusal
    }
  }

  public func hasAnswers(_ answers: DeallocationAnswers) -> Bool {
    answers.hasAnswers
  }

  public func isTextField(step: Int, focus: Int, answers: DeallocationAnswers) -> Bool {
    switch (step, kind) {
    case (0, .software): return focus == 1
    case (0, .mobilePass): return true
    case (0, .hardware): return answers.pick.isTextField(focus: focus)
    case (1, _): return focus >= (isHardware ? 2 : 1)
    default: return false
    }
  }

  public func update(
    step: Int, focus: Int, key: Key, answers: inout DeallocationAnswers, context: AppContext
  ) -> KeyResult {
    switch step {
    case 0: return updateSelect(focus: focus, key: key, answers: &answers, context: context)
    case 1: return updateReference(focus: focus, key: key, answers: &answers)
    default: return .ignored
    }
  }

  public func view(
    step: Int, focus: Int?, answers: DeallocationAnswers, into buffer: inout Buffer,
    in rect: Rect, context: AppContext
  ) {
    switch step {
    case 0: viewSelect(focus: focus, answers: answers, into: &buffer, in: rect)
    case 1: viewReference(focus: focus, answers: answers, into: &buffer, in: rect)
    default: viewConfirm(answers: answers, into: &buffer, in: rect, context: context)
    }
  }

  public func cursor(
    step: Int, focus: Int, answers: DeallocationAnswers, in rect: Rect
  ) -> Point? {
    switch step {
    case 0: return cursorSelect(focus: focus, answers: answers, in: rect)
    case 1: return cursorReference(focus: focus, answers: answers, in: rect)
    default: return nil
    }
  }

  public func keyBindings(
    step: Int, focus: Int?, answers: DeallocationAnswers
  ) -> [KeyBinding] {
    switch (step, kind, focus) {
    case (0, .software, 0): return [KeyBinding("↑↓", "choose row")]
    case (0, .hardware, _): return answers.pick.keyBindings(focus: focus)
    case (1, _, .some(let control)) where control <= (isHardware ? 1 : 0):
      return [KeyBinding("↑↓", "choose")]
    case (2, _, _): return [KeyBinding("Enter", "confirm")]
    default: return []
    }
  }

  public func hint(step: Int, focus: Int?, answers: DeallocationAnswers) -> StatusLine? {
    switch step {
    case 0: return answers.scanNotice
    case 1: return textRefusal(answers, focus: focus).map { StatusLine($0, kind: .error) }
    default: return nil
    }
  }

  public func takesKey(_ key: Key, step: Int, answers: DeallocationAnswers) -> Bool {
    step == 0 && isHardware && answers.pick.takesKey(key)
  }

  /// A long filter goes on here, a chunk at a time, between key polls.
  public func idle(step: Int, answers: inout DeallocationAnswers) -> Bool {
    guard step == 0 else { return false }
    return answers.pick.idle()
  }

  /// On the hardware pick list a scan always goes to the scan field, whatever
  /// has focus, and its Enter never presses Next.
  public func scanned(_ text: String, step: Int, answers: inout DeallocationAnswers) -> Bool {
    guard step == 0, isHardware else { return false }
    return answers.pick.scanned(text)
  }

  /// Where focus lands on a step: on the hardware pick list, once serials
  /// are listed, the scan field (ready for the scanner).
  public func initialFocus(step: Int, answers: DeallocationAnswers) -> Int {
    step == 0 && isHardware && answers.pickList != nil ? 2 : 0
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
      comment: answers.comment.text, key: key)
  }

  /// Another session took something: refresh the pick list (or the limits)
  /// from the fresh state, keep every other answer, and go back to step 1.
  public func recover(
    fromConflict message: String, answers: inout DeallocationAnswers, context: AppContext
  ) -> Int? {
    answers.refreshLimits(flow: self, state: context.state)
    if isHardware { answers.researchKeepingPicks(flow: self, state: context.state) }
    return 0
  }

  public func resultEffect(
    transactionId: String, answers: DeallocationAnswers, context: AppContext
  ) -> Effect {
    .replace(TransactionScreen(transactionId: transactionId, context: context))
  }
}
