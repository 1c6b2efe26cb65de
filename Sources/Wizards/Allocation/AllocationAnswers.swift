import StockroomDomain
import TerminalUI

/// What the allocation wizard allocates: a software column (Capacity, SMS
/// Rental or Sale, ST-1 Legacy, MobilePASS) or hardware tokens of one model.
public enum AllocationChoice: Hashable, Sendable {
  case software(SoftwareColumn)
  case hardware(model: Int)
}

/// The allocation types of the Type step: Rental, Sale or Capacity Only. A
/// record names them by these raw values.
public enum AllocationKind: String, CaseIterable, Hashable, Sendable, Codable {
  case rental
  case sale
  case capacityOnly = "capacity-only"

  public var title: String {
    switch self {
    case .rental: return "Rental"
    case .sale: return "Sale"
    case .capacityOnly: return "Capacity Only"
    }
  }

  /// What the type means, beside its radio button.
  var hint: String {
    switch self {
    case .rental: return "ownership stays; owned and leased stock"
    case .sale: return "ownership moves; owned stock only"
    case .capacityOnly: return "units that let users hold tokens"
    }
  }
}

/// Everything the user has answered in the allocation wizard. Back and Esc keep all of it.
public struct AllocationAnswers {
  // Step 1: type and product.
  public internal(set) var kind = RadioGroup(
    options: AllocationKind.allCases.map { RadioGroup.Option($0.title, hint: $0.hint) },
    selected: 0)
  public internal(set) var choices: [AllocationChoice] = []
  public internal(set) var product = RadioGroup(options: [])
  public internal(set) var withCapacity = false
  // Step 2: a quantity, or serials.
  public internal(set) var quantity = NumberField(range: 1...1, width: 8)
  public internal(set) var pick: SerialPickStep
  /// The model the pick list was made for (nil: none yet).
  public internal(set) var pickModel: Int?
  /// The name of that model.
  public internal(set) var modelName = ""
  // Step 3: billing references.
  public internal(set) var amount = TextField(width: 14, maxLength: 17)
  public internal(set) var per = ChoiceField(
    options: Billing.Basis.allCases.map(\.title), selected: 0, width: 21)
  public internal(set) var trigger = ChoiceField(
    options: Billing.triggers, selected: 0, width: 21)
  public internal(set) var customerReference = TextField.reference(width: 40)
  public internal(set) var fields: ReferenceFields
  /// False in a demo session.
  var filesAllowed = true
  /// What could not be kept when the wizard was opened from a record (serials
  /// taken meanwhile); on the status line until a key reaches a control.
  public internal(set) var restoreNotice: StatusLine?

  init(state: InventoryState) {
    fields = ReferenceFields(state: state, withContainer: false)
    pick = SerialPickStep(words: AllocationAnswers.words(""), limit: 0)
    rebuildProducts(state: state, keeping: nil)
  }

  var allocationKind: AllocationKind {
    kind.selected.map { AllocationKind.allCases[$0] } ?? .rental
  }

  var choice: AllocationChoice? {
    guard let selected = product.selected, choices.indices.contains(selected) else { return nil }
    return choices[selected]
  }

  /// The type a hardware or SMS allocation records.
  var type: AllocationType { allocationKind == .sale ? .sale : .rental }

  /// The products the chosen type offers.
  static func choices(_ kind: AllocationKind, state: InventoryState) -> [AllocationChoice] {
    let hardware = state.models.indices.map { AllocationChoice.hardware(model: $0) }
    switch kind {
    case .rental:
      return [.software(.smsRental), .software(.st1Legacy), .software(.mobilePass)] + hardware
    case .sale: return [.software(.smsSale)] + hardware
    case .capacityOnly: return [.software(.capacity)]
    }
  }

  static func title(_ choice: AllocationChoice, state: InventoryState) -> String {
    switch choice {
    case .software(.smsRental), .software(.smsSale): return "SMS software tokens"
    case .software(.st1Legacy): return "ST-1 Legacy software tokens"
    case .software(.mobilePass): return "MobilePASS software tokens"
    case .software(.capacity): return "Capacity"
    case .hardware(let model):
      let name = state.models.indices.contains(model) ? state.models[model] : "?"
      return TextSafety.neutralised(name) + " hardware tokens"
    }
  }

