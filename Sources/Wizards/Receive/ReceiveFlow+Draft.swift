import StockroomDomain
import TerminalUI

/// The receiving wizard written down by name and opened again: a draft keeps
/// its record, and `receive --interactive` opens one built from its options.
/// Opening checks the record against the store as it is now and says what
/// could not be kept (serials another session received meanwhile).
extension ReceiveFlow: DraftableFlow {
  public static var draftKind: String { "receive" }
  public static var recordFormat: Int { 1 }

  public func record(of answers: ReceiveAnswers) -> ReceiveRecord {
    var record = ReceiveRecord(
      ownership: ReceiveFlow.ownership(answers), container: answers.fields.containerCode,
      needsPIN: answers.needsPIN, reference: AllocationFlow.text(answers.fields.reference.text),
      comment: AllocationFlow.text(answers.fields.comment.text))
    guard answers.itemChosen else { return record }
    switch item(answers) {
    case .hardware(let model)?:
      record.model = answers.modelNames.indices.contains(model) ? answers.modelNames[model] : nil
      record.serials = answers.serials.serials.isEmpty ? nil : answers.serials.serials
    case .software(let product)?:
      record.product = product
      record.quantity = AllocationFlow.number(answers.quantity.text)
    case nil:
      break
    }
    return record
  }

  public static func restore(
    _ record: ReceiveRecord, context: AppContext
  ) -> Result<RestoredWizard<ReceiveFlow>, WizardRestoreError> {
    let state = context.state
    let (flow, made) = make(context: context)
    var answers = made
    var changes: [String] = []
    var wanted: Item?
    if let model = record.model {
      if let index = state.modelIndex(model) {
        wanted = .hardware(model: index)
      } else {
        changes.append("\(TextSafety.neutralised(model)) is not a hardware model")
      }
    } else if let product = record.product {
      wanted = .software(product)
    }
    if let wanted, let index = flow.items.firstIndex(of: wanted) {
      answers.item.select(index)
    } else {
      answers.itemChosen = false
    }
    if let ownership = record.ownership {
      answers.ownership.choose(ownership == .leased ? 1 : 0)
    } else {
      answers.ownership = RadioGroup(options: answers.ownership.options)
    }
    if let container = record.container {
      if state.containerIndex(container) != nil {
        answers.fields.selectContainer(container, state: state)
      } else {
        changes.append("There is no container \(TextSafety.neutralised(container))")
      }
    }
    answers.needsPIN = record.needsPIN ?? false
    if let quantity = record.quantity, case .software? = wanted {
      answers.quantity.setText(String(quantity))
    }
    if let serials = record.serials, !serials.isEmpty {
      restoreSerials(
        serials, hardware: flow.isHardware(answers), answers: &answers, changes: &changes,
        state: state)
    }
    if let reference = record.reference { answers.fields.reference.setText(reference) }
    if let comment = record.comment { answers.fields.comment.setText(comment) }
    answers.restoreNotice = AllocationFlow.notice(changes)
    return .success(RestoredWizard(flow: flow, answers: answers, changes: changes))
  }

  /// Lists the record's new serials; those received meanwhile, listed twice
  /// or not serials at all are named in `changes`.
  private static func restoreSerials(
    _ serials: [String], hardware: Bool, answers: inout ReceiveAnswers, changes: inout [String],
    state: InventoryState
  ) {
    guard hardware else {
      changes.append(
        "The serials \(AllocationFlow.names(serials)) were not kept: no hardware model is chosen")
      return
    }
    let preview = answers.serials.preview(source: "Record", serials, state: state)
    var new: [String] = []
    for serial in preview.new {
      do throws(DomainError) {
        try TextRules.checkSerial(serial)
        new.append(serial)
      } catch {
        changes.append("\(TextSafety.neutralised(serial)): \(error.message)")
      }
    }
    for serial in preview.known {
      changes.append("\(TextSafety.neutralised(serial)) is already in the inventory")
    }
    for serial in preview.duplicated {
      changes.append("\(TextSafety.neutralised(serial)) is listed twice")
    }
    answers.serials.add(new)
  }
}
