import Foundation
import StockroomDomain
import TerminalUI

/// The part of a wizard that differs from one wizard to the next: its named
/// steps, each step's named controls, its answers, and how a step is laid
/// out, drawn and takes keys. `WizardScreen` runs any flow with the same
/// rules: Next may be refused with a reason, Back keeps every answer, Esc
/// steps back, and the last step's action is Confirm.
///
/// Steps and controls are values (enums), never positions: focus is a
/// control, and a draft names the step and control it was on.
public protocol WizardFlow {
  /// Everything the user has answered, and the state of each step's controls.
  associatedtype Answers
  /// One step of the wizard, e.g. `.select`, `.reference`, `.confirm`.
  associatedtype Step: Hashable & Sendable & Codable
  /// One control of a step, e.g. `.disposition`, `.reference`.
  associatedtype Control: Hashable & Sendable & Codable

  /// The wizard's name, e.g. "Deallocate hardware tokens".
  var name: String { get }
  /// The steps in order; the last is the Confirm step.
  var steps: [Step] { get }
  /// A step's name in the step indicator ("Select", "Reference", "Confirm").
  func title(of step: Step) -> String

  /// The controls of `step` in focus order (Tab), before the buttons.
  func controls(step: Step, answers: Answers) -> [Control]
  /// What `control` says about itself: label, kind, choices, value, rule.
  func describe(_ control: Control, step: Step, answers: Answers) -> ControlDescription
  /// The rows a table control offers to choose from, from where its screen gets them; nil
  /// for any other control (and a table whose rows are not chosen, e.g. a summary).
  func rows(of control: Control, step: Step, answers: Answers) -> TableRows<Control>?
  /// Why Next (or Confirm) is refused on `step`, and the control it belongs
  /// to; nil when it may go on.
  func refusal(step: Step, answers: Answers) -> WizardRefusal<Control>?
  /// True when leaving would lose something the user gave.
  func hasAnswers(_ answers: Answers) -> Bool
  /// True while `control` takes typed text (a field, or a list's filter).
  func isEditingText(_ control: Control, step: Step, answers: Answers) -> Bool

  /// Where each control of `step` goes in `rect`: the one layout that drawing,
  /// the cursor, mouse clicks and page sizes share.
  func layout(step: Step, answers: Answers, in rect: Rect) -> StepLayout<Control>
  /// Gives a key to `control` of `step`, laid out as `layout` says.
  func update(
    _ key: Key, control: Control, step: Step, answers: inout Answers,
    layout: StepLayout<Control>, context: AppContext
  ) -> KeyResult
  /// Draws `step` as `layout` says, `focus` focused (nil: the buttons are).
  func view(
    step: Step, focus: Control?, answers: Answers, layout: StepLayout<Control>,
    into buffer: inout Buffer, context: AppContext)
  /// Where the cursor belongs while `control` has focus.
  func cursor(
    _ control: Control, step: Step, answers: Answers, layout: StepLayout<Control>
  ) -> Point?

  /// Help for one step (the runtime adds a line per control).
  func help(step: Step) -> String
  /// The keys a step adds to the wizard's own (default: from the focused control's kind).
  func keyBindings(step: Step, focus: Control?, answers: Answers) -> [KeyBinding]
  /// A line for the status line while nothing is refused (a hint, or what
  /// the last scan or search did).
  func hint(step: Step, focus: Control?, answers: Answers) -> StatusLine?
  /// The change Confirm commits (the runtime supplies who and when).
  func commit(answers: Answers, key: String) -> PendingCommit
  /// After a conflict or refusal at Confirm: repair the answers from the fresh
  /// state and say where to go (step and control), keeping every other answer.
  /// Nil stays on Confirm.
  func recover(
    from outcome: CommitOutcome, answers: inout Answers, context: AppContext
  ) -> WizardPlace<Step, Control>?
  /// The step and control where the answer a refusal names (`DomainError.field`) is
  /// given; nil when this wizard does not ask for it.
  func place(for field: DomainField, answers: Answers) -> WizardPlace<Step, Control>?
  /// A barcode scan arrived while `step` is shown; true when the flow took
  /// it (whatever has focus), false to have it typed as keys.
  func scanned(_ text: String, step: Step, answers: inout Answers) -> Bool
  /// The control that has focus when a step opens (nil: the first one).
  func initialFocus(step: Step, answers: Answers) -> Control?
  /// Background work between key polls (a long filter); true when some was done.
  func idle(step: Step, answers: inout Answers) -> Bool
  /// True for a key the flow handles whatever has focus (a preview's Esc,
  /// undo): it goes straight to `update`, before Tab, Esc and the buttons.
  func takesKey(_ key: Key, step: Step, answers: Answers) -> Bool
  /// How many times the bell should ring for what the last key or scan did, taken (zero
  /// afterwards): a refused scan at the returns bench rings it once.
  func takeBells(answers: inout Answers) -> Int
  /// The file the last key asked to read (a file prompt's Enter), taken: the
  /// runtime reads it and hands it to `fileRead`. Nil when none was asked for.
  func takeFileRequest(step: Step, answers: inout Answers) -> FileRequest?
  /// The file the flow asked for, read by the runtime (or why it could not be).
  func fileRead(_ read: FileRead, step: Step, answers: inout Answers, context: AppContext)
  /// What Enter does on the result (e.g. open the Transaction ID).
  func resultEffect(transaction: Transaction, answers: Answers, context: AppContext) -> Effect
  /// What the Confirm step (a preview) shows, for the line mode: whole sentences and named
  /// facts ("Name: value"), one a line, read from the values the step draws; no key hints.
  func confirmLines(answers: Answers, context: AppContext) -> [String]
  /// The result after `transaction` is committed (its ID and what changed): drawn on screen
  /// and read in the line mode from the same value.
  func result(_ transaction: Transaction, answers: Answers, context: AppContext) -> any WizardResult
}

