import Foundation
import StockroomDomain
import TerminalUI

/// The new-order wizard: the type (with the seed's explanation), the details that type needs,
/// and Confirm showing exactly what will be submitted and to whom it goes for approval.
public struct NewOrderFlow: WizardFlow {
  public typealias Answers = NewOrderAnswers
  let session: OrderSession
  let now: Date

  init(session: OrderSession, now: Date) {
    self.session = session
    self.now = now
  }

  /// The fields and their options, drawn from the state the answers hold.
  func fields(_ answers: Answers) -> OrderFields { OrderFields(answers, actor: session.actor) }

  static func screen(session: OrderSession, context: AppContext) -> WizardScreen<NewOrderFlow> {
    WizardScreen(
      flow: NewOrderFlow(session: session, now: context.now),
      answers: NewOrderAnswers(state: context.state))
  }

  public var name: String { "New wireless order" }
  public var steps: [Step] { Step.allCases }

  public func title(of step: Step) -> String { step.title }

  public func controls(step shown: Step, answers: Answers) -> [Control] {
    switch shown {
    case .type: return [.type]
    case .details: return answers.type.spec.fields.map(Control.field)
    case .confirm: return []
    }
  }

  func command(_ answers: Answers) -> Command {
    .order(
      .submit(
        fields(answers).request(answers), actor: session.actor, at: OrderSession.iso(now),
        comment: answers.text(.comment)))
  }

  func checked(_ answers: Answers) -> Result<Change, DomainError> {
    do throws(DomainError) {
      return .success(try validate(command(answers), against: answers.state))
    } catch {
      return .failure(error)
    }
  }

  /// Next on Details is refused with the domain's reason; Confirm is checked by the commit.
  public func refusal(step: Step, answers: Answers) -> WizardRefusal<Control>? {
    guard step == .details, case .failure(let error) = checked(answers) else { return nil }
    return WizardRefusal(
      error.message, control: NewOrderRefusal.control(for: error, answers: answers, flow: self))
  }

  public func hasAnswers(_ answers: Answers) -> Bool {
    answers.typeIndex != 0 || !answers.choices.isEmpty || !answers.text(.comment).isEmpty
  }

  public func describe(_ control: Control, step: Step, answers: Answers) -> ControlDescription {
    switch control {
    case .type:
      return ControlDescription(
        "Order type", kind: .radio, choices: OrderType.allCases.map(\.title),
        value: answers.type.title, isRequired: true)
    case .field(let key) where key.isText:
      let rule: String
      switch key {
      case .quantity: rule = "a whole number from 1 to 20"
      case .comment: rule = "up to \(TextRules.commentLimit) printable characters"
      default: rule = "up to 40 printable characters"
      }
      let required = key != .comment && !answers.type.spec.optional.contains(key)
      return ControlDescription(
        key.label, kind: key == .quantity ? .number : .text, value: answers.text(key),
        isRequired: required, rule: rule)
    case .field(let key):
      let list = fields(answers).options(key, answers)
      return ControlDescription(
        key.label, kind: .choice, choices: list.map { TextSafety.neutralised($0.label) },
        value: fields(answers).chosen(key, answers).map(\.label) ?? "",
        isRequired: !list.contains { $0.value == nil },
        rule: list.isEmpty ? "nothing to choose for this type now" : nil)
    }
  }

  public func commit(answers: Answers, key: String) -> PendingCommit {
    PendingCommit(
      command: command(answers), comment: answers.text(.comment), performedBy: session.actor,
      key: key)
  }

  /// After a refusal or conflict at Confirm (another session changed a line or device
  /// meanwhile): the answers are checked again, by name, against the store as it is now,
  /// and the wizard goes to the detail the refusal names. Nil stays on Confirm.
  public func recover(
    from outcome: CommitOutcome, answers: inout Answers, context: AppContext
  ) -> WizardPlace<Step, Control>? {
    let kept = record(of: answers)
    answers = NewOrderRestore(flow: self, state: context.state).answers(kept)
    guard let refusal = refusal(step: .details, answers: answers) else { return nil }
    return WizardPlace(.details, refusal.control)
  }

  public func resultEffect(transaction: Transaction, answers: Answers, context: AppContext)
    -> Effect
  {
    .pop
  }

  public func result(
    _ transaction: Transaction, answers: Answers, context: AppContext
  ) -> any WizardResult {
    let book = context.state.orders
    let order = book.orders.last
    return NewOrderResult(
      sentences: [
        "Order \(order?.number ?? "?") submitted (\(transaction.transactionId)).",
        "It waits for \(book.person(order?.approver ?? "")) to approve it; the requester and "
          + "the approver were emailed.",
      ])
  }
}
