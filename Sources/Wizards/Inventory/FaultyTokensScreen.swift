import Foundation
import StockroomDomain
import TerminalUI

/// The faulty tokens of one model in one container, from the Inventory
/// screen: Enter on a serial offers Re-initialize (a transaction of its own),
/// after which the token is available for allocation again.
public struct FaultyTokensScreen: Screen {
  public let model: String
  public let container: String
  private(set) var serials: [String] = []
  private(set) var containerName = ""
  var table: Table
  private(set) var question: Modal?
  private var notice: StatusLine?

  public init(model: String, container: String, context: AppContext) {
    self.model = model
    self.container = container
    table = FaultyTokensScreen.makeTable([], pins: [])
    refreshed(context: context)
  }

  static func makeTable(_ serials: [String], pins: [Bool]) -> Table {
    var table = Table(
      columns: [.init("Serial", width: 24), .init("Token-side PIN", width: 0, minWidth: 14)],
      rowCount: serials.count
    ) { row, column in
      guard serials.indices.contains(row) else { return "" }
      return column == 0 ? TextSafety.neutralised(serials[row]) : (pins[row] ? "needs PIN" : "—")
    }
    table.fitToContent(columns: [0])
    return table
  }

  /// Where the table goes in the body: the one layout drawing, keys and the
  /// mouse use.
  static func tableRect(in rect: Rect) -> Rect {
    let inside = rect.inset(by: 1)
    return Rect(
      x: inside.x + 1, y: inside.y + 2, width: inside.width - 2, height: inside.height - 2)
  }

  public var title: String { "Faulty \(TextSafety.neutralised(model))" }

  public var help: String {
    """
    The faulty \(TextSafety.neutralised(model)) tokens in this container: they are never \
    offered for allocation. When testing shows one works, Enter on its serial offers \
    Re-initialize: it becomes available for allocation again, in a transaction of its own \
    (`stockroom reinitialize` does the same headless).
    """
  }

  public var keyBindings: [KeyBinding] {
    question != nil
      ? [KeyBinding("←→", "choose"), KeyBinding("Enter", "press"), KeyBinding("Esc", "cancel")]
      : [.move, KeyBinding("Enter", "re-initialize"), .back]
  }

  public var status: StatusLine? { notice }

  public func takesKey(_ key: Key) -> Bool { question != nil }

  public mutating func refreshed(context: AppContext) {
    let state = context.state
    guard let modelIndex = state.modelIndex(model), let box = state.containerIndex(container)
    else { return }
    containerName = state.containers[box].name
    var found: [String] = []
    var pins: [Bool] = []
    // Faulty tokens are in the provider's stock: only its group of the model is read.
    state.tokens.forEachMember(holder: -1, model: modelIndex) { index, token in
      if token.state == .faulty && Int(token.container) == box {
        found.append(state.tokens.serial(at: index))
        pins.append(token.needsPIN)
      }
      return true
    }
    serials = found
    let (cursor, top) = (table.cursor, table.viewport.top)
    table = FaultyTokensScreen.makeTable(found, pins: pins)
    table.layout(in: Self.tableRect(in: context.bodyRect))
    table.moveCursor(to: cursor, top: top)
  }

  public mutating func update(_ key: Key, context: AppContext) -> Effect {
    table.layout(in: Self.tableRect(in: context.bodyRect))
    if question != nil {
      let serial = serials.indices.contains(table.cursor) ? serials[table.cursor] : nil
      return ReinitializeQuestion.answer(
        &question, key: key, serial: serial, body: context.bodyRect)
    }
    notice = nil
    let result = table.update(key)
    guard result == .activated || key == .enter, serials.indices.contains(table.cursor) else {
      return .none
    }
    question = ReinitializeQuestion.dialog(for: serials[table.cursor], in: context.bodyRect)
    return .none
  }

  public mutating func committed(_ outcome: CommitOutcome, context: AppContext) {
    notice = ReinitializeQuestion.notice(outcome)
    refreshed(context: context)
  }

  var count: String {
    "\(serials.count) faulty tokens, never offered for allocation until re-initialized."
  }

  static let noneLeft = "None left: every one was re-initialized."

  public func view(into buffer: inout Buffer, in rect: Rect, context: AppContext) {
    Box.draw(
      into: &buffer, rect,
      title: "Faulty \(TextSafety.neutralised(model)) · \(TextSafety.neutralised(containerName))")
    let inside = rect.inset(by: 1)
    buffer.put(
      count,
      x: inside.x + 1, y: inside.y, style: .hint, clip: inside)
    if serials.isEmpty {
      buffer.put(
        Self.noneLeft, x: inside.x + 1, y: inside.y + 3,
        style: .hint, clip: inside)
    } else {
      table.render(into: &buffer, in: FaultyTokensScreen.tableRect(in: rect), focused: true)
    }
    if let question { question.render(into: &buffer, in: rect, focused: true) }
  }
}
