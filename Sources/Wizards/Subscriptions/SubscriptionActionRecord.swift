import StockroomDomain
import TerminalUI

/// The subscription action modal's answers by name, as plain values: what a draft keeps
/// and what `stockroom swap|remove|add-item --interactive` builds from its options. Every
/// field is optional, so a record missing one still opens with the others; the words are
/// the command line's (`swap`, `remove`, `add-item`; `broken`, `component`, `sold`…).
public struct SubscriptionActionRecord: Codable, Sendable, Equatable {
  /// `swap`, `remove` or `add-item`.
  public var action: String?
  /// The subscription number (SUB-000001).
  public var subscription: String?
  /// The installed serial to swap or remove (a bundle, or a component of one).
  public var item: String?
  /// `bundle` or `component`, for an item of a Fixed Product Bundle; nil: a component is
  /// swapped alone, anything else whole (as `stockroom swap` without `--mode`).
  public var mode: String?
  /// `broken`, `exchanged`, `stolen` or `lost` (swap).
  public var reason: String?
  /// The text in the new item's search field.
  public var search: String?
  /// The new serial (swap) or the serial to add (add-item).
  public var newItem: String?
  /// `rented` or `sold` (add-item).
  public var ownership: String?
  public var performedBy: String?
  /// As typed: `YYYY-MM-DD HH:MM`, local time.
  public var performedDate: String?
  public var reference: String?

  public init(
    action: String? = nil, subscription: String? = nil, item: String? = nil,
    mode: String? = nil, reason: String? = nil, search: String? = nil,
    newItem: String? = nil, ownership: String? = nil, performedBy: String? = nil,
    performedDate: String? = nil, reference: String? = nil
  ) {
    self.action = action
    self.subscription = subscription
    self.item = item
    self.mode = mode
    self.reason = reason
    self.search = search
    self.newItem = newItem
    self.ownership = ownership
    self.performedBy = performedBy
    self.performedDate = performedDate
    self.reference = reference
  }
}

extension SubscriptionAction {
  /// The command line's word for the action (`add-item` for Add Installed Item).
  public var commandName: String { self == .add ? "add-item" : rawValue }

  /// The action a command-line word names.
  public init?(commandName: String) {
    guard let action = Self.allCases.first(where: { $0.commandName == commandName.lowercased() })
    else { return nil }
    self = action
  }
}

/// Drafts and `--interactive`: the modal written down by name and opened again.
extension SubscriptionActionFlow: DraftableFlow {
  public typealias Record = SubscriptionActionRecord

  public static var draftKind: String { "subscription-action" }
  public static var recordFormat: Int { 1 }

  public func record(of answers: Answers) -> Record {
    var record = Record(
      action: action.commandName, subscription: answers.subscription.number,
      performedBy: answers.performedBy.text, performedDate: answers.performedOn.text,
      reference: answers.reference.text)
    if action != .add { record.item = (answers.item ?? answers.highlighted)?.serial }
    if action == .swap {
      record.reason = answers.chosenReason.rawValue
      if answers.isBundleItem {
        record.mode = SwapMode.allCases[answers.mode.selected ?? 0].rawValue
      }
    }
    if action != .remove {
      record.search = answers.search.text
      record.newItem = answers.candidate?.serial
    }
    if action == .add { record.ownership = answers.chosenOwnership.rawValue }
    return record
  }

