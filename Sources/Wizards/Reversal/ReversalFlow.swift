import StockroomDomain
import TerminalUI

/// The reversal's Confirm, opened by `v` on a Transaction screen (or `stockroom reverse
/// --interactive`): what the reversal will do, in the words `stockroom reverse` prints, and the
/// required Why; Confirm commits a `reverse` transaction and the result names it.
public struct ReversalFlow: WizardFlow {
  /// One step: the reversal is confirmed where it is explained.
  public enum Step: String, Hashable, Sendable, Codable, CaseIterable { case confirm }
  /// The Why field.
  public enum Control: String, Hashable, Sendable, Codable { case why }

  /// What the user typed: the Why.
  public struct Answers: Sendable {
    public var why = TextField(width: 56, maxLength: TextRules.whyLimit, rule: .comment)
  }

  /// The transaction to reverse and its serials' histories (`ReversalRequest.gather`).
  public let request: ReversalRequest

  public var name: String { "Reverse \(request.original.transactionId)" }
  public var steps: [Step] { Step.allCases }
  public func title(of step: Step) -> String { "Confirm" }

  /// The wizard on `transactionId`, its history read through the store; nil without a store
  /// or such a transaction.
  public static func screen(
    transactionId: String, why: String = "", context: AppContext
  ) -> WizardScreen<ReversalFlow>? {
    guard let store = context.store,
      let request = try? ReversalRequest.gather(transactionId, why: "", from: store)
    else { return nil }
    var answers = Answers()
    answers.why = TextField(width: 56, maxLength: TextRules.whyLimit, rule: .comment, text: why)
    return WizardScreen(flow: ReversalFlow(request: request), answers: answers)
  }

  /// `stockroom reverse --interactive`: the original's Transaction screen with the reversal's
  /// Confirm above it (Enter on the result goes back to the original, marked); nothing when
  /// the store has no such transaction.
  public static func interactiveScreens(
    transactionId: String, why: String, context: AppContext
  ) -> [any Screen] {
    guard let wizard = screen(transactionId: transactionId, why: why, context: context) else {
      return []
    }
    return [
      TransactionScreen(transaction: wizard.flow.request.original, context: context), wizard,
    ]
  }

  public func controls(step: Step, answers: Answers) -> [Control] { [.why] }

  public func describe(_ control: Control, step: Step, answers: Answers) -> ControlDescription {
    ControlDescription(
      "Why", kind: .text, value: answers.why.text, isRequired: true,
      rule: "up to \(TextRules.whyLimit) printable characters")
  }

  public func refusal(step: Step, answers: Answers) -> WizardRefusal<Control>? {
    TextRules.whyProblem(answers.why.text).map { WizardRefusal("Why: " + $0, control: .why) }
  }

  public func hasAnswers(_ answers: Answers) -> Bool { !answers.why.text.isEmpty }

  /// The summary's lines above, the Why field on the last row but two.
  public func layout(step: Step, answers: Answers, in rect: Rect) -> StepLayout<Control> {
    var layout = StepLayout<Control>(area: rect)
    layout.place(.why, Rect(x: rect.x + 7, y: rect.maxY - 3, width: 58, height: 1))
    return layout
  }

  public func update(
    _ key: Key, control: Control, step: Step, answers: inout Answers,
    layout: StepLayout<Control>, context: AppContext
  ) -> KeyResult {
    answers.why.update(key)
  }

  public func cursor(
    _ control: Control, step: Step, answers: Answers, layout: StepLayout<Control>
  ) -> Point? {
    answers.why.cursorPosition(in: layout.frame(.why))
  }

  public func view(
    step: Step, focus: Control?, answers: Answers, layout: StepLayout<Control>,
    into buffer: inout Buffer, context: AppContext
  ) {
    let rect = layout.area
    let frame = layout.frame(.why)
    var lines = summary(answers, context: context).lines(width: rect.width - 2)
    let room = max(1, frame.y - rect.y - 1)
    if lines.count > room {
      lines = Array(lines.prefix(room - 1)) + ["… (\(lines.count - room + 1) more lines)"]
    }
    for (index, line) in lines.enumerated() {
      buffer.put(
        line, x: rect.x + 1, y: rect.y + index, style: index == 0 ? .title : .plain, clip: rect)
    }
    buffer.put("Why", x: rect.x + 1, y: frame.y, style: focus == .why ? .title : .plain)
    answers.why.render(into: &buffer, in: frame, focused: focus == .why)
    buffer.put(
      "Required. " + Self.originalStays,
      x: rect.x + 1, y: frame.y + 1, style: .hint, clip: rect)
  }

  /// What the reversal leaves of the original.
  static let originalStays = "The original stays as it was, marked Reversed by the new one."

  func summary(_ answers: Answers, context: AppContext) -> ReversalSummary {
    ReversalSummary(
      command: command(answers),
      context: TransactionContext(user: context.userName, uid: context.userId),
      state: context.state)
  }

  public func confirmLines(answers: Answers, context: AppContext) -> [String] {
    summary(answers, context: context).namedLines + [Self.originalStays]
  }

  public func help(step: Step) -> String {
    """
    Reverse \(request.original.transactionId): a new transaction (action reverse) undoes its \
    effect; the original stays in the ledger, shown as Reversed by the new one. Say why, then \
    Confirm. It is refused, naming what blocks it, when something later depends on the original.
    """
  }

  func command(_ answers: Answers) -> Command {
    var request = self.request
    request.why = answers.why.text
    return .reverse(request)
  }

  public func commit(answers: Answers, key: String) -> PendingCommit {
    PendingCommit(command: command(answers), key: key)
  }

  public func place(for field: DomainField, answers: Answers) -> WizardPlace<Step, Control>? {
    field == .why ? WizardPlace(.confirm, .why) : nil
  }

  /// Enter goes back to the original's screen, marked Reversed by the new transaction.
  public func resultEffect(
    transaction: Transaction, answers: Answers, context: AppContext
  ) -> Effect { .pop }

  public func result(
    _ transaction: Transaction, answers: Answers, context: AppContext
  ) -> any WizardResult {
    ReversalResult(
      transactionId: transaction.transactionId, original: request.original.transactionId)
  }
}
