import StockroomDomain
import TerminalUI

/// New serials being received: typed or scanned one at a time, pasted, or
/// loaded from a manifest file. Duplicated or already known serials are
/// refused, a list of them with a preview (counts and the offending serials)
/// before anything is added; nothing is written until Confirm.
public struct ReceiveSerials: Sendable {
  public internal(set) var serials: [String] = []
  private var listed: Set<String> = []
  /// Longer than a serial may be, so an overlong scan is refused by the serial's rule rather
  /// than cut to a serial that was never on the label.
  public internal(set) var scan = TextField(width: 24, maxLength: LineBytes.limit)
  public internal(set) var table: Table
  public internal(set) var notice: StatusLine?
  /// A paste or file waiting for Enter.
  public internal(set) var preview: Preview?
  public internal(set) var filePrompt: SerialFilePrompt?
  /// The file the prompt asked to read, until the runtime takes the request.
  var fileRequest: FileRequest?
  /// Sizes of the batches added, last last, for Ctrl-Z.
  private var batches: [Int] = []
  public var filesAllowed = true
  /// Where the list was last laid out (nil: not yet), so a rebuilt list pages by the rows shown.
  private var listArea: Rect?

  /// The controls: the scan field, then the list of serials to receive.
  public enum Control: String, Hashable, Sendable, Codable, CaseIterable {
    case scan, list
  }

  /// What a list would add: its new serials, and those refused with why.
  public struct Preview: Hashable, Sendable {
    public var source: String
    public var given: Int
    public var new: [String]
    public var duplicated: [String]
    public var known: [String]

    /// The lines of the preview box.
    public var lines: [String] {
      var lines = ["\(SerialPreview.count(new.count)) new serials to receive"]
      for (label, serials) in [
        ("duplicated (listed twice)", duplicated), ("already in the inventory", known),
      ] where !serials.isEmpty {
        let names = serials.prefix(3).map(TextSafety.neutralised).joined(separator: ", ")
        let more = serials.count > 3 ? ", …" : ""
        lines.append("\(SerialPreview.count(serials.count)) refused, \(label): \(names)\(more)")
      }
      return lines
    }
  }

  public init() {
    table = ReceiveSerials.makeTable([], in: nil)
  }

  static func makeTable(_ serials: [String], in area: Rect?) -> Table {
    var table = Table(columns: [.init("Serial", width: 0)], rowCount: serials.count) { row, _ in
      serials.indices.contains(row) ? TextSafety.neutralised(serials[row]) : ""
    }
    if let area { table.layout(in: area) }
    return table
  }

  /// The list's rectangle in a step's `body`: under the two heading rows and the scan field.
  static func listRect(in body: Rect) -> Rect {
    Rect(x: body.x + 1, y: body.y + 3, width: 40, height: body.height - 3)
  }

  /// The scan field's rectangle in a step's `body`.
  static func scanRect(in body: Rect) -> Rect {
    Rect(x: body.x + 23, y: body.y + 2, width: 26, height: 1)
  }

  /// Where each control sits in a step's `body`: the one layout drawing, the
  /// cursor, clicks and page sizes use.
  static func layout(in body: Rect) -> [(control: Control, rect: Rect)] {
    [(.scan, scanRect(in: body)), (.list, listRect(in: body))]
  }

  /// Lays the list out for the step's `body` as it is now (PgDn moves by the rows shown).
  mutating func layout(in body: Rect) {
    let area = ReceiveSerials.listRect(in: body)
    listArea = area
    table.layout(in: area)
  }

  /// True while `control` takes typed text (the scan field, the file prompt).
  func isEditingText(_ control: Control) -> Bool {
    control == .scan || filePrompt != nil
  }

