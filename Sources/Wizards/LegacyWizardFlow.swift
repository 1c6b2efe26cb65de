import Foundation
import TerminalUI

/// The part of a wizard that differs from one wizard to the next: its steps,
/// its answers, and how each step looks and takes keys. `LegacyWizardScreen` runs
/// any flow with the same rules: Next may be refused with a reason, Back
/// keeps every answer, Esc steps back, and the last step's action is Confirm.
public protocol LegacyWizardFlow {
  /// Everything the user has answered, and the state of each step's controls.
  associatedtype Answers

  /// The wizard's name, e.g. "Deallocate hardware tokens".
  var name: String { get }
  /// The steps' names in order; the last is the Confirm step.
  var steps: [String] { get }

  /// How many controls step `step` has before its buttons (for Tab).
  func controlCount(step: Int, answers: Answers) -> Int
  /// Why Next (or Confirm) is refused on `step`, or nil when it may go on.
  func refusal(step: Int, answers: Answers) -> String?
  /// True when leaving would lose something the user gave.
  func hasAnswers(_ answers: Answers) -> Bool
  /// True when control `focus` of `step` is a text field.
  func isTextField(step: Int, focus: Int, answers: Answers) -> Bool
  /// Gives a key to control `focus` of `step`.
  func update(
    step: Int, focus: Int, key: Key, answers: inout Answers, context: AppContext
  ) -> KeyResult
  /// Draws step `step` in `rect`, the control `focus` focused (nil: the buttons are).
  func view(
    step: Int, focus: Int?, answers: Answers, into buffer: inout Buffer, in rect: Rect,
    context: AppContext)
  /// Where the cursor belongs when control `focus` has focus.
  func cursor(step: Int, focus: Int, answers: Answers, in rect: Rect) -> Point?
  /// Help for one step.
  func help(step: Int) -> String
  /// The keys a step adds to the wizard's own.
  func keyBindings(step: Int, focus: Int?, answers: Answers) -> [KeyBinding]
  /// A line for the status line while nothing is refused (a hint, or what
  /// the last scan or search did).
  func hint(step: Int, focus: Int?, answers: Answers) -> StatusLine?
  /// The change Confirm commits (the runtime supplies who and when).
  func commit(answers: Answers, key: String) -> PendingCommit
  /// After a conflict (another session changed what the answers depended
  /// on): repair the answers from the fresh state and return the step to go
  /// back to, keeping every other answer. Nil stays on Confirm.
  func recover(
    fromConflict message: String, answers: inout Answers, context: AppContext
  ) -> Int?
  /// A barcode scan arrived while `step` is shown; true when the flow took
  /// it (whatever has focus), false to have it typed as keys.
  func scanned(_ text: String, step: Int, answers: inout Answers) -> Bool
  /// The control that has focus when a step opens (by Next, Back or after a
  /// conflict).
  func initialFocus(step: Int, answers: Answers) -> Int
  /// Background work between key polls (a long filter); true when some was done.
  func idle(step: Int, answers: inout Answers) -> Bool
  /// True for a key the flow handles whatever has focus (a preview's Esc,
  /// undo): it goes straight to `update`, before Tab, Esc and the buttons.
  func takesKey(_ key: Key, step: Int, answers: Answers) -> Bool
  /// What Enter does on the result (e.g. open the Transaction ID).
  func resultEffect(transactionId: String, answers: Answers, context: AppContext) -> Effect
  /// Draws the result after a commit (the Transaction ID and what changed).
  func viewResult(
    _ outcome: CommitOutcome, answers: Answers, into buffer: inout Buffer, in rect: Rect,
    context: AppContext)
}

extension LegacyWizardFlow {
  public func isTextField(step: Int, focus: Int, answers: Answers) -> Bool { false }
  public func cursor(step: Int, focus: Int, answers: Answers, in rect: Rect) -> Point? { nil }
  public func keyBindings(step: Int, focus: Int?, answers: Answers) -> [KeyBinding] { [] }
  public func hint(step: Int, focus: Int?, answers: Answers) -> StatusLine? { nil }
  public func scanned(_ text: String, step: Int, answers: inout Answers) -> Bool { false }
  public func initialFocus(step: Int, answers: Answers) -> Int { 0 }
  public func idle(step: Int, answers: inout Answers) -> Bool { false }
  public func takesKey(_ key: Key, step: Int, answers: Answers) -> Bool { false }
  public func recover(
    fromConflict message: String, answers: inout Answers, context: AppContext
  ) -> Int? { nil }
  public func resultEffect(
    transactionId: String, answers: Answers, context: AppContext
  ) -> Effect { .popToHome }
}
