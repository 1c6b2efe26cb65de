import StockroomDomain
import TerminalUI

/// The allocation wizard written down by name and opened again: a draft keeps
/// its record, and `allocate --interactive` opens one built from its options.
/// Opening checks the record against the store as it is now and says what
/// could not be kept, in `changes` and on the status line.
extension AllocationFlow: DraftableFlow {
  public static var draftKind: String { "allocate" }
  public static var recordFormat: Int { 1 }

  public func record(of answers: AllocationAnswers) -> AllocationRecord {
    var record = AllocationRecord(account: accountCode, type: answers.allocationKind)
    switch answers.choice {
    case .software(let column)?:
      record.product = column.product
      record.quantity = AllocationFlow.number(answers.quantity.text)
    case .hardware?:
      record.model = answers.modelName
      record.quantity = AllocationFlow.number(answers.pick.listQuantity.text)
      record.serials = answers.pick.pickList?.rightItems
    case nil:
      break
    }
    record.withCapacity = answers.withCapacity
    record.amount = AllocationFlow.text(answers.amount.text)
    record.per = Billing.Basis.allCases[answers.per.selected]
    record.trigger = answers.trigger.value
    record.customerReference = AllocationFlow.text(answers.customerReference.text)
    record.reference = AllocationFlow.text(answers.fields.reference.text)
    record.comment = AllocationFlow.text(answers.fields.comment.text)
    return record
  }

  /// The whole number typed in a field, in range or not (nil: none).
  static func number(_ text: String) -> Int? {
    Int(text.trimmingCharacters(in: .whitespaces))
  }

  /// Typed text, nil when empty.
  static func text(_ text: String) -> String? { text.isEmpty ? nil : text }

  public static func restore(
    _ record: AllocationRecord, context: AppContext
  ) -> Result<RestoredWizard<AllocationFlow>, WizardRestoreError> {
    let state = context.state
    guard let code = record.account else {
      return .failure(WizardRestoreError("No account to allocate to"))
    }
    guard let account = state.accountIndex(code),
      let made = make(account: account, context: context)
    else {
      return .failure(WizardRestoreError("Unknown account \(TextSafety.neutralised(code))"))
    }
    var answers = made.answers
    var changes: [String] = []
    let kind = record.product == .capacity ? .capacityOnly : (record.type ?? .rental)
    answers.kind.choose(AllocationKind.allCases.firstIndex(of: kind) ?? 0)
    answers.rebuildProducts(state: state, keeping: nil)
    restoreProduct(record, kind: kind, answers: &answers, changes: &changes, state: state)
    if record.withCapacity == true && kind == .sale {
      answers.withCapacity = true
      answers.refreshLimit(state: state)
    }
    restoreQuantity(record, answers: &answers, changes: &changes, state: state)
    restoreSerials(record, answers: &answers, changes: &changes, state: state)
    restoreBilling(record, answers: &answers, changes: &changes)
    if let reference = record.reference { answers.fields.reference.setText(reference) }
    if let comment = record.comment { answers.fields.comment.setText(comment) }
    answers.restoreNotice = AllocationFlow.notice(changes)
    return .success(RestoredWizard(flow: made.flow, answers: answers, changes: changes))
  }

  /// Chooses the record's product or model where the type offers it; else none is chosen.
  private static func restoreProduct(
    _ record: AllocationRecord, kind: AllocationKind, answers: inout AllocationAnswers,
    changes: inout [String], state: InventoryState
  ) {
    var wanted: AllocationChoice?
    if let model = record.model {
      guard let index = state.modelIndex(model) else {
        changes.append("\(TextSafety.neutralised(model)) is no longer a hardware model")
        answers.leaveProductUnchosen()
        return
      }
      wanted = .hardware(model: index)
    } else if let product = record.product {
      let column =
        product == .sms
        ? (kind == .sale ? .smsSale : .smsRental) : SoftwareColumn(product: product, type: nil)
      wanted = column.map { .software($0) }
    } else if let first = record.serials?.first, let token = state.token(serial: first) {
      wanted = .hardware(model: Int(token.model))
    }
    guard let wanted, let at = answers.choices.firstIndex(of: wanted) else {
      if let wanted {
        changes.append(
          "\(AllocationAnswers.title(wanted, state: state)) cannot be allocated as a "
            + kind.title)
      }
      answers.leaveProductUnchosen()
      return
    }
    answers.product.choose(at)
    answers.refreshLimit(state: state)
  }

