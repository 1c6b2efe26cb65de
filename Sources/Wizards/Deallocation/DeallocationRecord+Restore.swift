import StockroomDomain
import TerminalUI

/// The deallocation wizard's answers written down by name and opened again:
/// drafts keep a `DeallocationRecord`, and `--interactive` builds one from a
/// headless twin's options. Opening checks the record against the store as it
/// is now and says what could not be kept.
extension DeallocationFlow: DraftableFlow {
  public static let draftKind = "deallocate"
  public static let recordFormat = 1

  public func record(of answers: DeallocationAnswers) -> DeallocationRecord {
    var record = DeallocationRecord(flow: .software, account: accountCode)
    switch kind {
    case .software:
      let column = DeallocationFlow.softwareRows[answers.softwareRow]
      record.product = column.product
      record.type = column.type
      record.quantity = answers.softwareQuantities[answers.softwareRow].value
    case .mobilePass:
      record.flow = .mobilePass
      record.quantity = answers.mobileQuantity.value
    case .hardware:
      record.flow = .hardware
      record.model = modelName
      record.listQuantity = answers.pick.listQuantity.text
      if let list = answers.pickList {
        record.serials = list.rightItems
        record.marked = list.marks(.left).compactMap { index in
          list.items.indices.contains(Int(index)) ? list.items[Int(index)] : nil
        }.sorted()
      }
      record.disposition = answers.dispositionValue
    }
    record.container = answers.containerCode
    record.reference = answers.reference.text.isEmpty ? nil : answers.reference.text
    record.comment = answers.comment.text.isEmpty ? nil : answers.comment.text
    record.returnReason = answers.returnReason.value
    return record
  }

  public static func restore(
    _ record: DeallocationRecord, context: AppContext
  ) -> Result<RestoredWizard<DeallocationFlow>, WizardRestoreError> {
    let state = context.state
    guard let code = record.account else {
      return .failure(WizardRestoreError("The answers name no account."))
    }
    guard let account = state.accountIndex(code) else {
      return .failure(
        WizardRestoreError("Account \(TextSafety.neutralised(code)) no longer exists."))
    }
    let kind: Kind
    var row = 0
    switch record.flow {
    case .software:
      kind = .software
      // A product without its type (SMS) opens on the product's first row, to choose the type.
      let named = record.column.flatMap { softwareRows.firstIndex(of: $0) }
      row = named ?? softwareRows.firstIndex { $0.product == record.product } ?? 0
    case .mobilePass:
      kind = .mobilePass
    case .hardware:
      let model =
        record.model.flatMap { state.models.firstIndex(of: $0) }
        ?? record.serials?.first.flatMap { state.token(serial: $0) }.map { Int($0.model) }
      guard let model else {
        return .failure(WizardRestoreError("The answers name no hardware model."))
      }
      kind = .hardware(model: model)
    }
    guard var made = make(kind: kind, account: account, softwareRow: row, context: context) else {
      return .failure(WizardRestoreError("The account \(TextSafety.neutralised(code)) is missing."))
    }
    let changes = record.fill(&made.answers, flow: made.flow, state: state)
    return .success(RestoredWizard(flow: made.flow, answers: made.answers, changes: changes))
  }
}

extension DeallocationRecord {
  /// The screens `--interactive` opens above home: the account's allocation
  /// table and the wizard at the first step that still needs an answer, or
  /// the accounts list when the account is unknown or missing.
  public func screens(context: AppContext) -> [any Screen] {
    guard let code = account, let account = context.state.accountIndex(code) else {
      return [AccountsScreen(context: context)]
    }
    let table = AllocationScreen(account: account, context: context)
    guard case .success(let restored) = DeallocationFlow.restore(self, context: context) else {
      return [table]
    }
    // Software without a row named (no product, or SMS without its type) opens where the
    // user chooses the row, as the allocation table's cells open it.
    if flow == .software, column == nil {
      return [table, WizardScreen(flow: restored.flow, answers: restored.answers)]
    }
    var screen = WizardScreen.atFirstUnanswered(flow: restored.flow, answers: restored.answers)
    // Return as has a default, but hardware given without one is asked for it.
    if flow == .hardware, disposition == nil, screen.step == .confirm {
      screen = WizardScreen(
        flow: restored.flow, answers: restored.answers, at: WizardPlace(.reference))
    }
    return [table, screen]
  }

  /// Puts the record's answers into `answers`; returns what could not be kept.
  func fill(
    _ answers: inout DeallocationAnswers, flow: DeallocationFlow, state: InventoryState
  ) -> [String] {
    var changes: [String] = []
    if let quantity {
      switch self.flow {
      case .software: answers.softwareQuantities[answers.softwareRow].setText(String(quantity))
      case .mobilePass: answers.mobileQuantity.setText(String(quantity))
      case .hardware: break
      }
    }
    if let listQuantity { answers.pick.listQuantity.setText(listQuantity) }
    let serials = serials ?? []
    if !serials.isEmpty || marked != nil {
      answers.search(flow: flow, state: state)
      answers.pick.pick(serials)
      let moved = Set(answers.pickList?.rightItems ?? [])
      let gone = serials.filter { !moved.contains($0) }
      if !gone.isEmpty {
        let names = gone.prefix(5).map(TextSafety.neutralised).joined(separator: ", ")
        let more = gone.count > 5 ? " and \(gone.count - 5) more" : ""
        changes.append(
          "deallocate: \(names)\(more) no longer allocated and unused here; removed")
      }
      if let marked, !marked.isEmpty { answers.pick.mark(marked) }
    }
    if let disposition, let index = Disposition.allCases.firstIndex(of: disposition) {
      answers.disposition.choose(index)
    }
    if let container { answers.fields.selectContainer(container, state: state) }
    if let reference { answers.fields.reference.setText(reference) }
    if let comment { answers.fields.comment.setText(comment) }
    if let returnReason { answers.returnReason.select(returnReason) }
    return changes
  }
}
