import StockroomDomain
import TerminalUI

/// `--interactive`: the wizard filled with what the options gave, at the
/// first step that still needs an answer (DESIGN.md section 5).
extension DeallocationPrefill {
  /// The screens to open above home: the account's allocation table and the
  /// wizard, or the accounts list when the account is unknown or missing.
  public func screens(context: AppContext) -> [any Screen] {
    let state = context.state
    guard let code = account, let account = state.accountIndex(code) else {
      return [AccountsScreen(context: context)]
    }
    let table = AllocationScreen(account: account, context: context)
    let kind: DeallocationFlow.Kind
    var row = 0
    switch flow {
    case .software:
      kind = .software
      if let column, let index = DeallocationFlow.softwareRows.firstIndex(of: column) {
        row = index
      }
    case .mobilePass:
      kind = .mobilePass
    case .hardware:
      guard let first = serials?.first, let token = state.token(serial: first) else {
        return [table]
      }
      kind = .hardware(model: Int(token.model))
    }
    guard
      var made = DeallocationFlow.make(
        kind: kind, account: account, softwareRow: row, context: context)
    else { return [table] }
    fill(&made.answers, flow: made.flow, state: state)
    let step: Int
    if made.flow.refusal(step: 0, answers: made.answers) != nil {
      step = 0
    } else if flow == .hardware && disposition == nil {
      step = 1
    } else {
      step = 2
    }
    return [table, LegacyWizardScreen(flow: made.flow, answers: made.answers, step: step)]
  }

  private func fill(
    _ answers: inout DeallocationAnswers, flow: DeallocationFlow, state: InventoryState
  ) {
    if let quantity {
      switch self.flow {
      case .software: answers.softwareQuantities[answers.softwareRow].setText(String(quantity))
      case .mobilePass: answers.mobileQuantity.setText(String(quantity))
      case .hardware: break
      }
    }
    if let serials, !serials.isEmpty {
      answers.search(flow: flow, state: state)
      answers.pick.pick(serials)
    }
    if let disposition, let index = Disposition.allCases.firstIndex(of: disposition) {
      answers.disposition.choose(index)
    }
    if let container { answers.fields.selectContainer(container, state: state) }
    if let reference { answers.fields.reference.setText(reference) }
    if let comment { answers.fields.comment.setText(comment) }
  }
}