  /// Counts `given` against what is listed and what the inventory knows.
  func preview(source: String, _ given: [String], state: InventoryState) -> Preview {
    var preview = Preview(source: source, given: given.count, new: [], duplicated: [], known: [])
    var seen = listed
    var named = Set<String>()
    for serial in given {
      if state.token(serial: serial) != nil {
        if named.insert(serial).inserted { preview.known.append(serial) }
      } else if !seen.insert(serial).inserted {
        if named.insert(serial).inserted { preview.duplicated.append(serial) }
      } else {
        preview.new.append(serial)
      }
    }
    return preview
  }

  mutating func add(_ new: [String]) {
    guard !new.isEmpty else { return }
    serials += new
    listed.formUnion(new)
    batches.append(new.count)
    let cursor = serials.count - 1
    table = ReceiveSerials.makeTable(serials, in: listArea)
    table.moveCursor(to: cursor)
  }

  /// One typed or scanned serial: added, or refused with the reason.
  mutating func entered(_ text: String, state: InventoryState) {
    let serial = text.trimmingCharacters(in: .whitespaces)
    guard !serial.isEmpty else { return }
    let shown = TextSafety.neutralised(serial)
    do throws(DomainError) {
      try TextRules.checkSerial(serial)
    } catch {
      notice = StatusLine(error.message, kind: .error)
      return
    }
    if state.token(serial: serial) != nil {
      notice = StatusLine("\(shown) is already in the inventory: refused.", kind: .error)
    } else if listed.contains(serial) {
      notice = StatusLine("\(shown) is already listed: refused.", kind: .error)
    } else {
      add([serial])
      notice = StatusLine(
        "\(shown) added; \(SerialPreview.count(serials.count)) "
          + (serials.count == 1 ? "serial" : "serials") + " to receive.", kind: .success)
    }
  }

  /// Puts the list's cursor on the first of `serials` that is listed.
  mutating func point(at serials: [String]) {
    guard let row = self.serials.firstIndex(where: serials.contains) else { return }
    table.moveCursor(to: row)
  }

  mutating func undo() {
    guard let last = batches.popLast() else {
      notice = StatusLine("Nothing to undo.")
      return
    }
    let removed = serials.suffix(last)
    listed.subtract(removed)
    serials.removeLast(last)
    table = ReceiveSerials.makeTable(serials, in: listArea)
    table.moveCursor(to: max(0, serials.count - 1))
    notice = StatusLine("Undone: \(SerialPreview.count(last)) serials taken off.", kind: .success)
  }

  mutating func removeHighlighted() {
    guard serials.indices.contains(table.cursor) else { return }
    let serial = serials.remove(at: table.cursor)
    listed.remove(serial)
    batches = []
    let cursor = table.cursor
    table = ReceiveSerials.makeTable(serials, in: listArea)
    table.moveCursor(to: min(cursor, max(0, serials.count - 1)))
    notice = StatusLine("\(TextSafety.neutralised(serial)) taken off the list.")
  }

  func takesKey(_ key: Key) -> Bool {
    preview != nil || filePrompt != nil || key == .control("z")
      || (filesAllowed && key == .control("o"))
  }

  /// Gives a key to `control`, laid out in the step's `body`.
  mutating func update(
    _ key: Key, control: Control, body: Rect, state: InventoryState
  ) -> KeyResult {
    layout(in: body)
    if let preview {
      switch key {
      case .enter, .character("y"), .character("Y"):
        add(preview.new)
        notice = StatusLine(
          "\(SerialPreview.count(preview.new.count)) serials added. Ctrl-Z undoes.",
          kind: .success)
        self.preview = nil
      case .escape, .character("n"), .character("N"):
        self.preview = nil
        notice = StatusLine("Nothing added.")
      default: break
      }
      return .handled
    }
    if var prompt = filePrompt {
      switch key {
      case .escape:
        filePrompt = nil
        return .handled
      case .enter:
        fileRequest = prompt.request()
      default:
        _ = prompt.update(key)
      }
      filePrompt = prompt
      return .handled
    }
    switch key {
    case .control("z"):
      undo()
      return .handled
    case .control("o") where filesAllowed:
      filePrompt = SerialFilePrompt()
      return .handled
    case .paste(let text):
      let given = SerialListInput.serials(in: text)
      if given.count == 1 && control == .scan { return scan.update(key) }
      preview = preview(source: "Paste", given, state: state)
      return .handled
    default:
      break
    }
    if control == .scan {
      if key == .enter {
        let text = scan.text
        scan.setText("")
        entered(text, state: state)
        return .handled
      }
      return scan.update(key)
    }
    if key == .delete || key == .backspace {
      removeHighlighted()
      return .handled
    }
    let result = table.update(key)
    return result == .activated ? .handled : result
  }