  private static func restoreQuantity(
    _ record: AllocationRecord, answers: inout AllocationAnswers, changes: inout [String],
    state: InventoryState
  ) {
    guard let quantity = record.quantity, let choice = answers.choice else { return }
    if case .hardware = choice {
      answers.pick.listQuantity.setText(String(quantity))
      return
    }
    answers.quantity.setText(String(quantity))
    if quantity > answers.limit {
      changes.append(
        "\(quantity) \(AllocationAnswers.title(choice, state: state)) asked, but only "
          + "\(answers.limit) can be allocated now")
    }
  }

  /// Searches and moves the record's serials to Allocate; those no longer on
  /// offer are named in `changes`.
  private static func restoreSerials(
    _ record: AllocationRecord, answers: inout AllocationAnswers, changes: inout [String],
    state: InventoryState
  ) {
    guard let serials = record.serials else { return }
    guard case .hardware(let model) = answers.choice else {
      if !serials.isEmpty {
        changes.append(
          "The serials \(AllocationFlow.names(serials)) were not kept: no hardware model is chosen")
      }
      return
    }
    let kind = answers.allocationKind
    let limit = answers.pick.listQuantity.value ?? answers.pick.limit
    answers.pick.fill(state.allocatableSerials(model: model, type: answers.type, limit: limit))
    answers.pick.pick(serials)
    let kept = Set(answers.pick.pickList?.rightItems ?? [])
    let dropped = serials.filter { !kept.contains($0) }
    for serial in dropped {
      let why = AllocationFlow.whyNotOffered(serial, model: model, kind: kind, state: state)
      changes.append(
        "\(TextSafety.neutralised(serial)) " + (why ?? "is not among the \(limit) serials listed"))
    }
  }

  private static func restoreBilling(
    _ record: AllocationRecord, answers: inout AllocationAnswers, changes: inout [String]
  ) {
    if let amount = record.amount { answers.amount.setText(amount) }
    if let per = record.per, let at = Billing.Basis.allCases.firstIndex(of: per) {
      answers.per.select(at)
    }
    if let trigger = record.trigger {
      if let at = Billing.triggers.firstIndex(of: trigger) {
        answers.trigger.select(at)
      } else {
        changes.append(
          "The billing trigger \"\(TextSafety.neutralised(trigger))\" is no longer offered")
      }
    }
    if let customer = record.customerReference { answers.customerReference.setText(customer) }
  }

  /// Why `serial` cannot be allocated as `kind` now; nil when it can (listed or not).
  static func whyNotOffered(
    _ serial: String, model: Int, kind: AllocationKind, state: InventoryState
  ) -> String? {
    guard let token = state.token(serial: serial) else { return "is not a known serial" }
    let name = state.models.indices.contains(model) ? state.models[model] : "?"
    if Int(token.model) != model { return "is not \(TextSafety.neutralised(name)) hardware" }
    switch token.allocationBar(as: kind == .sale ? .sale : .rental) {
    case .faulty, .lost: return "is \(token.state.rawValue)"
    case .allocated: return "is no longer available in the provider's stock"
    case .leasedForSale: return "is leased: it can only be rented"
    case nil: return nil
    }
  }

  /// The status line naming what a restore could not keep, nil when it kept everything.
  static func notice(_ changes: [String]) -> StatusLine? {
    changes.isEmpty
      ? nil : StatusLine("Not kept: " + changes.joined(separator: "; ") + ".", kind: .error)
  }

  /// "A, B, C" or "A, B, C, D, E and 3 more".
  static func names(_ serials: [String]) -> String {
    let shown = serials.prefix(5).map(TextSafety.neutralised).joined(separator: ", ")
    return serials.count > 5 ? "\(shown) and \(serials.count - 5) more" : shown
  }
}
