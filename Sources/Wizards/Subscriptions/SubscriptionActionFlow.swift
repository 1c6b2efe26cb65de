import StockroomDomain
import TerminalUI

/// The subscription action modal (seeds 001 and 003), the same frame for every action: the
/// action's information table on top, then the selection area (the installed item, the new
/// item), the action detail area, and a preview of exactly what will change with every
/// failing validation listed by the rule it breaks. Submit commits one transaction.
public struct SubscriptionActionFlow: WizardFlow {
  public typealias Answers = SubscriptionActionAnswers

  /// The steps an action is made of; a swap has all four.
  public enum Step: String, Hashable, Sendable, Codable, CaseIterable {
    case item
    case newItem = "new-item"
    case details
    case preview
  }

  /// Every control of the modal, named; each belongs to one step.
  public enum Control: String, Hashable, Sendable, Codable, CaseIterable {
    /// The installed items table (Item).
    case installed
    /// Broken, Exchanged, Stolen or Lost (Item, swap).
    case reason
    /// Swap Bundle or Swap Component (Item, swap).
    case mode
    /// The Installed Items Components check-box list (Item, component swap).
    case components
    /// The new serial's search field (New item).
    case search
    /// The items the search found (New item).
    case candidates
    /// Rented or Sold (New item, add).
    case ownership
    /// Who performed the action (Details).
    case performedBy
    /// When, local time (Details).
    case performedDate
    /// The optional, unique transaction reference (Details).
    case reference

    /// The step the control is on.
    public var step: Step {
      switch self {
      case .installed, .reason, .mode, .components: return .item
      case .search, .candidates, .ownership: return .newItem
      case .performedBy, .performedDate, .reference: return .details
      }
    }
  }

  public let action: SubscriptionAction
  public let state: LifeCycleState

  public init(action: SubscriptionAction, state: LifeCycleState) {
    self.action = action
    self.state = state
  }

  /// The modal for one action on one subscription.
  public static func make(
    _ action: SubscriptionAction, subscription: Subscription, context: AppContext
  ) -> WizardScreen<SubscriptionActionFlow> {
    WizardScreen(
      flow: SubscriptionActionFlow(action: action, state: subscription.state),
      answers: SubscriptionActionAnswers(
        action: action, subscription: subscription, context: context))
  }

  public var name: String {
    action == .remove && state == .draft ? "Remove Installed Item (Undo Add)" : action.title
  }

  public var steps: [Step] {
    switch action {
    case .swap: return [.item, .newItem, .details, .preview]
    case .remove: return [.item, .details, .preview]
    case .add: return [.newItem, .details, .preview]
    }
  }

  public func title(of step: Step) -> String { step.title }

  public func controls(step: Step, answers: Answers) -> [Control] {
    step.controls(for: action, answers: answers)
  }

  public func refusal(step: Step, answers: Answers) -> WizardRefusal<Control>? {
    step.refusal(answers)
  }

  public func hasAnswers(_ answers: Answers) -> Bool { answers.touched }

  public func hint(step: Step, focus: Control?, answers: Answers) -> StatusLine? {
    answers.notice
  }

  public func commit(answers: Answers, key: String) -> PendingCommit {
    let command =
      answers.command
      ?? .remove(RemoveRequest(subscription: answers.subscription.number, serial: ""))
    return PendingCommit(
      command: .subscription(command), reference: answers.reference.text,
      performedBy: answers.performedBy.text, key: key)
  }

  public func resultEffect(transaction: Transaction, answers: Answers, context: AppContext)
    -> Effect
  {
    .replace(
      SubscriptionHistoryScreen(
        subject: .subscription(answers.subscription.number), context: context))
  }

  public func confirmLines(answers: Answers, context: AppContext) -> [String] {
    SubscriptionActionView.previewLines(answers)
  }

  public func result(
    _ transaction: Transaction, answers: Answers, context: AppContext
  ) -> any WizardResult {
    SubscriptionActionResult(
      done: "\(answers.actionCode.title) done. Transaction ID \(transaction.transactionId)",
      steps: (answers.change?.steps ?? []).map(TextSafety.neutralised))
  }
}
