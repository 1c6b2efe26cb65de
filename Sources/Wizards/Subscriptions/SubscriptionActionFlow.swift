import StockroomDomain
import TerminalUI

/// The subscription action modal (seeds 001 and 003), the same frame for every action: the
/// action's information table on top, then the selection area (the installed item, the new
/// item), the action detail area, and a preview of exactly what will change with every
/// failing validation listed by the rule it breaks. Submit commits one transaction.
public struct SubscriptionActionFlow: LegacyWizardFlow {
  public typealias Answers = SubscriptionActionAnswers

  /// The kinds of step an action is made of.
  enum Step { case item, newItem, details, preview }

  public let action: SubscriptionAction
  public let state: LifeCycleState

  public init(action: SubscriptionAction, state: LifeCycleState) {
    self.action = action
    self.state = state
  }

  /// The modal for one action on one subscription.
  public static func make(
    _ action: SubscriptionAction, subscription: Subscription, context: AppContext
  ) -> LegacyWizardScreen<SubscriptionActionFlow> {
    LegacyWizardScreen(
      flow: SubscriptionActionFlow(action: action, state: subscription.state),
      answers: SubscriptionActionAnswers(
        action: action, subscription: subscription, context: context))
  }

  public var name: String {
    action == .remove && state == .draft ? "Remove Installed Item (Undo Add)" : action.title
  }

  var kinds: [Step] {
    switch action {
    case .swap: return [.item, .newItem, .details, .preview]
    case .remove: return [.item, .details, .preview]
    case .add: return [.newItem, .details, .preview]
    }
  }

  public var steps: [String] {
    kinds.map {
      switch $0 {
      case .item: return "Item"
      case .newItem: return "New item"
      case .details: return "Details"
      case .preview: return "Preview"
      }
    }
  }

  func kind(_ step: Int) -> Step { kinds[min(max(0, step), kinds.count - 1)] }

  public func controlCount(step: Int, answers: Answers) -> Int {
    switch kind(step) {
    case .item: return action == .swap ? 3 : 1
    case .newItem: return action == .add ? 3 : 2
    case .details: return 3
    case .preview: return 0
    }
  }

  public func refusal(step: Int, answers: Answers) -> String? {
    switch kind(step) {
    case .item:
      return answers.item == nil ? "There is no installed item to choose" : nil
    case .newItem:
      guard answers.candidate != nil else {
        if let product = answers.wantedProduct {
          return "No \(answers.book.productName(product)) is available; clear the search"
        }
        return "No item is available under the Active definition"
      }
      return nil
    case .details:
      if answers.performedBy.text.isEmpty { return "Performed by: give a name" }
      guard let date = answers.performedDate else {
        return "Performed date: use YYYY-MM-DD HH:MM"
      }
      if date > answers.now { return "Performed date: not in the future" }
      return nil
    case .preview:
      if answers.problems.isEmpty { return nil }
      let count = answers.problems.count
      return "Submit refused: \(count) validation\(count == 1 ? "" : "s") fail, listed above"
    }
  }

  public func hasAnswers(_ answers: Answers) -> Bool { answers.touched }

  public func isTextField(step: Int, focus: Int, answers: Answers) -> Bool {
    switch kind(step) {
    case .newItem: return focus == 0
    case .details: return true
    default: return false
    }
  }

  public func update(
    step: Int, focus: Int, key: Key, answers: inout Answers, context: AppContext
  ) -> KeyResult {
    let result: KeyResult
    switch (kind(step), focus) {
    case (.item, 0):
      result = Self.move(&answers.itemCursor, count: answers.items.count, key: key)
      if result == .handled { answers.search.setText("") }
    case (.item, 1): result = Self.inline(&answers.reason, key: key)
    case (.item, _):
      result = answers.isBundleItem ? Self.inline(&answers.mode, key: key) : .ignored
    case (.newItem, 0):
      result = answers.search.update(key)
    case (.newItem, 1):
      result = Self.move(&answers.candidateCursor, count: answers.candidates.count, key: key)
    case (.newItem, _): result = Self.inline(&answers.ownership, key: key)
    case (.details, 0): result = answers.performedBy.update(key)
    case (.details, 1): result = answers.performedOn.update(key)
    case (.details, _): result = answers.reference.update(key)
    case (.preview, _): result = .ignored
    }
    if result != .ignored {
      answers.touched = true
      if kind(step) != .newItem || focus == 0 { answers.refreshCandidates() }
      answers.recompute()
    }
    return result
  }

