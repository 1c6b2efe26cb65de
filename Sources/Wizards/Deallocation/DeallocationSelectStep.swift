import StockroomDomain
import TerminalUI

/// Step 1 of the deallocation wizard: what to give back. Software: a row per
/// Product and Type, the radio button activating that row's field. MobilePASS:
/// a quantity. Hardware: the seed's warning, Quantity and Search, a scan
/// field, and the two-list pick list.
extension DeallocationFlow {
  /// The body of a step at 80x24 (inside the frame, above the buttons).
  static let referenceBody = Rect(x: 1, y: 2, width: 78, height: 17)

  static func pickListRect(in body: Rect) -> Rect {
    Rect(x: body.x + 1, y: body.y + 3, width: body.width - 2, height: body.height - 3)
  }

  static let hardwareWarning =
    "⚠ Deallocate hardware only once it is physically back: deallocation adds it to "
    + "your inventory, and any discrepancy with the return causes confusion."

  func updateSelect(
    focus: Int, key: Key, answers: inout DeallocationAnswers, context: AppContext
  ) -> KeyResult {
    switch kind {
    case .software:
      if focus == 0 {
        switch key {
        case .up: answers.chooseSoftwareRow(max(0, answers.softwareRow - 1))
        case .down: answers.chooseSoftwareRow(min(3, answers.softwareRow + 1))
        case .character(" "): break
        case .enter: return .activated
        default: return .ignored
        }
        return .handled
      }
      return answers.softwareQuantities[answers.softwareRow].update(key)
    case .mobilePass:
      return answers.mobileQuantity.update(key)
    case .hardware:
      return updateHardware(focus: focus, key: key, answers: &answers, context: context)
    }
  }

  private func updateHardware(
    focus: Int, key: Key, answers: inout DeallocationAnswers, context: AppContext
  ) -> KeyResult {
    if let result = updateSelection(focus: focus, key: key, answers: &answers, context: context) {
      return result
    }
    switch focus {
    case 0:
      return answers.listQuantity.update(key)
    case 1:
      guard key == .enter || key == .character(" ") else { return .ignored }
      search(answers: &answers, state: context.state)
      return answers.pickList == nil ? .handled : .activated
    case 2:
      if key == .enter {
        scanEntered(&answers)
        return .handled
      }
      return answers.scan.update(key)
    default:
      guard var list = answers.pickList else { return .ignored }
      // Taken out while it changes, so its arrays are not copied.
      answers.pickList = nil
      list.focusedSide = focus == 3 ? .left : .right
      let before = list.count(.right)
      let result = list.update(key)
      let grown = list.count(.right) - before
      if grown > 0 { answers.rememberMove(Array(list.rightIndices.suffix(grown))) }
      answers.scanNotice = list.rangePreview.map {
        StatusLine("Range: \(SerialPreview.count($0)) rows; ] marks them, → then moves them.")
      }
      answers.pickList = list
      return result == .activated ? .handled : result
    }
  }

  /// Search fills the Allocated list; the screen runs it with fresh state.
  func search(answers: inout DeallocationAnswers, state: InventoryState) {
    if let problem = answers.listQuantity.validation, answers.hardwareLimit > 0 {
      answers.scanNotice = StatusLine("Quantity: " + problem, kind: .error)
      return
    }
    answers.search(flow: self, state: state)
    let shown = answers.pickList?.count(.left) ?? 0
    answers.scanNotice = StatusLine(
      shown == 0
        ? "No \(modelName) tokens of this account are free to deallocate."
        : "\(shown) serials listed. Mark with Space and move with →, or scan them.")
  }

  /// A scanned or typed serial goes straight to Deallocate, or is refused
  /// with the reason; nothing else changes.
  func scanEntered(_ answers: inout DeallocationAnswers) {
    let serial = answers.scan.text.trimmingCharacters(in: .whitespaces)
    answers.scan.setText("")
    guard !serial.isEmpty else { return }
    if rangeEntered(serial, answers: &answers) { return }
    answers.scanNotice = scanVerdict(serial, answers: &answers)
  }

