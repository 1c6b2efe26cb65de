import Foundation
import StockroomDomain
import TerminalUI

/// Home › Returns bench: one continuous scanning session across every account. The held
/// settings sit at the top, the scan field has focus, each scan gets its line at once (a
/// refused one rings the bell once), counts per account and model and the RMA check stay in
/// view; Confirm commits one `deallocate-hardware` transaction per account, all or none.
/// A single scan is a session of one.
public struct ReturnsFlow: WizardFlow {
  public var name: String { "Returns bench" }

  /// Scan (the bench), then Confirm.
  public enum Step: String, Hashable, Sendable, Codable, CaseIterable {
    case scan, confirm
  }

  /// Every control of the bench, named.
  public enum Control: Hashable, Sendable, Codable {
    /// The scan field: a scan or a typed serial and Enter.
    case scan
    /// The scan lines: browse, and change a scan's own disposition.
    case scans
    /// The RMA check's lists (shown once an RMA list is loaded).
    case expected
    /// The held disposition.
    case disposition
    /// The held Container, Reference and Comment.
    case field(ReferenceFields.Control)
    /// The held reason the tokens came back for.
    case returnReason
    /// The bell for a refused scan, On or Off.
    case bell
    /// The Confirm step's summaries.
    case summary
  }

  /// The store the bench scans against: a scanner's burst is taken whatever has focus, and
  /// arrives without the app's context.
  let ledger: (any InventoryLedger)?

  public init(ledger: (any InventoryLedger)?) {
    self.ledger = ledger
  }

  public var steps: [Step] { Step.allCases }

  public func title(of step: Step) -> String { step.rawValue.capitalized }

  /// The bench opened fresh, or with `session` (a draft, `--interactive`).
  public static func make(
    session: ReturnsSession = ReturnsSession(), context: AppContext
  ) -> (flow: ReturnsFlow, answers: ReturnsAnswers) {
    var answers = ReturnsAnswers(session: session, state: context.state)
    answers.filesAllowed = !context.isDemoSession
    return (ReturnsFlow(ledger: context.store), answers)
  }

  /// The bench as a screen, the scan field focused.
  public static func screen(
    context: AppContext, session: ReturnsSession = ReturnsSession()
  ) -> WizardScreen<ReturnsFlow> {
    let made = make(session: session, context: context)
    return WizardScreen(flow: made.flow, answers: made.answers, at: WizardPlace(.scan, .scan))
  }

  public func controls(step: Step, answers: ReturnsAnswers) -> [Control] {
    switch step {
    case .scan:
      return [.scan, .scans] + (answers.session.expected == nil ? [] : [.expected])
        + [.disposition] + answers.fields.controls.map(Control.field) + [.returnReason, .bell]
    case .confirm:
      return []
    }
  }

  public func initialFocus(step: Step, answers: ReturnsAnswers) -> Control? {
    step == .scan ? .scan : nil
  }

  public func describe(_ control: Control, step: Step, answers: ReturnsAnswers)
    -> ControlDescription
  {
    switch control {
    case .scan:
      return ControlDescription(
        "Scan", kind: .text, value: answers.scanField.text,
        rule: "a serial, matched exactly; Enter scans it"
      ).scanning()
    case .scans:
      return ControlDescription(
        "Scans", kind: .table, value: "\(answers.session.scans.count) scans",
        rule: "← → change the highlighted scan's own disposition")
    case .expected:
      return ControlDescription(
        "RMA check", kind: .table, choices: RMAListKind.allCases.map(\.title),
        value: answers.rmaKind.title, rule: "← → choose the list")
    case .disposition:
      return ControlDescription(
        "Return as", kind: .choice, choices: Disposition.allCases.map(\.title),
        value: answers.disposition.value ?? "", isRequired: true)
    case .field(let field):
      return answers.fields.describe(field)
    case .returnReason:
      return answers.returnReason.describe()
    case .bell:
      return ControlDescription(
        "Bell", kind: .choice, choices: answers.bell.options, value: answers.bell.value ?? "",
        rule: "rings once for a refused scan")
    case .summary:
      return ControlDescription("Summary", kind: .table)
    }
  }

  public func isEditingText(_ control: Control, step: Step, answers: ReturnsAnswers) -> Bool {
    if answers.prompt != nil { return true }
    switch control {
    case .scan: return true
    case .field(let field): return answers.fields.isEditingText(field)
    default: return false
    }
  }

  public func refusal(step: Step, answers: ReturnsAnswers) -> WizardRefusal<Control>? {
    guard step == .scan, answers.session.acceptedScans.isEmpty else { return nil }
    return WizardRefusal("Scan at least one returned serial.", control: .scan)
  }

  public func hasAnswers(_ answers: ReturnsAnswers) -> Bool {
    !answers.session.scans.isEmpty || answers.session.expected != nil
  }

  public func hint(step: Step, focus: Control?, answers: ReturnsAnswers) -> StatusLine? {
    guard step == .scan else { return nil }
    if let problem = answers.fields.textRefusal(focused: nil) {
      return StatusLine(problem, kind: .error)
    }
    return answers.notice
  }

  // MARK: - Keys

  public func takesKey(_ key: Key, step: Step, answers: ReturnsAnswers) -> Bool {
    switch step {
    case .scan:
      return answers.prompt != nil
        || [.control("z"), .control("e"), .control("o")].contains(key)
    case .confirm:
      return [.up, .down, .pageUp, .pageDown, .home, .end].contains(key)
    }
  }

