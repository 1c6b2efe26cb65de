import TerminalUI

/// A wizard read and answered as lines: the line mode asks its controls one at a time and
/// turns each answer into the keys the control already takes, so no wizard is written twice.
/// `WizardScreen` conforms for every flow.
public protocol LineWizard: Screen {
  /// Where the user is and what is asked now: the step, the control's label, kind, rule,
  /// value and numbered choices (or the Confirm summary, or the result).
  func lineQuestion(context: AppContext) -> [String]
  /// `:status`: where the user is and every answer of the step so far.
  func lineStatus(context: AppContext) -> [String]
  /// True while the question takes free text (bare command words are then answers).
  var lineTakesText: Bool { get }
  /// What an answer (text, Enter, or a wizard's own command) does: keys, or why not.
  func lineReply(to answer: LineAnswer, context: AppContext) -> LineReply
  /// Keys the line mode sends after an answer without asking: Next once the step's last
  /// control is answered, back to the control a refusal names. Empty when there are none.
  func lineFollowUp(context: AppContext) -> [Key]
  /// The rows the table asked about offers, each read as one line (its values named by their
  /// columns); nil when the question is not a table offering rows.
  func lineRows(context: AppContext) -> [String]?
  /// The serials a pick list offers and that are not chosen yet; nil on a step without one.
  var lineAvailableSerials: [String]? { get }
  /// `:remove SERIAL`: puts a chosen serial back; what happened, in words.
  mutating func lineRemove(_ serial: String) -> StatusLine
}

/// What an answer to a line question does.
public enum LineReply: Hashable, Sendable {
  /// Give the screen these keys, in order.
  case keys([Key])
  /// Refused: the message (the line mode puts "Error: " before it); the question is asked again.
  case refused(String)
  /// Only lines to print (a list of serials).
  case lines([String])
}