  private func scanVerdict(_ serial: String, answers: inout DeallocationAnswers) -> StatusLine {
    let shown = TextSafety.neutralised(serial)
    guard var list = answers.pickList else {
      return StatusLine("Search first, then scan \(shown).", kind: .error)
    }
    answers.pickList = nil
    let result = list.scan(serial)
    if case .moved = result, let item = list.rightIndices.last { answers.rememberMove([item]) }
    answers.pickList = list
    switch result {
    case .moved:
      let pin = answers.needsPIN.contains(serial) ? " (needs a token-side PIN)" : ""
      return StatusLine("\(shown) moved to Deallocate\(pin).", kind: .success)
    case .alreadyMoved:
      return StatusLine("\(shown) is already in Deallocate.", kind: .error)
    case .unknown:
      return StatusLine(scanRefusal(shown), kind: .error)
    }
  }

  /// Why a serial that is not in the Allocated list cannot be deallocated here.
  func scanRefusal(_ serial: String) -> String {
    "\(serial) is not an allocated, unused \(modelName) token of this account"
      + " (or not among the serials listed)."
  }

  // MARK: - View

  func viewSelect(
    focus: Int?, answers: DeallocationAnswers, into buffer: inout Buffer, in rect: Rect
  ) {
    switch kind {
    case .software: viewSoftware(focus: focus, answers: answers, into: &buffer, in: rect)
    case .mobilePass: viewMobilePass(focus: focus, answers: answers, into: &buffer, in: rect)
    case .hardware: viewHardware(focus: focus, answers: answers, into: &buffer, in: rect)
    }
  }

  private static let softwareX = (radio: 2, product: 6, type: 18, quantity: 26, field: 38)

  private func viewSoftware(
    focus: Int?, answers: DeallocationAnswers, into buffer: inout Buffer, in rect: Rect
  ) {
    let x = rect.x + 1
    let text = Rect(x: x, y: rect.y, width: rect.width - 2, height: 2)
    buffer.putWrapped(
      "For each Product and Type, enter the quantity to deallocate. The radio button in the "
        + "left-most column activates that row's Deallocate field.", in: text)
    let columns = DeallocationFlow.softwareX
    let header = rect.y + 3
    for (text, offset, right) in [
      ("Product", columns.product, false), ("Type", columns.type, false),
      ("Quantity", columns.quantity, true), ("Deallocate", columns.field, false),
    ] {
      let shown = right ? TextLayout.padLeft(text, to: 9) : text
      buffer.put(shown, x: rect.x + offset, y: header, style: .title)
    }
    for (row, column) in DeallocationFlow.softwareRows.enumerated() {
      let y = header + 1 + row
      let chosen = row == answers.softwareRow
      let radio = chosen ? "(•)" : "( )"
      buffer.put(
        radio, x: rect.x + columns.radio, y: y,
        style: chosen && focus == 0 ? .highlight : .plain)
      buffer.put(column.product.title, x: rect.x + columns.product, y: y)
      buffer.put(
        column.type?.title ?? (column == .st1Legacy ? "Legacy" : "—"), x: rect.x + columns.type,
        y: y)
      let limit = answers.softwareLimits[row]
      buffer.put(
        TextLayout.padLeft(String(limit), to: 9), x: rect.x + columns.quantity, y: y,
        style: limit > 0 ? .plain : .hint)
      let field = answers.softwareQuantities[row]
      let fieldRect = Rect(
        x: rect.x + columns.field, y: y, width: rect.width - columns.field, height: 1)
      if chosen {
        field.render(into: &buffer, in: fieldRect, focused: focus == 1)
        if let message = field.message {
          buffer.put(message, x: fieldRect.x + 12, y: y, style: .error, clip: rect)
        } else if let note = softwareNote(column, limit: limit) {
          buffer.put(note, x: fieldRect.x + 12, y: y, style: .hint, clip: rect)
        }
      } else {
        buffer.put("[        ]", x: fieldRect.x, y: y, style: .hint)
        if let note = softwareNote(column, limit: limit) {
          buffer.put(note, x: fieldRect.x + 12, y: y, style: .hint, clip: rect)
        }
      }
    }
    let notes = Rect(x: x, y: header + 6, width: rect.width - 2, height: rect.maxY - header - 6)
    buffer.putWrapped(
      "Quantity is the most not in use in the account's Virtual Server, and so available "
        + "for deallocation; for SMS Rental also limited by available capacity. Rental: a "
        + "unit of capacity is deallocated with each SMS token. Sale: no capacity goes with "
        + "the tokens. Legacy: ST-1 tokens imported from legacy systems.", in: notes,
      style: .hint)
  }

