import TerminalUI

/// Every control the wizards are built from, on one screen, so a reviewer
/// can try each with the keyboard and the mouse, and so the bytes a list
/// move costs can be measured on a 10,000-row table.
public struct WidgetGallery: Screen {
  private var reference = TextField.reference(width: 26)
  private var quantity = NumberField(range: 1...24, width: 6)
  private var disposition = RadioGroup(
    options: [
      .init("Return to Inventory"), .init("Initialize and return to Inventory"),
      .init("Faulty"), .init("Lost"),
    ], selected: 0)
  private var checks = CheckList(
    items: [.init("Email account", isMarked: true), .init("Print label"), .init("Log only")],
    viewHeight: 3)
  private var table: Table
  private var pickList: PickList
  private var buttons = ButtonRow.wizard(lastStep: false)
  private var focus = 0
  private var message: StatusLine?

  /// The focus stops, in Tab order.
  private enum Stop: Int, CaseIterable {
    case reference, quantity, disposition, checks, table, pickList, buttons
  }

  public init() {
    table = Table(
      columns: [.init("Serial", width: 13), .init("Model", width: 5), .init("State", width: 9)],
      rowCount: 10_000
    ) { row, column in
      switch column {
      case 0: return "RB1-" + WidgetGallery.digits(40_000 + row)
      case 1: return row % 3 == 0 ? "KT-4" : "RB-1"
      default: return row % 17 == 0 ? "faulty" : "available"
      }
    }
    pickList = PickList(
      items: (0..<40).map { "RB1-" + WidgetGallery.digits(40_100 + $0 * 3) },
      leftTitle: "Allocated", rightTitle: "Deallocate",
      annotation: { $0 % 7 == 2 ? "PIN" : nil })
  }

