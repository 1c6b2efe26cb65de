import StockroomDomain
import TerminalUI

/// The bench's answers by name, as plain values: the session (held settings, every scan in
/// order with its own disposition, the RMA list) and the bell. What a draft keeps, and what
/// `stockroom returns --interactive` opens the bench with.
public struct ReturnsRecord: Hashable, Sendable, Codable {
  public var session: ReturnsSession
  /// False when the bell is off; nil (older drafts): on.
  public var bell: Bool?

  public init(session: ReturnsSession, bell: Bool? = nil) {
    self.session = session
    self.bell = bell
  }
}

extension ReturnsFlow: DraftableFlow {
  public static var draftKind: String { "returns" }
  public static var recordFormat: Int { 1 }

  public func record(of answers: ReturnsAnswers) -> ReturnsRecord {
    var session = answers.session
    session.settings = answers.settings
    return ReturnsRecord(session: session, bell: answers.bellOn ? nil : false)
  }

  /// The bench with every scan checked again against the store as it is now: a scan another
  /// session returned meanwhile keeps its line, now saying why it is refused.
  public static func restore(
    _ record: ReturnsRecord, context: AppContext
  ) -> Result<RestoredWizard<ReturnsFlow>, WizardRestoreError> {
    let session = record.session.rescanned(in: context.state)
    var made = make(session: session, context: context)
    if record.bell == false { made.answers.bell.select(1) }
    let changes = zip(record.session.scans, session.scans).compactMap { old, new in
      old.isAccepted && !new.isAccepted ? new.message : nil
    }
    return .success(RestoredWizard(flow: made.flow, answers: made.answers, changes: changes))
  }
}