  private func softwareNote(_ column: SoftwareColumn, limit: Int) -> String? {
    if limit <= 0 { return "nothing free" }
    return column == .smsRental ? "+1 unit of capacity each" : nil
  }

  private func viewMobilePass(
    focus: Int?, answers: DeallocationAnswers, into buffer: inout Buffer, in rect: Rect
  ) {
    let x = rect.x + 1
    buffer.put("Type the quantity of MobilePASS tokens to deallocate.", x: x, y: rect.y)
    buffer.put("Available", x: x, y: rect.y + 2, style: .title)
    buffer.put(
      "\(answers.mobileLimit) not in use in the account's Virtual Server", x: x + 13,
      y: rect.y + 2)
    buffer.put("Deallocate", x: x, y: rect.y + 4, style: .title)
    answers.mobileQuantity.render(
      into: &buffer, in: Rect(x: x + 13, y: rect.y + 4, width: 60, height: 1),
      focused: focus == 0)
    buffer.putWrapped(
      "MobilePASS tokens go back to the provider's stock at once, ready to allocate again.",
      in: Rect(x: x, y: rect.y + 6, width: rect.width - 2, height: 2), style: .hint)
  }

  private func viewHardware(
    focus: Int?, answers: DeallocationAnswers, into buffer: inout Buffer, in rect: Rect
  ) {
    let x = rect.x + 1
    buffer.putWrapped(
      DeallocationFlow.hardwareWarning,
      in: Rect(x: x, y: rect.y, width: rect.width - 2, height: 2), style: .warning)
    let y = rect.y + 2
    buffer.put("Quantity", x: x, y: y, style: focus == 0 ? .title : .plain)
    answers.listQuantity.render(
      into: &buffer, in: Rect(x: x + 9, y: y, width: 10, height: 1), focused: focus == 0)
    buffer.put("[ Search ]", x: x + 21, y: y, style: focus == 1 ? .highlight : .title)
    buffer.put("Scan or type a serial", x: x + 35, y: y, style: focus == 2 ? .title : .plain)
    answers.scan.render(
      into: &buffer, in: Rect(x: x + 57, y: y, width: 18, height: 1), focused: focus == 2)
    let area = DeallocationFlow.pickListRect(in: rect)
    if let list = answers.pickList {
      list.render(into: &buffer, in: area, focused: focus == 3 || focus == 4)
      _ = viewSelection(answers: answers, into: &buffer, in: area)
    } else {
      buffer.putWrapped(
        "\(answers.hardwareLimit) \(modelName) tokens of this account are allocated and not "
          + "in use. Quantity is the most serials to list (all by default); Search lists them "
          + "in Allocated. Mark the ones physically returned and move them to Deallocate, or "
          + "scan them into the scan field.",
        in: Rect(x: x, y: area.y + 1, width: rect.width - 2, height: 4), style: .hint)
    }
  }

  func cursorSelect(focus: Int, answers: DeallocationAnswers, in rect: Rect) -> Point? {
    let x = rect.x + 1
    switch kind {
    case .software:
      guard focus == 1 else { return nil }
      let y = rect.y + 4 + answers.softwareRow
      let field = Rect(
        x: rect.x + DeallocationFlow.softwareX.field, y: y, width: 10, height: 1)
      return answers.softwareQuantities[answers.softwareRow].cursorPosition(in: field)
    case .mobilePass:
      return answers.mobileQuantity.cursorPosition(
        in: Rect(x: x + 13, y: rect.y + 4, width: 60, height: 1))
    case .hardware:
      if answers.filePrompt != nil {
        var scratch = Buffer(width: rect.maxX + 1, height: rect.maxY + 1)
        return viewSelection(
          answers: answers, into: &scratch, in: DeallocationFlow.pickListRect(in: rect))
      }
      switch focus {
      case 0:
        return answers.listQuantity.cursorPosition(
          in: Rect(x: x + 9, y: rect.y + 2, width: 10, height: 1))
      case 2:
        return answers.scan.cursorPosition(
          in: Rect(x: x + 57, y: rect.y + 2, width: 18, height: 1))
      default:
        return nil
      }
    }
  }
}