/// Why Next or Confirm is refused, and which control it belongs to.
public struct WizardRefusal<Control: Hashable & Sendable>: Hashable, Sendable {
  public var message: String
  /// The control to fix; nil when the refusal is about the step as a whole.
  public var control: Control?

  public init(_ message: String, control: Control? = nil) {
    self.message = message
    self.control = control
  }
}

/// A place in a wizard: a step, and the control that has focus there (nil:
/// the step's first, or its buttons when it has none).
public struct WizardPlace<
  Step: Hashable & Sendable & Codable, Control: Hashable & Sendable & Codable
>:
  Hashable, Sendable, Codable
{
  public var step: Step
  public var control: Control?

  public init(_ step: Step, _ control: Control? = nil) {
    self.step = step
    self.control = control
  }
}

extension WizardFlow {
  public func isEditingText(_ control: Control, step: Step, answers: Answers) -> Bool {
    describe(control, step: step, answers: answers).takesText
  }
  public func cursor(
    _ control: Control, step: Step, answers: Answers, layout: StepLayout<Control>
  ) -> Point? { nil }
  public func keyBindings(step: Step, focus: Control?, answers: Answers) -> [KeyBinding] {
    guard let focus else { return [] }
    return ControlKeys.bindings(for: describe(focus, step: step, answers: answers).kind)
  }
  public func hint(step: Step, focus: Control?, answers: Answers) -> StatusLine? { nil }
  public func scanned(_ text: String, step: Step, answers: inout Answers) -> Bool { false }
  public func initialFocus(step: Step, answers: Answers) -> Control? { nil }
  public func idle(step: Step, answers: inout Answers) -> Bool { false }
  public func takesKey(_ key: Key, step: Step, answers: Answers) -> Bool { false }
  public func recover(
    from outcome: CommitOutcome, answers: inout Answers, context: AppContext
  ) -> WizardPlace<Step, Control>? { nil }
  public func takeFileRequest(step: Step, answers: inout Answers) -> FileRequest? { nil }
  public func takeBells(answers: inout Answers) -> Int { 0 }
  public func fileRead(
    _ read: FileRead, step: Step, answers: inout Answers, context: AppContext
  ) {}
  public func place(for field: DomainField, answers: Answers) -> WizardPlace<Step, Control>? {
    nil
  }
  public func resultEffect(
    transaction: Transaction, answers: Answers, context: AppContext
  ) -> Effect { .popToHome }
  public func rows(of control: Control, step: Step, answers: Answers) -> TableRows<Control>? {
    nil
  }

  /// The first step whose Next is refused (where an opened-with-answers wizard
  /// starts), or the Confirm step when every earlier step is answered.
  public func firstUnanswered(answers: Answers) -> Step? {
    steps.dropLast().first { refusal(step: $0, answers: answers) != nil } ?? steps.last
  }
}

/// The legend's keys for each kind of control, so a flow need not list them.
public enum ControlKeys {
  public static func bindings(for kind: ControlDescription.Kind) -> [KeyBinding] {
    switch kind {
    case .radio, .choice: return [KeyBinding("↑↓", "choose")]
    case .check: return [.mark]
    case .table: return [.move]
    case .text, .number, .serialPickList, .button: return []
    }
  }
}
