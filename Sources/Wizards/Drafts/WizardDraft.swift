import Foundation

/// One wizard in a draft: which wizard (`kind`), its answers by name (the
/// flow's record, as JSON), where the user was (step and control, by name),
/// and the commit's idempotency key, so a Confirm after Resume is never
/// applied twice.
public struct WizardDraft: Codable, Sendable, Equatable {
  public var kind: String
  /// The record's format; a draft of another format is refused, never guessed.
  public var recordFormat: Int
  public var record: JSONValue
  public var step: JSONValue
  public var control: JSONValue?
  public var commitKey: String

  public init(
    kind: String, recordFormat: Int, record: JSONValue, step: JSONValue, control: JSONValue?,
    commitKey: String
  ) {
    self.kind = kind
    self.recordFormat = recordFormat
    self.record = record
    self.step = step
    self.control = control
    self.commitKey = commitKey
  }
}

/// A screen whose answers a draft can keep (a wizard whose flow has a record).
public protocol DraftableScreen: Screen {
  /// The wizard's draft as it stands.
  var wizardDraft: WizardDraft? { get }
}

extension WizardScreen: DraftableScreen where Flow: DraftableFlow {
  public var wizardDraft: WizardDraft? {
    guard let record = JSONValue(encoding: flow.record(of: answers)),
      let step = JSONValue(encoding: place.step)
    else { return nil }
    return WizardDraft(
      kind: Flow.draftKind, recordFormat: Flow.recordFormat, record: record, step: step,
      control: place.control.flatMap { JSONValue(encoding: $0) }, commitKey: commitKey)
  }
}

/// Every wizard a draft can reopen, by its `draftKind`.
public enum WizardCatalog {
  /// The wizards with records. A new draftable wizard is added here.
  public static var flows: [any DraftableFlow.Type] {
    [
      DeallocationFlow.self, AllocationFlow.self, ReceiveFlow.self, SubscriptionActionFlow.self,
      NewOrderFlow.self, ReturnsFlow.self,
    ]
  }

  /// The wizard of `draft` opened again at its step and control, checked
  /// against the store as it is now; `changes` says what could not be kept.
  public static func open(
    _ draft: WizardDraft, context: AppContext
  ) -> Result<(screen: any Screen, changes: [String]), WizardRestoreError> {
    guard let flow = flows.first(where: { $0.draftKind == draft.kind }) else {
      return .failure(WizardRestoreError("This draft is of a wizard this Stockroom does not have."))
    }
    return open(flow, draft, context: context)
  }

  private static func open<Flow: DraftableFlow>(
    _ type: Flow.Type, _ draft: WizardDraft, context: AppContext
  ) -> Result<(screen: any Screen, changes: [String]), WizardRestoreError> {
    guard draft.recordFormat == Flow.recordFormat else {
      return .failure(
        WizardRestoreError(
          "This draft was saved in an older format of its wizard (\(draft.recordFormat)); "
            + "discard it and start again."))
    }
    guard let record = draft.record.decode(Flow.Record.self) else {
      return .failure(WizardRestoreError("This draft's answers cannot be read."))
    }
    switch Flow.restore(record, context: context) {
    case .failure(let error):
      return .failure(error)
    case .success(let restored):
      let step = draft.step.decode(Flow.Step.self)
      let control = draft.control?.decode(Flow.Control.self)
      let screen = WizardScreen(
        flow: restored.flow, answers: restored.answers,
        at: step.map { WizardPlace($0, control) }, commitKey: draft.commitKey)
      return .success((screen, restored.changes))
    }
  }
}