  static func digits(_ value: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, 8 - text.count)) + text
  }

  public var title: String { "Widget gallery" }
  public var position: String {
    StepIndicator(titles: ["Select", "Reference", "Confirm"], current: 1).text
  }

  public var help: String {
    """
    The gallery shows every control Stockroom's wizards use. Tab and Shift-Tab (or Ctrl-P) \
    move between them; each control takes the same keys it takes in a wizard.

    The Reference field takes letters, digits, spaces and - _ / . # : up to 64 characters; \
    anything else is refused beside the field and what was typed stays. The quantity takes \
    a whole number from 1 to 24. The table holds 10,000 rows: ↑ ↓ PgUp PgDn Home End move. \
    In the pick list, Space marks, → or > moves the marked serials across, ← or < moves \
    them back, and / filters the list.
    """
  }

  public var keyBindings: [KeyBinding] {
    var bindings: [KeyBinding] = [.nextField]
    switch Stop(rawValue: focus) {
    case .disposition, .checks: bindings += [.move, KeyBinding("Space", "choose")]
    case .table: bindings += [.move, .page]
    case .pickList: bindings += [.mark, .moveAcross, .moveBack, .filter]
    case .buttons: bindings += [KeyBinding("←→", "button"), KeyBinding("Enter", "press")]
    default: break
    }
    return bindings + [.previousField, .back]
  }

  public var isEditingText: Bool {
    switch Stop(rawValue: focus) {
    case .reference, .quantity: return true
    case .pickList: return pickList.isEditingFilter
    default: return false
    }
  }

  public var status: StatusLine? {
    if let message { return message }
    switch Stop(rawValue: focus) {
    case .quantity:
      return quantity.validation.map { StatusLine($0, kind: .error) }
    case .table:
      return StatusLine("Row \(table.cursor + 1) of \(table.rowCount)")
    case .pickList:
      return StatusLine(
        "\(pickList.markedCount(pickList.focusedSide)) marked · Tab switches list, then field")
    default:
      return nil
    }
  }

  public mutating func update(_ key: Key, context: AppContext) -> Effect {
    let areas = WidgetGallery.layout(in: context.bodyRect)
    table.layout(in: areas.table)
    pickList.layout(in: areas.pickList)
    message = nil
    let stops = Stop.allCases.count
    if key == .tab || key == .backTab || key == .control("p") {
      if Stop(rawValue: focus) == .pickList && key == .tab && pickList.focusedSide == .left {
        pickList.focusedSide = .right
        return .none
      }
      focus = (focus + (key == .tab ? 1 : stops - 1)) % stops
      if Stop(rawValue: focus) == .pickList { pickList.focusedSide = key == .tab ? .left : .right }
      return .none
    }
    let result: KeyResult
    switch Stop(rawValue: focus) {
    case .reference: result = reference.update(key)
    case .quantity: result = quantity.update(key)
    case .disposition: result = disposition.update(key)
    case .checks: result = checks.update(key)
    case .table: result = table.update(key)
    case .pickList: result = pickList.update(key)
    case .buttons, .none:
      result = buttons.update(key)
      if result == .activated, let role = buttons.activatedRole {
        message = StatusLine("\(role) pressed; in a wizard it would step.", kind: .success)
      }
    }
    if result == .ignored && key == .enter {
      focus = (focus + 1) % stops
    }
    return .none
  }

  /// Where the table and the pick list go in the body: the one layout
  /// drawing, keys and the mouse use.
  static func layout(in rect: Rect) -> (table: Rect, pickList: Rect) {
    let inside = rect.inset(by: 1)
    let table = Rect(x: inside.x + 1, y: inside.y + 7, width: 31, height: inside.height - 9)
    let pick = Rect(
      x: inside.x + 33, y: inside.y + 7, width: inside.width - 34, height: inside.height - 9)
    return (table, pick)
  }

  public func view(into buffer: inout Buffer, in rect: Rect, context: AppContext) {
    Box.draw(into: &buffer, rect, title: "Widget gallery")
    let inside = rect.inset(by: 1)
    let x = inside.x + 1
    let fieldX = x + 12
    func label(_ text: String, _ y: Int, _ stop: Stop) {
      buffer.put(text, x: x, y: y, style: focus == stop.rawValue ? .title : .plain)
    }
    label("Reference", inside.y, .reference)
    reference.render(
      into: &buffer, in: Rect(x: fieldX, y: inside.y, width: 60, height: 1),
      focused: focus == Stop.reference.rawValue)
    buffer.put(reference.counterText, x: fieldX + 30, y: inside.y, style: .hint)
    label("Quantity", inside.y + 1, .quantity)
    quantity.render(
      into: &buffer, in: Rect(x: fieldX, y: inside.y + 1, width: 50, height: 1),
      focused: focus == Stop.quantity.rawValue)
    label("Return as", inside.y + 2, .disposition)
    disposition.render(
      into: &buffer, in: Rect(x: fieldX, y: inside.y + 2, width: 40, height: 4),
      focused: focus == Stop.disposition.rawValue)
    buffer.put(
      "Also", x: inside.maxX - 24, y: inside.y + 2,
      style: focus == Stop.checks.rawValue ? .title : .plain)
    checks.render(
      into: &buffer, in: Rect(x: inside.maxX - 19, y: inside.y + 2, width: 18, height: 3),
      focused: focus == Stop.checks.rawValue)
    let areas = WidgetGallery.layout(in: rect)
    buffer.put("Table (10,000 rows)", x: areas.table.x, y: areas.table.y - 1, style: .hint)
    table.render(into: &buffer, in: areas.table, focused: focus == Stop.table.rawValue)
    pickList.render(into: &buffer, in: areas.pickList, focused: focus == Stop.pickList.rawValue)
    buttons.render(
      into: &buffer, in: Rect(x: x, y: inside.maxY - 1, width: inside.width - 2, height: 1),
      focused: focus == Stop.buttons.rawValue)
  }

  public func cursor(in rect: Rect) -> Point? {
    let inside = rect.inset(by: 1)
    let fieldX = inside.x + 13
    switch Stop(rawValue: focus) {
    case .reference:
      return reference.cursorPosition(in: Rect(x: fieldX, y: inside.y, width: 60, height: 1))
    case .quantity:
      return quantity.cursorPosition(in: Rect(x: fieldX, y: inside.y + 1, width: 50, height: 1))
    default:
      return nil
    }
  }
}