  /// The manifest the prompt asked for, read by the runtime: its serials become
  /// a preview, or the prompt says why they cannot.
  mutating func fileRead(_ read: FileRead, state: InventoryState) {
    guard var prompt = filePrompt else { return }
    guard let loaded = prompt.loaded(read) else {
      filePrompt = prompt
      return
    }
    filePrompt = nil
    preview = preview(
      source: "File \(TextSafety.neutralised(loaded.name))", loaded.serials, state: state)
  }

  /// The file the prompt asked to read on the last key, taken.
  mutating func takeFileRequest() -> FileRequest? {
    defer { fileRequest = nil }
    return fileRequest
  }

  /// The scan field on `rect.y + 2`, the list under it, and the preview or file prompt.
  func render(focus: Control?, into buffer: inout Buffer, in rect: Rect) -> Point? {
    let x = rect.x + 1
    let y = rect.y + 2
    buffer.put("Scan or type a serial", x: x, y: y, style: focus == .scan ? .title : .plain)
    scan.render(into: &buffer, in: ReceiveSerials.scanRect(in: rect), focused: focus == .scan)
    buffer.put(
      "\(SerialPreview.count(serials.count)) to receive", x: x + 51, y: y, style: .title,
      clip: rect)
    let list = ReceiveSerials.listRect(in: rect)
    if serials.isEmpty {
      buffer.putWrapped(
        "No serials yet. Scan or type one and press Enter; paste a list"
          + (filesAllowed
            ? ", or press Ctrl-O to load a manifest (one a line, or a CSV column)."
            : "."),
        in: Rect(x: x, y: list.y + 1, width: rect.width - 2, height: 3), style: .hint)
    } else {
      table.render(into: &buffer, in: list, focused: focus == .list)
      buffer.putWrapped(
        "Delete takes the highlighted serial off; Ctrl-Z undoes the last addition.",
        in: Rect(x: list.maxX + 2, y: list.y + 1, width: rect.maxX - list.maxX - 5, height: 4),
        style: .hint)
    }
    let area = Rect(x: rect.x + 1, y: rect.y + 3, width: rect.width - 2, height: rect.height - 3)
    if let prompt = filePrompt { return prompt.render(into: &buffer, in: area) }
    if let preview {
      let lines = preview.lines
      let box = Rect(x: area.x + 2, y: area.y + 2, width: area.width - 4, height: lines.count + 5)
      buffer.fill(box)
      Box.draw(
        into: &buffer, box,
        title: "\(preview.source): \(SerialPreview.count(preview.given)) serials")
      let inner = box.inset(by: 1)
      for (index, line) in lines.enumerated() {
        buffer.put(
          line, x: inner.x + 1, y: inner.y + 1 + index, style: index == 0 ? .title : .error,
          clip: inner)
      }
      let keys =
        preview.new.isEmpty
        ? "Nothing to add.  Esc close"
        : "Enter add \(SerialPreview.count(preview.new.count))  Esc cancel"
      buffer.put(keys, x: inner.x + 1, y: inner.maxY - 1, style: .legend, clip: inner)
    }
    return nil
  }

  func cursor(_ control: Control, in rect: Rect) -> Point? {
    if filePrompt != nil {
      var scratch = Buffer(width: rect.maxX + 1, height: rect.maxY + 1)
      return render(focus: control, into: &scratch, in: rect)
    }
    guard control == .scan else { return nil }
    return scan.cursorPosition(in: ReceiveSerials.scanRect(in: rect))
  }
}
