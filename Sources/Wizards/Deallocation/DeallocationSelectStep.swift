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

  private static let softwareX = (radio: 2, product: 6, type: 18, quantity: 26, field: 38)

  /// The Select step's one layout: the software rows' radio column and the
  /// chosen row's field, MobilePASS's quantity, or the pick list's controls.
  func layoutSelect(answers: DeallocationAnswers, into layout: inout StepLayout<Control>) {
    let rect = layout.area
    switch kind {
    case .software:
      let columns = DeallocationFlow.softwareX
      let first = rect.y + 4
      layout.place(
        .softwareRow,
        Rect(
          x: rect.x + columns.radio, y: first, width: columns.field - columns.radio - 1,
          height: DeallocationFlow.softwareRows.count))
      layout.place(
        .softwareQuantity,
        Rect(
          x: rect.x + columns.field, y: first + answers.softwareRow,
          width: rect.width - columns.field, height: 1))
    case .mobilePass:
      layout.place(.mobileQuantity, Rect(x: rect.x + 14, y: rect.y + 4, width: 60, height: 1))
    case .hardware:
      for (control, frame) in SerialPickStep.layout(in: rect) {
        layout.place(.pick(control), frame)
      }
    }
  }

  func updateSelect(
    _ key: Key, control: Control, answers: inout DeallocationAnswers,
    layout: StepLayout<Control>, context: AppContext
  ) -> KeyResult {
    switch control {
    case .softwareRow:
      switch key {
      case .up: answers.chooseSoftwareRow(max(0, answers.softwareRow - 1))
      case .down:
        answers.chooseSoftwareRow(
          min(DeallocationFlow.softwareRows.count - 1, answers.softwareRow + 1))
      case .character(" "): break
      case .enter: return .activated
      case .mouse(let mouse):
        answers.chooseSoftwareRow(mouse.position.y - layout.frame(control).y)
      default: return .ignored
      }
      return .handled
    case .softwareQuantity:
      return answers.softwareQuantities[answers.softwareRow].update(key)
    case .mobileQuantity:
      return answers.mobileQuantity.update(key)
    case .pick(let pick):
      return answers.pick.update(key, control: pick, body: layout.area, state: context.state) {
        state, limit in
        offered(state, limit: limit)
      }
    case .disposition, .field, .returnReason:
      return .ignored
    }
  }

  /// The serials of the model the account may give back (allocated, not in use), sorted,
  /// the first `limit` of them.
  func offered(_ state: InventoryState, limit: Int) -> SerialPickStep.Found {
    guard case .hardware(let model) = kind else { return ([], SerialMarks()) }
    return state.deallocatableSerials(account: account, model: model, limit: limit)
  }

  /// Search fills the Allocated list; the screen runs it with fresh state.
  func search(answers: inout DeallocationAnswers, state: InventoryState) {
    answers.pick.search(state: state) { state, limit in
      offered(state, limit: limit)
    }
  }

  // MARK: - View

  func viewSelect(
    focus: Control?, answers: DeallocationAnswers, layout: StepLayout<Control>,
    into buffer: inout Buffer
  ) {
    switch kind {
    case .software: viewSoftware(focus: focus, answers: answers, layout: layout, into: &buffer)
    case .mobilePass: viewMobilePass(focus: focus, answers: answers, layout: layout, into: &buffer)
    case .hardware: viewHardware(focus: focus, answers: answers, layout: layout, into: &buffer)
    }
  }

  private func viewSoftware(
    focus: Control?, answers: DeallocationAnswers, layout: StepLayout<Control>,
    into buffer: inout Buffer
  ) {
    let rect = layout.area
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
        style: chosen && focus == .softwareRow ? .highlight : .plain)
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
        field.render(
          into: &buffer, in: layout.frame(.softwareQuantity), focused: focus == .softwareQuantity)
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
    focus: Control?, answers: DeallocationAnswers, layout: StepLayout<Control>,
    into buffer: inout Buffer
  ) {
    let rect = layout.area
    let x = rect.x + 1
    buffer.put("Type the quantity of MobilePASS tokens to deallocate.", x: x, y: rect.y)
    buffer.put("Available", x: x, y: rect.y + 2, style: .title)
    buffer.put(
      "\(answers.mobileLimit) not in use in the account's Virtual Server", x: x + 13,
      y: rect.y + 2)
    buffer.put("Deallocate", x: x, y: rect.y + 4, style: .title)
    answers.mobileQuantity.render(
      into: &buffer, in: layout.frame(.mobileQuantity), focused: focus == .mobileQuantity)
    buffer.putWrapped(
      "MobilePASS tokens go back to the provider's stock at once, ready to allocate again.",
      in: Rect(x: x, y: rect.y + 6, width: rect.width - 2, height: 2), style: .hint)
  }

  private func viewHardware(
    focus: Control?, answers: DeallocationAnswers, layout: StepLayout<Control>,
    into buffer: inout Buffer
  ) {
    let rect = layout.area
    buffer.putWrapped(
      DeallocationFlow.hardwareWarning,
      in: Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: 2), style: .warning)
    var pick: SerialPickStep.Control?
    if case .pick(let control) = focus { pick = control }
    answers.pick.render(focus: pick, into: &buffer, in: rect)
  }
}
