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
  // Step 1, hardware.
  public internal(set) var listQuantity: NumberField
  public internal(set) var pickList: PickList?
  public internal(set) var scan = TextField(width: 16, maxLength: 64)
  public internal(set) var scanNotice: StatusLine?
  /// A paste, file or range waiting for Enter before anything moves.
  public internal(set) var preview: SerialPreview?
  /// The "load a file" prompt, while open.
  public internal(set) var filePrompt: SerialFilePrompt?
  /// What each move into Deallocate took (a scan, a range, a paste…), last
  /// last, for Ctrl-Z.
  public internal(set) var undoBatches: [[Int32]] = []
  /// Serials of this model and account that need a token-side PIN.
  public internal(set) var needsPIN: Set<String> = []
  /// How many serials of the model are allocated and not in use.
  public internal(set) var hardwareLimit: Int
  // Step 2, reference information.
  public internal(set) var disposition = RadioGroup(
    options: Disposition.allCases.map { RadioGroup.Option($0.title) }, selected: 0)
  public internal(set) var container: ChoiceField
  public internal(set) var containerCodes: [String]
  public internal(set) var reference = TextField(
    width: 40, maxLength: TextRules.referenceLimit, rule: .reference)
  public internal(set) var comment = TextField(width: 56, maxLength: TextRules.commentLimit)

  init(flow: DeallocationFlow, state: InventoryState) {
    softwareLimits = Array(repeating: 0, count: DeallocationFlow.softwareRows.count)
    softwareQuantities = []
    mobileLimit = 0
    mobileQuantity = NumberField(range: 1...1, width: 8)
    listQuantity = NumberField(range: 1...1, width: 8)
    hardwareLimit = 0
    containerCodes = state.containers.map(\.code)
    container = ChoiceField(
      options: state.containers.map { TextSafety.neutralised($0.name) }, selected: 0, width: 34)
    refreshLimits(flow: flow, state: state)
    softwareQuantities = softwareLimits.map { NumberField(range: 1...max(1, $0), width: 8) }
    mobileQuantity = NumberField(range: 1...max(1, mobileLimit), width: 8)
    listQuantity = NumberField(range: 1...max(1, hardwareLimit), width: 8)
    if hardwareLimit > 0 { listQuantity.setText(String(hardwareLimit)) }
  }

  /// Recomputes the most each field may take from the state (on open and
  /// after another session's commit), keeping what was typed.
  mutating func refreshLimits(flow: DeallocationFlow, state: InventoryState) {
    guard state.accounts.indices.contains(flow.account) else { return }
    let cells = state.allocationTable(account: flow.account)
    func limit(_ column: SoftwareColumn) -> Int {
      cells.first { $0.column == .software(column) }?.deallocatable ?? 0
    }
    softwareLimits = DeallocationFlow.softwareRows.map(limit)
    mobileLimit = limit(.mobilePass)
    if case .hardware(let model) = flow.kind {
      hardwareLimit = cells.first { $0.column == .hardware(model: model) }?.deallocatable ?? 0
    }
    if softwareQuantities.count == softwareLimits.count {
      for (index, limit) in softwareLimits.enumerated() {
        let text = softwareQuantities[index].text
        softwareQuantities[index] = NumberField(range: 1...max(1, limit), width: 8, text: text)
      }
      mobileQuantity = NumberField(
        range: 1...max(1, mobileLimit), width: 8, text: mobileQuantity.text)
      listQuantity = NumberField(
        range: 1...max(1, hardwareLimit), width: 8, text: listQuantity.text)
    }
  }

  /// Chooses the software row whose Deallocate field is active.
  mutating func chooseSoftwareRow(_ row: Int) {
    guard softwareLimits.indices.contains(row) else { return }
    softwareRow = row
  }

  var hasAnswers: Bool {
    softwareQuantities.contains { !$0.text.isEmpty } || !mobileQuantity.text.isEmpty
      || (pickList?.count(.right) ?? 0) > 0 || !reference.text.isEmpty
      || !comment.text.isEmpty
  }

  var dispositionValue: Disposition {
    Disposition.allCases[disposition.selected ?? 0]
  }

  var containerCode: String? {
    containerCodes.indices.contains(container.selected) ? containerCodes[container.selected] : nil
  }

  /// The serials of the model allocated to the account and not in use,
  /// sorted, the first `limit` of them.
  static func deallocatableSerials(
    flow: DeallocationFlow, state: InventoryState, limit: Int
  ) -> (serials: [String], needsPIN: Set<String>) {
    guard case .hardware(let model) = flow.kind else { return ([], []) }
    var serials: [String] = []
    var pin: Set<String> = []
    let indices = state.tokenIndices(account: flow.account, model: model)
    serials.reserveCapacity(indices.count)
    for index in indices {
      let token = state.tokens[index]
      guard token.state == .allocated, !token.inUse else { continue }
      serials.append(token.serial)
      if token.needsPIN { pin.insert(token.serial) }
    }
    // Tokens are kept in receipt order, usually serial order already.
    if !PickList.isAscending(serials) { serials.sort() }
    if serials.count > limit {
      serials.removeSubrange(limit...)
      pin = pin.filter { $0 <= serials[serials.count - 1] }
    }
    return (serials, pin)
  }

  /// Search: fills the Allocated list with up to Quantity serials.
  mutating func search(flow: DeallocationFlow, state: InventoryState) {
    let limit = listQuantity.value ?? hardwareLimit
    let found = DeallocationAnswers.deallocatableSerials(flow: flow, state: state, limit: limit)
    let pin = found.needsPIN
    var list = PickList(
      items: found.serials, leftTitle: "Allocated", rightTitle: "Deallocate",
      annotation: { [items = found.serials] index in
        items.indices.contains(index) && pin.contains(items[index]) ? "needs PIN" : nil
      }, sorted: true)
    list.layout(in: DeallocationFlow.pickListRect(in: DeallocationFlow.referenceBody))
    // Keep what was already moved, where it is still deallocatable.
    for serial in pickList?.rightItems ?? [] { _ = list.scan(serial) }
    pickList = list
    needsPIN = pin
    preview = nil
    undoBatches = []
  }

  /// Remembers a move into Deallocate, so Ctrl-Z can take it back.
  mutating func rememberMove(_ moved: [Int32]) {
    guard !moved.isEmpty else { return }
    undoBatches.append(moved)
    if undoBatches.count > 100 { undoBatches.removeFirst() }
  }

  /// After a conflict: search again on the fresh state, keeping the picks
  /// that are still valid, and say which were dropped.
  mutating func researchKeepingPicks(flow: DeallocationFlow, state: InventoryState) {
    let before = pickList?.rightItems ?? []
    scanNotice = nil
    search(flow: flow, state: state)
    let kept = Set(pickList?.rightItems ?? [])
    let dropped = before.filter { !kept.contains($0) }
    if !dropped.isEmpty {
      let names = dropped.prefix(5).map(TextSafety.neutralised).joined(separator: ", ")
      let more = dropped.count > 5 ? " and \(dropped.count - 5) more" : ""
      scanNotice = StatusLine(
        "Another session took \(names)\(more): removed from Deallocate; the rest kept.",
        kind: .error)
    }
  }
}