  public func update(
    _ key: Key, control: Control, step: Step, answers: inout ReturnsAnswers,
    layout: StepLayout<Control>, context: AppContext
  ) -> KeyResult {
    if step == .confirm {
      answers.summary.layout(in: layout.frame(.summary))
      return answers.summary.update(key)
    }
    if answers.prompt != nil { return updatePrompt(key, answers: &answers) }
    switch key {
    case .control("z"):
      answers.undo()
      return .handled
    case .control("e"), .control("o"):
      guard answers.filesAllowed else {
        answers.notice = StatusLine("Files cannot be read in a demo session.", kind: .error)
        return .handled
      }
      answers.prompt = SerialFilePrompt()
      answers.promptPurpose = key == .control("e") ? .expected : .scans
      return .handled
    default:
      break
    }
    defer { answers.hold() }
    switch control {
    case .scan:
      return updateScanField(key, answers: &answers, context: context)
    case .scans:
      answers.scanList.layout(in: layout.frame(.scans))
      switch key {
      case .left: return answers.changeDisposition(by: -1)
      case .right, .character(" "): return answers.changeDisposition(by: 1)
      default: return answers.scanList.update(key)
      }
    case .expected:
      switch key {
      case .left, .right:
        let all = RMAListKind.allCases
        let next = (answers.rmaKind.rawValue + (key == .left ? -1 : 1) + all.count) % all.count
        answers.rmaKind = all[next]
        answers.rmaList.moveCursor(to: 0)
        return .handled
      default:
        answers.rmaList.setCount(answers.session.rmaCheck.map(answers.rmaKind.serials)?.count ?? 0)
        answers.rmaList.layout(in: layout.frame(.expected))
        return answers.rmaList.update(key)
      }
    case .disposition:
      return answers.disposition.update(key)
    case .field(let field):
      return answers.fields.update(field, key: key)
    case .returnReason:
      return answers.returnReason.update(key)
    case .bell:
      return answers.bell.update(key)
    case .summary:
      return .ignored
    }
  }

  /// Enter scans what is typed; a paste scans each of its serials.
  private func updateScanField(
    _ key: Key, answers: inout ReturnsAnswers, context: AppContext
  ) -> KeyResult {
    switch key {
    case .enter:
      let serial = answers.scanField.text.trimmingCharacters(in: .whitespaces)
      answers.scanField.setText("")
      guard !serial.isEmpty else { return .handled }
      answers.scan(serial, state: context.state)
      return .handled
    case .paste(let text):
      let serials = SerialListInput.serials(in: text)
      guard serials.count > 1 else { return answers.scanField.update(key) }
      answers.scan(file: "The pasted list", serials: serials, state: context.state)
      return .handled
    default:
      return answers.scanField.update(key)
    }
  }

  /// The Ctrl-O / Ctrl-E prompt: Enter asks for the file, Esc closes it.
  private func updatePrompt(_ key: Key, answers: inout ReturnsAnswers) -> KeyResult {
    guard var prompt = answers.prompt else { return .ignored }
    switch key {
    case .escape:
      answers.prompt = nil
      return .handled
    case .enter:
      answers.fileRequest = prompt.request()
    default:
      _ = prompt.update(key)
    }
    answers.prompt = prompt
    return .handled
  }

  /// A scanner's burst is a scan whatever has focus (a serial, never typed into a field).
  public func scanned(_ text: String, step: Step, answers: inout ReturnsAnswers) -> Bool {
    guard step == .scan, answers.prompt == nil, let ledger else { return false }
    let serial = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !serial.isEmpty else { return true }
    answers.scan(serial, state: ledger.state)
    return true
  }

  public func takeFileRequest(step: Step, answers: inout ReturnsAnswers) -> FileRequest? {
    defer { answers.fileRequest = nil }
    return answers.fileRequest
  }

  public func fileRead(
    _ read: FileRead, step: Step, answers: inout ReturnsAnswers, context: AppContext
  ) {
    guard var prompt = answers.prompt else { return }
    defer { answers.prompt = prompt.problem == nil ? nil : prompt }
    switch answers.promptPurpose {
    case .scans:
      guard let loaded = prompt.loaded(read) else { return }
      answers.scan(file: loaded.name, serials: loaded.serials, state: context.state)
    case .expected:
      guard let text = prompt.text(of: read) else { return }
      do {
        let expected = try ExpectedReturns.parse(text, column: prompt.columnName)
        answers.session.expected = expected
        answers.rmaList.moveCursor(to: 0)
        answers.notice = StatusLine(
          "\(TextSafety.neutralised(read.request.path)): \(expected.entries.count) serials "
            + "expected.")
      } catch {
        prompt.problem = TextSafety.neutralised(error.description)
      }
    }
  }

  public func takeBells(answers: inout ReturnsAnswers) -> Int {
    defer { answers.bells = 0 }
    return answers.bells
  }

  // MARK: - Commit

  public func commit(answers: ReturnsAnswers, key: String) -> PendingCommit {
    let session = answers.session
    let first = session.commands(context: TransactionContext(user: "", uid: 0)).first
    return PendingCommit(
      command: first?.command ?? .returnHardware(account: "", returns: []),
      reference: session.settings.reference, comment: session.settings.comment, key: key,
      returns: session, returnReason: session.settings.returnReason)
  }

  /// A serial another session took meanwhile: every scan is checked again against the store
  /// as it is now (the taken serial gets its refused line), and the bench is back at the scan
  /// field with everything else kept.
  public func recover(
    from outcome: CommitOutcome, answers: inout ReturnsAnswers, context: AppContext
  ) -> WizardPlace<Step, Control>? {
    let why: String
    switch outcome {
    case .committed: return nil
    case .conflict(let message), .refused(let message): why = message
    }
    answers.session = answers.session.rescanned(in: context.state)
    answers.scanList.setCount(answers.session.scans.count)
    answers.notice = StatusLine(why, kind: .error)
    return WizardPlace(.scan, .scan)
  }
}
