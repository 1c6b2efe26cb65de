import StockroomDomain
import TerminalUI

/// Step 1 of the deallocation wizard: what to give back. Software: a row per
/// Product and Type, the radio button activating that row's field. MobilePASS:
/// a quantity. Hardware: the seed's warning, Quantity and Search, a scan
/// field, and the two-list pick list.
extension DeallocationFlow {
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
    answers.pick.update(focus: focus, key: key, state: context.state) { state, limit in
      DeallocationAnswers.deallocatableSerials(flow: self, state: state, limit: limit)
    }
  }

  /// Search fills the Allocated list; the screen runs it with fresh state.
  func search(answers: inout DeallocationAnswers, state: InventoryState) {
    answers.pick.search(state: state) { state, limit in
      DeallocationAnswers.deallocatableSerials(flow: self, state: state, limit: limit)
    }
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
    buffer.putWrapped(
      DeallocationFlow.hardwareWarning,
      in: Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: 2), style: .warning)
    answers.pick.render(focus: focus, into: &buffer, in: rect)
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
      return answers.pick.cursor(focus: focus, in: rect)
    }
  }
}