  /// ↑ ↓ PgUp PgDn Home End over a list of `count` rows.
  static func move(_ cursor: inout Int, count: Int, key: Key) -> KeyResult {
    guard count > 0 else { return .ignored }
    let next: Int
    switch key {
    case .up: next = cursor - 1
    case .down: next = cursor + 1
    case .pageUp: next = cursor - 5
    case .pageDown: next = cursor + 5
    case .home: next = 0
    case .end: next = count - 1
    default: return .ignored
    }
    cursor = min(max(0, next), count - 1)
    return .handled
  }

  /// A radio group on one line: ← → (or ↑ ↓) choose at once, Space too.
  static func inline(_ group: inout RadioGroup, key: Key) -> KeyResult {
    switch key {
    case .left, .up:
      _ = group.update(.up)
    case .right, .down:
      _ = group.update(.down)
    case .character(" "):
      break
    default:
      return .ignored
    }
    group.choose(group.highlighted)
    return .handled
  }

  public func view(
    step: Int, focus: Int?, answers: Answers, into buffer: inout Buffer, in rect: Rect,
    context: AppContext
  ) {
    let body = SubscriptionActionView.header(answers: answers, into: &buffer, in: rect)
    switch kind(step) {
    case .item: SubscriptionActionView.item(focus, answers, &buffer, body)
    case .newItem: SubscriptionActionView.newItem(focus, answers, &buffer, body)
    case .details: SubscriptionActionView.details(focus, answers, &buffer, body)
    case .preview: SubscriptionActionView.preview(answers, &buffer, body)
    }
  }

  public func cursor(step: Int, focus: Int, answers: Answers, in rect: Rect) -> Point? {
    let body = SubscriptionActionView.bodyRect(rect)
    switch (kind(step), focus) {
    case (.newItem, 0):
      return answers.search.cursorPosition(in: SubscriptionActionView.searchRect(body))
    case (.details, let index):
      let field = [answers.performedBy, answers.performedOn, answers.reference][min(index, 2)]
      return field.cursorPosition(in: SubscriptionActionView.detailRect(body, row: index))
    default:
      return nil
    }
  }

  public func help(step: Int) -> String {
    let common = """
      The subscription action modal: the information table on top (whether the action can \
      be scheduled, whether a rate preview is available, its Behaviour Code and Business \
      Classification Code), then the selection, the details and a preview of exactly what \
      will change. Submit runs every validation; each failure is listed by the rule it \
      breaks and nothing is written.
      """
    switch kind(step) {
    case .item:
      return common + """


        Choose the installed item with ↑ ↓. For a swap, choose the reason (Broken is \
        preselected; a lost or stolen rented item is not stocked back in) and, for a Fixed \
        Product Bundle, Swap Bundle or Swap Component with ← →. Removing a bundle item \
        removes the whole bundle.
        """
    case .newItem:
      return common + """


        Type part of a serial to search. The search only retrieves items of the same \
        product, in stock and available under the Active Inventory Management Definition.
        """
    case .details:
      return common + """


        Performed by defaults to you; your OS user is recorded as well. The performed date \
        is local time and may not be in the future. The transaction reference is optional \
        but must be unique among actions.
        """
    case .preview:
      return common + """


        Items added and removed, distributors, the Stock Out and Stock In warehouse \
        transactions and where each removed item goes. Confirm submits.
        """
    }
  }

  public func keyBindings(step: Int, focus: Int?, answers: Answers) -> [KeyBinding] {
    switch (kind(step), focus) {
    case (.item, 0), (.newItem, 1): return [.move]
    case (.item, .some), (.newItem, 2): return [KeyBinding("← →", "choose")]
    default: return []
    }
  }

  public func commit(answers: Answers, key: String) -> PendingCommit {
    let command =
      answers.command
      ?? .remove(RemoveRequest(subscription: answers.subscription.number, serial: ""))
    return PendingCommit(
      command: .subscription(command), reference: answers.reference.text,
      performedBy: answers.performedBy.text, key: key)
  }

  public func resultEffect(transactionId: String, answers: Answers, context: AppContext)
    -> Effect
  {
    .replace(
      SubscriptionHistoryScreen(
        subject: .subscription(answers.subscription.number), context: context))
  }

  public func viewResult(
    _ outcome: CommitOutcome, answers: Answers, into buffer: inout Buffer, in rect: Rect,
    context: AppContext
  ) {
    SubscriptionActionView.result(outcome, answers, &buffer, rect)
  }
}
