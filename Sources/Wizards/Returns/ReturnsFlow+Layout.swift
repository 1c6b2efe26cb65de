import StockroomDomain
import TerminalUI

/// The bench's one layout (from the rectangle it is given) and its drawing: the held
/// settings on four rows, the scan field, then the scan lines on the left and the counts
/// (and the RMA check, once loaded) on the right.
extension ReturnsFlow {
  static let fieldX = 12
  /// The right-hand column (counts, RMA check) at a width: wider terminals give it more.
  static func sideWidth(_ width: Int) -> Int { width >= 110 ? 40 : 25 }

  public func layout(step: Step, answers: ReturnsAnswers, in rect: Rect) -> StepLayout<Control> {
    var layout = StepLayout<Control>(area: rect)
    if step == .confirm {
      layout.place(
        .summary, Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: rect.height))
      return layout
    }
    let x = rect.x + ReturnsFlow.fieldX
    layout.place(.disposition, Rect(x: x, y: rect.y, width: 42, height: 1))
    layout.place(.bell, Rect(x: rect.maxX - 14, y: rect.y, width: 13, height: 1))
    if answers.fields.container != nil {
      layout.place(.field(.container), Rect(x: x, y: rect.y + 1, width: 30, height: 1))
    }
    layout.place(.field(.reference), Rect(x: rect.maxX - 23, y: rect.y + 1, width: 22, height: 1))
    layout.place(.field(.comment), Rect(x: x, y: rect.y + 2, width: 64, height: 1))
    layout.place(.returnReason, Rect(x: x, y: rect.y + 3, width: 36, height: 1))
    layout.place(.scan, Rect(x: x, y: rect.y + 4, width: 32, height: 1))
    let side = ReturnsFlow.sideWidth(rect.width)
    let listTop = rect.y + 6
    let listHeight = max(1, rect.maxY - listTop)
    layout.place(
      .scans, Rect(x: rect.x + 1, y: listTop, width: rect.width - side - 3, height: listHeight))
    if answers.session.expected != nil {
      let counts = min(answers.session.tally.count + 2, listHeight / 2)
      let top = listTop + counts + 1 + RMAListKind.allCases.count
      layout.place(
        .expected,
        Rect(x: rect.maxX - side - 1, y: top, width: side, height: max(1, rect.maxY - top)))
    }
    return layout
  }

  public func cursor(
    _ control: Control, step: Step, answers: ReturnsAnswers, layout: StepLayout<Control>
  ) -> Point? {
    if answers.prompt != nil { return nil }
    switch control {
    case .scan: return answers.scanField.cursorPosition(in: layout.frame(.scan))
    case .field(let field): return answers.fields.cursor(field, in: layout.frame(.field(field)))
    default: return nil
    }
  }

  public func view(
    step: Step, focus: Control?, answers: ReturnsAnswers, layout: StepLayout<Control>,
    into buffer: inout Buffer, context: AppContext
  ) {
    if step == .confirm {
      viewConfirm(answers: answers, frame: layout.frame(.summary), into: &buffer, context: context)
      return
    }
    let rect = layout.area
    let labelX = rect.x + 1
    func label(_ text: String, _ control: Control, x: Int? = nil) {
      guard let frame = layout[control] else { return }
      buffer.put(
        text, x: x ?? labelX, y: frame.y, style: focus == control ? .title : .plain, clip: rect)
    }
    label("Return as", .disposition)
    answers.disposition.render(
      into: &buffer, in: layout.frame(.disposition), focused: focus == .disposition)
    label("Bell", .bell, x: layout.frame(.bell).x - 5)
    answers.bell.render(into: &buffer, in: layout.frame(.bell), focused: focus == .bell)
    label("Container", .field(.container))
    if let frame = layout[.field(.container)] {
      answers.fields.container?.render(
        into: &buffer, in: frame, focused: focus == .field(.container))
    }
    label("Reference", .field(.reference), x: layout.frame(.field(.reference)).x - 10)
    answers.fields.reference.render(
      into: &buffer, in: layout.frame(.field(.reference)), focused: focus == .field(.reference))
    label("Comment", .field(.comment))
    answers.fields.comment.render(
      into: &buffer, in: layout.frame(.field(.comment)), focused: focus == .field(.comment))
    answers.returnReason.render(
      labelX: labelX, frame: layout.frame(.returnReason), focused: focus == .returnReason,
      into: &buffer)
    label("Scan", .scan)
    answers.scanField.render(
      into: &buffer, in: layout.frame(.scan), focused: focus == .scan)
    let scanFrame = layout.frame(.scan)
    let session = answers.session
    let accepted = session.acceptedScans.count
    buffer.put(
      "\(accepted) to return · \(session.scans.count - accepted) refused", x: scanFrame.maxX + 2,
      y: scanFrame.y, style: .hint, clip: rect)
    viewScans(
      answers: answers, frame: layout.frame(.scans), focused: focus == .scans, into: &buffer)
    viewSide(answers: answers, layout: layout, focused: focus == .expected, into: &buffer)
    if var prompt = answers.prompt {
      if answers.promptPurpose == .expected { prompt.title = "Load an RMA list" }
      _ = prompt.render(into: &buffer, in: rect)
    }
  }

  /// The scan lines: the serial, its account and model, and what will happen to it (or why
  /// it is refused), newest at the bottom.
  private func viewScans(
    answers: ReturnsAnswers, frame: Rect, focused: Bool, into buffer: inout Buffer
  ) {
    let headerY = frame.y - 1
    buffer.put(
      TextLayout.truncate(ReturnsFlow.scanLine(header: true, width: frame.width), to: frame.width),
      x: frame.x, y: headerY, style: .hint)
    var viewport = answers.scanList
    viewport.layout(in: frame)
    let scans = answers.session.scans
    if scans.isEmpty {
      buffer.put(
        "Scan a returned token, or type a serial and Enter.", x: frame.x,
        y: frame.y, style: .hint, clip: frame)
      return
    }
    for row in viewport.visibleRows {
      guard let line = viewport.screenRow(of: row) else { continue }
      let scan = scans[row]
      var style: Style = scan.isAccepted ? .plain : .error
      if focused && row == viewport.cursor { style = .highlight }
      buffer.put(
        TextLayout.pad(ReturnsFlow.scanLine(scan, width: frame.width), to: frame.width),
        x: frame.x, y: frame.y + line, style: style, clip: frame)
    }
  }

  /// One scan's line: serial, account, model, then the disposition or the refusal.
  static func scanLine(_ scan: ReturnScan? = nil, header: Bool = false, width: Int) -> String {
    let serialWidth = width >= 70 ? 18 : 13
    let accountWidth = width >= 70 ? 12 : 9
    func cell(_ text: String, _ width: Int) -> String {
      TextLayout.pad(TextLayout.truncate(text, to: width - 1), to: width)
    }
    if header {
      return "  " + cell("Serial", serialWidth) + cell("Account", accountWidth) + cell("Model", 7)
        + "Goes back as"
    }
    guard let scan else { return "" }
    let serial = TextSafety.neutralised(scan.serial)
    switch scan.outcome {
    case .accepted:
      return "  " + cell(serial, serialWidth) + cell(scan.account ?? "", accountWidth)
        + cell(scan.model ?? "", 7) + scan.disposition.title
    case .refused(let why):
      return "✗ " + cell(serial, serialWidth) + why.message
    }
  }

  /// Counts per account and model, then the RMA check when a list is loaded.
  private func viewSide(
    answers: ReturnsAnswers, layout: StepLayout<Control>, focused: Bool,
    into buffer: inout Buffer
  ) {
    let rect = layout.area
    let scans = layout.frame(.scans)
    let width = ReturnsFlow.sideWidth(rect.width)
    let x = rect.maxX - width - 1
    let bottom = layout[.expected].map { $0.y - 1 - RMAListKind.allCases.count } ?? rect.maxY
    buffer.put(
      "Account    " + TextLayout.pad("Model", to: width - 17) + "Count", x: x, y: scans.y - 1,
      style: .hint, clip: rect)
    let tally = answers.session.tally
    var y = scans.y
    for (index, row) in tally.enumerated() {
      guard y < bottom - (index < tally.count - 1 ? 1 : 0) else {
        buffer.put("… \(tally.count - index) more", x: x, y: y, style: .hint, clip: rect)
        y += 1
        break
      }
      let text =
        TextLayout.pad(TextLayout.truncate(row.account, to: 10), to: 11)
        + TextLayout.pad(TextLayout.truncate(row.model, to: width - 18), to: width - 17)
        + TextLayout.padLeft("\(row.count)", to: 5)
      buffer.put(text, x: x, y: y, clip: rect)
      y += 1
    }
    guard let frame = layout[.expected], let check = answers.session.rmaCheck else { return }
    for (index, kind) in RMAListKind.allCases.enumerated() {
      let chosen = kind == answers.rmaKind
      let text =
        (chosen ? "▸ " : "  ") + TextLayout.pad(kind.title, to: width - 8)
        + TextLayout.padLeft("\(kind.serials(check).count)", to: 6)
      buffer.put(
        text, x: x, y: frame.y - 4 + index, style: chosen && focused ? .highlight : .title,
        clip: rect)
    }
    let shown = answers.rmaKind.serials(check)
    var viewport = answers.rmaList
    viewport.setCount(shown.count)
    viewport.layout(in: frame)
    for row in viewport.visibleRows {
      guard let line = viewport.screenRow(of: row) else { continue }
      let style: Style = focused && row == viewport.cursor ? .highlight : .plain
      buffer.put(
        TextLayout.pad(TextSafety.neutralised(shown[row]), to: frame.width), x: frame.x,
        y: frame.y + line, style: style, clip: frame)
    }
  }
}
