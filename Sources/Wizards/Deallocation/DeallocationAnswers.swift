import StockroomDomain
import TerminalUI

/// Everything the user has answered in the deallocation wizard, and the
/// state of each step's controls. Back and Esc keep all of it.
public struct DeallocationAnswers {
  // Step 1, software: one row per Product and Type, one field per row.
  public internal(set) var softwareRow = 0
  public internal(set) var softwareLimits: [Int]
  public internal(set) var softwareQuantities: [NumberField]
  // Step 1, MobilePASS.
  public internal(set) var mobileLimit: Int
  public internal(set) var mobileQuantity: NumberField
  // Step 1, hardware: the pick list and everything around it.
  public internal(set) var pick: SerialPickStep
  // Step 2, reference information.
  public internal(set) var disposition = RadioGroup(
    options: Disposition.allCases.map { RadioGroup.Option($0.title) }, selected: 0)
  public internal(set) var fields: ReferenceFields
  /// Why the tokens came back (optional).
  public internal(set) var returnReason = ReturnReasonField()

  /// The hardware pick list, once searched.
  public internal(set) var pickList: PickList? {
    get { pick.pickList }
    set { pick.pickList = newValue }
  }
  /// What the last scan, search or move did.
  public internal(set) var scanNotice: StatusLine? {
    get { pick.scanNotice }
    set { pick.scanNotice = newValue }
  }
  /// Serials of this model and account that need a token-side PIN.
  public var needsPIN: SerialMarks { pick.needsPIN }
  /// How many serials of the model are allocated and not in use.
  public var hardwareLimit: Int { pick.limit }
  public var reference: TextField { fields.reference }
  public var comment: TextField { fields.comment }

  init(flow: DeallocationFlow, state: InventoryState) {
    softwareLimits = Array(repeating: 0, count: DeallocationFlow.softwareRows.count)
    softwareQuantities = []
    mobileLimit = 0
    mobileQuantity = NumberField(range: 1...1, width: 8)
    pick = SerialPickStep(words: DeallocationAnswers.words(flow.modelName), limit: 0)
    fields = ReferenceFields(state: state)
    refreshLimits(flow: flow, state: state)
    softwareQuantities = softwareLimits.map { NumberField(range: 1...max(1, $0), width: 8) }
    mobileQuantity = NumberField(range: 1...max(1, mobileLimit), width: 8)
    pick = SerialPickStep(words: DeallocationAnswers.words(flow.modelName), limit: pick.limit)
  }

  /// The pick list's words in the deallocation wizard.
  static func words(_ model: String) -> SerialPickStep.Words {
    SerialPickStep.Words(
      left: "Allocated", right: "Deallocate",
      noneFound: "No \(model) tokens of this account are free to deallocate.",
      notOffered: "is not an allocated, unused \(model) token of this account"
        + " (or not among the serials listed).",
      intro: "\(model) tokens of this account are allocated and not "
        + "in use. Quantity is the most serials to list (all by default); Search lists them "
        + "in Allocated. Mark the ones physically returned and move them to Deallocate, or "
        + "scan them into the scan field.",
      foreign: "not allocated here or not listed")
  }

  /// Recomputes the most each field may take from the state (on open and
  /// after another session's commit), keeping what was typed.
  mutating func refreshLimits(flow: DeallocationFlow, state: InventoryState) {
    guard state.accounts.indices.contains(flow.account) else { return }
    softwareLimits = DeallocationFlow.softwareRows.map {
      state.deallocatableQuantity($0, account: flow.account)
    }
    mobileLimit = state.deallocatableQuantity(.mobilePass, account: flow.account)
    if case .hardware(let model) = flow.kind {
      let known = state.models.indices.contains(model)
      pick.setLimit(known ? state.deallocatableCount(account: flow.account, model: model) : 0)
    }
    if softwareQuantities.count == softwareLimits.count {
      for (index, limit) in softwareLimits.enumerated() {
        let text = softwareQuantities[index].text
        softwareQuantities[index] = NumberField(range: 1...max(1, limit), width: 8, text: text)
      }
      mobileQuantity = NumberField(
        range: 1...max(1, mobileLimit), width: 8, text: mobileQuantity.text)
    }
  }

  /// Chooses the software row whose Deallocate field is active.
  mutating func chooseSoftwareRow(_ row: Int) {
    guard softwareLimits.indices.contains(row) else { return }
    softwareRow = row
  }

  var hasAnswers: Bool {
    softwareQuantities.contains { !$0.text.isEmpty } || !mobileQuantity.text.isEmpty
      || (pickList?.count(.right) ?? 0) > 0 || fields.hasAnswers
  }

  var dispositionValue: Disposition {
    Disposition.allCases[disposition.selected ?? 0]
  }

  var containerCode: String? { fields.containerCode }

  /// Search: fills the Allocated list with up to Quantity serials.
  mutating func search(flow: DeallocationFlow, state: InventoryState) {
    let limit = pick.listQuantity.value ?? pick.limit
    pick.fill(flow.offered(state, limit: limit))
  }

  /// After a conflict: search again on the fresh state, keeping the picks
  /// that are still valid, and say which were dropped.
  mutating func researchKeepingPicks(flow: DeallocationFlow, state: InventoryState) {
    let limit = pick.listQuantity.value ?? pick.limit
    pick.researchKeepingPicks(flow.offered(state, limit: limit))
  }
}
