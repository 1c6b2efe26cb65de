import Foundation

/// A wizard whose answers can be written down by name and opened again: a
/// draft keeps its `Record` (not the keys that produced it), and a headless
/// command's `--interactive` opens the wizard from a record built from its
/// options. Both go through `restore`, which checks the record against the
/// store as it is now.
public protocol DraftableFlow: WizardFlow {
  /// The answers by name, as plain values. New fields must be optional (or
  /// have defaults when decoding), so a draft written before a control was
  /// added still opens with the answers it has.
  associatedtype Record: Codable & Sendable & Equatable

  /// Names the wizard in a draft ("deallocate", "swap", "order-new").
  static var draftKind: String { get }
  /// Bumped when `Record` changes so that older drafts cannot be carried
  /// over; such drafts are refused with a message, never replayed.
  static var recordFormat: Int { get }

  /// The answers as a record.
  func record(of answers: Answers) -> Record
  /// Opens the wizard from `record`, checked against the store as it is now.
  static func restore(_ record: Record, context: AppContext) -> Result<
    RestoredWizard<Self>, WizardRestoreError
  >
}

/// A wizard opened again from a record: the flow, its answers, and what could
/// not be kept because the store changed meanwhile (in words).
public struct RestoredWizard<Flow: WizardFlow> {
  public var flow: Flow
  public var answers: Flow.Answers
  /// "RB1-00000003 is no longer allocated to ACC-0002", one line each.
  public var changes: [String]

  public init(flow: Flow, answers: Flow.Answers, changes: [String] = []) {
    self.flow = flow
    self.answers = answers
    self.changes = changes
  }
}

/// Why a record cannot be opened (the account is gone, the draft is too old).
public struct WizardRestoreError: Error, Hashable, Sendable {
  public var message: String

  public init(_ message: String) {
    self.message = message
  }
}
