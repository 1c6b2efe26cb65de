import StockroomDomain
import TerminalUI

/// The returns bench's answers: the session (every scan, the RMA list, the held settings)
/// and the state of the bench's controls. The held settings are the controls' values, copied
/// into the session whenever one changes, so the next scan takes them.
public struct ReturnsAnswers {
  public internal(set) var session: ReturnsSession
  var disposition = ChoiceField(options: Disposition.allCases.map(\.title), width: 38)
  var fields: ReferenceFields
  var scanField = TextField(width: 30, maxLength: 64)
  /// The bell for a refused scan: On (the default) or Off.
  var bell = ChoiceField(options: ["On", "Off"], width: 9)
  /// The held reason the session's tokens came back for (optional).
  var returnReason = ReturnReasonField(width: 30)
  /// The scan lines, browsable (follows the newest scan).
  var scanList = ListViewport()
  /// Which RMA list is shown, and its rows.
  var rmaKind = RMAListKind.missing
  var rmaList = ListViewport()
  /// The Confirm step's summary lines, scrolled.
  var summary = ListViewport()
  /// The Ctrl-O (serials to scan) or Ctrl-E (RMA list) prompt, while open.
  var prompt: SerialFilePrompt?
  var promptPurpose = FilePurpose.scans
  var fileRequest: FileRequest?
  /// False in a demo session: no file is read.
  var filesAllowed = true
  /// Bells asked for and not yet rung.
  var bells = 0
  /// What the last scan, undo or load did.
  var notice: StatusLine?

  /// What a file read through the prompt is for.
  enum FilePurpose: Hashable, Sendable { case scans, expected }

  init(session: ReturnsSession, state: InventoryState) {
    self.session = session
    fields = ReferenceFields(state: state)
    fields.container = fields.container.map {
      ChoiceField(options: $0.options, selected: $0.selected, width: 26)
    }
    fields.reference = TextField.reference(width: 20)
    fields.comment = TextField.comment(width: 62)
    fields.reference.setText(session.settings.reference)
    fields.comment.setText(session.settings.comment)
    if let container = session.settings.container {
      fields.selectContainer(container, state: state)
    }
    disposition.select(Disposition.allCases.firstIndex(of: session.settings.disposition) ?? 0)
    returnReason.select(session.settings.returnReason)
    scanList.setCount(session.scans.count)
    scanList.moveCursor(to: session.scans.count - 1)
  }

  var bellOn: Bool { bell.selected == 0 }

  /// The held settings as the controls show them.
  var settings: ReturnsSettings {
    ReturnsSettings(
      disposition: Disposition.allCases[disposition.selected], container: fields.containerCode,
      reference: fields.reference.text, comment: fields.comment.text,
      returnReason: returnReason.value)
  }

  /// Copies the controls' values into the session's held settings.
  mutating func hold() { session.settings = settings }

  /// Scans one serial with the held settings: its line at once, the list following it, and
  /// one bell when it is refused (unless the bell is off).
  mutating func scan(_ serial: String, state: InventoryState) {
    hold()
    let scan = session.scan(serial, in: state)
    followScans()
    if !scan.isAccepted {
      notice = StatusLine(scan.message, kind: .error)
      if bellOn { bells += 1 }
    } else {
      notice = StatusLine(
        "\(TextSafety.neutralised(serial)): \(scan.account ?? "") · \(scan.model ?? "") · "
          + scan.disposition.title, kind: .success)
    }
  }

  /// Scans a file's serials in order; one bell when any of them is refused.
  mutating func scan(file name: String, serials: [String], state: InventoryState) {
    hold()
    var refused = 0
    for serial in serials where !session.scan(serial, in: state).isAccepted {
      refused += 1
    }
    followScans()
    if refused > 0 && bellOn { bells += 1 }
    notice = StatusLine(
      "\(TextSafety.neutralised(name)): \(serials.count - refused) accepted, \(refused) refused.",
      kind: refused > 0 ? .error : .success)
  }

  /// Takes the last scan back (Ctrl-Z).
  mutating func undo() {
    guard let last = session.undoLast() else {
      notice = StatusLine("There is no scan to take back.")
      return
    }
    followScans()
    notice = StatusLine("Took back \(TextSafety.neutralised(last.serial)).")
  }

  /// Cycles the highlighted scan's own disposition (an accepted scan only).
  mutating func changeDisposition(by delta: Int) -> KeyResult {
    let index = scanList.cursor
    guard session.scans.indices.contains(index), session.scans[index].isAccepted else {
      notice = StatusLine("Only an accepted scan goes back with a disposition.")
      return .handled
    }
    let all = Disposition.allCases
    let now = all.firstIndex(of: session.scans[index].disposition) ?? 0
    let next = all[(now + delta + all.count) % all.count]
    session.setDisposition(next, forScanAt: index)
    notice = StatusLine(
      "\(TextSafety.neutralised(session.scans[index].serial)) goes back as \(next.title).")
    return .handled
  }

  private mutating func followScans() {
    scanList.setCount(session.scans.count)
    scanList.moveCursor(to: session.scans.count - 1)
  }
}

/// The four lists of an RMA check, as the bench shows them.
enum RMAListKind: Int, CaseIterable, Hashable, Sendable {
  case matched, missing, unexpected, wrongAccount

  var title: String {
    switch self {
    case .matched: return "Matched"
    case .missing: return "Missing"
    case .unexpected: return "Unexpected"
    case .wrongAccount: return "Wrong account"
    }
  }

  /// The list's serials in `check`.
  func serials(_ check: RMACheck) -> [String] {
    switch self {
    case .matched: return check.matched
    case .missing: return check.missing
    case .unexpected: return check.unexpected
    case .wrongAccount: return check.wrongAccount
    }
  }
}