  public static func restore(_ record: Record, context: AppContext) -> Result<
    RestoredWizard<Self>, WizardRestoreError
  > {
    guard let word = record.action, let action = SubscriptionAction(commandName: word) else {
      return .failure(
        WizardRestoreError(
          "The record names no action (swap, remove or add-item): \(record.action ?? "none")"))
    }
    let book = context.state.subscriptions
    guard let number = record.subscription, let subscription = book.subscription(number) else {
      return .failure(
        WizardRestoreError("Unknown subscription \(record.subscription ?? "(none given)")"))
    }
    if let reason = action.unavailableReason(subscription, book) {
      return .failure(
        WizardRestoreError("\(action.title) on \(subscription.number): \(reason)"))
    }
    var answers = Answers(action: action, subscription: subscription, context: context)
    let changes = answers.fill(from: record)
    answers.notice =
      changes.isEmpty
      ? nil : StatusLine("Not kept: " + changes.joined(separator: "; "), kind: .error)
    return .success(
      RestoredWizard(
        flow: SubscriptionActionFlow(action: action, state: subscription.state),
        answers: answers, changes: changes))
  }

  /// The modal opened from `restored` at the first step that still needs an answer, focus
  /// on the control that needs it and the status line saying what it needs (unless it says
  /// what could not be kept).
  public static func screen(_ restored: RestoredWizard<Self>) -> WizardScreen<Self> {
    let flow = restored.flow
    var answers = restored.answers
    guard let step = flow.firstUnanswered(answers: answers) else {
      return WizardScreen(flow: flow, answers: answers)
    }
    let refusal = flow.refusal(step: step, answers: answers)
    if answers.notice == nil, let refusal, step != flow.steps.last {
      answers.notice = StatusLine(refusal.message)
    }
    return WizardScreen(flow: flow, answers: answers, at: WizardPlace(step, refusal?.control))
  }
}

extension SubscriptionActionAnswers {
  /// Puts the record's answers in; returns what could not be kept, in words.
  mutating func fill(from record: SubscriptionActionRecord) -> [String] {
    var changes: [String] = []
    touched = true
    if action != .add {
      itemCursor = nil
      if let serial = record.item, !highlight(serial) {
        changes.append("\(serial) is no longer installed on \(subscription.number)")
      }
    }
    if action == .swap {
      Self.choose(record.reason, in: &reason, SwapReason.allCases, "reason", &changes)
      if isBundleItem {
        let fallback: SwapMode = checked.isEmpty ? .bundle : .component
        mode.choose(SwapMode.allCases.firstIndex(of: fallback) ?? 0)
        Self.choose(record.mode, in: &mode, SwapMode.allCases, "mode", &changes)
      }
    }
    if action == .add {
      Self.choose(record.ownership, in: &ownership, ItemOwnership.allCases, "ownership", &changes)
    }
    if action != .remove {
      Self.set(&search, record.search, "search", &changes)
      refreshCandidates()
      candidateCursor = nil
      if let serial = record.newItem {
        candidateCursor = candidates.firstIndex { $0.serial.uppercased() == serial.uppercased() }
        if candidateCursor == nil { changes.append(unavailable(serial)) }
      }
    }
    Self.set(&performedBy, record.performedBy, "performed by", &changes)
    Self.set(&performedOn, record.performedDate, "performed date", &changes)
    Self.set(&reference, record.reference, "reference", &changes)
    recompute()
    return changes
  }

  /// Chooses the option the record's word names; an unknown word is noted and dropped.
  private static func choose<Option: RawRepresentable & Equatable>(
    _ word: String?, in group: inout RadioGroup, _ options: [Option], _ name: String,
    _ changes: inout [String]
  ) where Option.RawValue == String {
    guard let word else { return }
    guard let index = options.firstIndex(where: { $0.rawValue == word.lowercased() }) else {
      let known = options.map(\.rawValue).joined(separator: ", ")
      changes.append("\(name) \(word) is not one of \(known)")
      return
    }
    group.choose(index)
  }

  /// Puts the record's text in a field when the field would take it as typed.
  private static func set(
    _ field: inout TextField, _ text: String?, _ name: String, _ changes: inout [String]
  ) {
    guard let text else { return }
    var empty = field
    empty.setText("")
    if let refusal = empty.refusal(for: Array(text)) {
      changes.append("\(name): \(refusal)")
      return
    }
    field.setText(text)
  }
}