  /// The product list for the chosen type, keeping the chosen product where it is offered.
  mutating func rebuildProducts(state: InventoryState, keeping: AllocationChoice?) {
    choices = AllocationAnswers.choices(allocationKind, state: state)
    let options = choices.map { choice in
      let available = AllocationAnswers.available(choice, kind: allocationKind, state: state)
      return RadioGroup.Option(
        AllocationAnswers.title(choice, state: state), hint: "\(available) available")
    }
    var selected = 0
    if let keeping {
      let same = choices.firstIndex { AllocationAnswers.sameProduct($0, keeping) }
      selected = same ?? 0
    }
    product = RadioGroup(options: options, selected: selected)
    refreshLimit(state: state)
  }

  /// No product chosen: a record named none, or one the type does not offer.
  mutating func leaveProductUnchosen() {
    product = RadioGroup(options: product.options)
  }

  static func sameProduct(_ one: AllocationChoice, _ other: AllocationChoice) -> Bool {
    switch (one, other) {
    case (.software(let a), .software(let b)): return a.product == b.product
    case (.hardware(let a), .hardware(let b)): return a == b
    default: return false
    }
  }

  /// How many can be allocated of `choice` (the domain's offer): for hardware the
  /// allocatable serials, for software the stock the allocation draws on.
  static func available(
    _ choice: AllocationChoice, kind: AllocationKind, withCapacity: Bool = false,
    state: InventoryState
  ) -> Int {
    switch choice {
    case .hardware(let model):
      return state.allocatableCount(model: model, type: kind == .sale ? .sale : .rental)
    case .software(let column):
      return state.allocatableQuantity(column, withCapacity: withCapacity)
    }
  }

  /// The most the quantity field takes now.
  var limit: Int {
    pick.limit
  }

  /// Recomputes the limit of the quantity (software) or the pick list's offer (hardware).
  mutating func refreshLimit(state: InventoryState) {
    guard let choice else { return }
    let most = AllocationAnswers.available(
      choice, kind: allocationKind, withCapacity: withCapacity, state: state)
    quantity = NumberField(range: 1...max(1, most), width: 8, text: quantity.text)
    if case .hardware(let model) = choice {
      if pickModel != model {
        let name = state.models.indices.contains(model) ? state.models[model] : ""
        pick = SerialPickStep(words: AllocationAnswers.words(name), limit: most)
        pick.filesAllowed = filesAllowed
        pickModel = model
        modelName = name
      } else {
        pick.setLimit(most)
      }
    } else {
      pick.setLimit(most)
    }
  }

  /// The pick list's words in the allocation wizard.
  static func words(_ model: String) -> SerialPickStep.Words {
    SerialPickStep.Words(
      left: "Available", right: "Allocate",
      noneFound: "No \(model) tokens are available in the provider's stock.",
      notOffered: "is not an available \(model) token in the provider's stock"
        + " (faulty, lost, allocated, leased for a sale, or not listed).",
      intro: "\(model) tokens are available in the provider's stock (never faulty or lost "
        + "ones). Quantity is the most serials to list (all by default); Search lists them in "
        + "Available. Mark the ones to allocate and move them to Allocate, or scan them.",
      foreign: "not available here or not listed")
  }

  var hasAnswers: Bool {
    !quantity.text.isEmpty || (pick.pickList?.count(.right) ?? 0) > 0 || !amount.text.isEmpty
      || !customerReference.text.isEmpty || fields.hasAnswers
  }

  /// Why the amount is refused, when it is.
  var amountProblem: String? {
    let text = amount.text.trimmingCharacters(in: .whitespaces)
    if text.isEmpty {
      return customerReference.text.isEmpty ? nil : "Amount: needed with a customer reference"
    }
    return Billing.amount(text) == nil ? "Amount: not a decimal amount, e.g. 12.50" : nil
  }

  /// The billing references, nil without an amount.
  var billing: Billing? {
    let text = amount.text.trimmingCharacters(in: .whitespaces)
    guard !text.isEmpty, let normalized = Billing.amount(text) else { return nil }
    return Billing(
      amount: normalized, per: Billing.Basis.allCases[per.selected],
      trigger: trigger.value ?? "", customerReference: customerReference.text)
  }
}
