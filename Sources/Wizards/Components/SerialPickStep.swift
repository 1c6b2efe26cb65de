import StockroomDomain
import TerminalUI

/// The two-list serial pick list of a wizard step, with everything around it:
/// Quantity and Search, a scan field, ranges (`A..B`, `[` `]`), pasted lists
/// and files shown as a preview before anything moves, Ctrl-Z undo and
/// scanner bursts. The deallocation and allocation wizards both hold one;
/// they say where the serials come from and what the lists are called.
public struct SerialPickStep: Sendable {
  /// The words that differ from one wizard to another.
  public struct Words: Hashable, Sendable {
    /// The list serials are picked from ("Allocated", "Available").
    public var left: String
    /// The list of chosen serials ("Deallocate", "Allocate").
    public var right: String
    /// The status line when Search finds nothing.
    public var noneFound: String
    /// After a serial, why it is not offered: "is not an allocated, unused RB-1 token…".
    public var notOffered: String
    /// After the number of serials on offer, before Search: what they are and how to pick.
    public var intro: String
    /// The preview's label for known serials that are not offered.
    public var foreign: String

    public init(
      left: String, right: String, noneFound: String, notOffered: String, intro: String,
      foreign: String
    ) {
      self.left = left
      self.right = right
      self.noneFound = noneFound
      self.notOffered = notOffered
      self.intro = intro
      self.foreign = foreign
    }
  }

  /// The serials a Search offers (sorted, at most the limit asked for) and those needing a PIN.
  public typealias Found = (serials: [String], needsPIN: Set<String>)

  public let words: Words
  public internal(set) var listQuantity: NumberField
  public internal(set) var pickList: PickList?
  public internal(set) var scan = TextField(width: 16, maxLength: 64)
  public internal(set) var scanNotice: StatusLine?
  /// A paste, file or range waiting for Enter before anything moves.
  public internal(set) var preview: SerialPreview?
  /// The "load a file" prompt, while open.
  public internal(set) var filePrompt: SerialFilePrompt?
  /// What each move into the right list took (a scan, a range, a paste…), last last, for Ctrl-Z.
  public internal(set) var undoBatches: [[Int32]] = []
  /// Listed serials that need a token-side PIN.
  public internal(set) var needsPIN: Set<String> = []
  /// How many serials are on offer.
  public internal(set) var limit: Int
  /// False in a demo session: no file prompt.
  public var filesAllowed = true

  public init(words: Words, limit: Int) {
    self.words = words
    self.limit = limit
    listQuantity = NumberField(range: 1...max(1, limit), width: 8)
    if limit > 0 { listQuantity.setText(String(limit)) }
  }

  /// The body of a step at 80x24 (inside the frame, above the buttons).
  static let body = Rect(x: 1, y: 2, width: 78, height: 17)

  /// Where the pick list goes in a step's body: under the two heading rows and the controls.
  static func listRect(in body: Rect) -> Rect {
    Rect(x: body.x + 1, y: body.y + 3, width: body.width - 2, height: body.height - 3)
  }

  /// Controls: Quantity, Search, scan field, then the two lists once they exist.
  var controlCount: Int { pickList == nil ? 3 : 5 }

  /// Why Next is refused.
  var refusal: String? {
    guard let pickList else { return "Search first, then move serials" }
    return pickList.count(.right) == 0 ? "Move at least one serial to \(words.right)" : nil
  }

  func isTextField(focus: Int) -> Bool {
    if focus == 0 || focus == 2 || filePrompt != nil { return true }
    return pickList?.isEditingFilter ?? false
  }

  /// A new on-offer count (after another session's commit), keeping what was typed.
  mutating func setLimit(_ limit: Int) {
    self.limit = limit
    listQuantity = NumberField(range: 1...max(1, limit), width: 8, text: listQuantity.text)
  }

  // MARK: - Search and picks

  /// Fills the left list with `found`, keeping what was already picked where it is still offered.
  mutating func fill(_ found: Found) {
    let pin = found.needsPIN
    var list = PickList(
      items: found.serials, leftTitle: words.left, rightTitle: words.right,
      annotation: { [items = found.serials] index in
        items.indices.contains(index) && pin.contains(items[index]) ? "needs PIN" : nil
      }, sorted: true)
    list.layout(in: SerialPickStep.listRect(in: SerialPickStep.body))
    for serial in pickList?.rightItems ?? [] { _ = list.scan(serial) }
    pickList = list
    needsPIN = pin
    preview = nil
    undoBatches = []
  }

  /// Search: checks Quantity, lists up to that many serials from `source`, and says how many.
  mutating func search(state: InventoryState, source: (InventoryState, Int) -> Found) {
    if let problem = listQuantity.validation, limit > 0 {
      scanNotice = StatusLine("Quantity: " + problem, kind: .error)
      return
    }
    fill(source(state, listQuantity.value ?? limit))
    let shown = pickList?.count(.left) ?? 0
    scanNotice = StatusLine(
      shown == 0
        ? words.noneFound
        : "\(shown) serials listed. Mark with Space and move with →, or scan them.")
  }

  /// After a conflict: search again on the fresh state, keeping the picks
  /// that are still valid, and say which were dropped.
  mutating func researchKeepingPicks(_ found: Found) {
    let before = pickList?.rightItems ?? []
    scanNotice = nil
    fill(found)
    let kept = Set(pickList?.rightItems ?? [])
    let dropped = before.filter { !kept.contains($0) }
    if !dropped.isEmpty {
      let names = dropped.prefix(5).map(TextSafety.neutralised).joined(separator: ", ")
      let more = dropped.count > 5 ? " and \(dropped.count - 5) more" : ""
      scanNotice = StatusLine(
        "Another session took \(names)\(more): removed from \(words.right); the rest kept.",
        kind: .error)
    }
  }

  /// Moves the serials of `serials` that are listed into the right list (prefilled answers).
  mutating func pick(_ serials: [String]) {
    guard var list = pickList else { return }
    for serial in serials { _ = list.scan(serial) }
    pickList = list
  }

  /// Remembers a move into the right list, so Ctrl-Z can take it back.
  mutating func rememberMove(_ moved: [Int32]) {
    guard !moved.isEmpty else { return }
    undoBatches.append(moved)
    if undoBatches.count > 100 { undoBatches.removeFirst() }
  }

  // MARK: - Keys

  /// Gives a key to control `focus`; `source` lists the serials when Search is pressed.
  mutating func update(
    focus: Int, key: Key, state: InventoryState, source: (InventoryState, Int) -> Found
  ) -> KeyResult {
    if let result = updateSelection(focus: focus, key: key, state: state) { return result }
    switch focus {
    case 0:
      return listQuantity.update(key)
    case 1:
      guard key == .enter || key == .character(" ") else { return .ignored }
      search(state: state, source: source)
      return pickList == nil ? .handled : .activated
    case 2:
      if key == .enter {
        scanEntered()
        return .handled
      }
      return scan.update(key)
    default:
      guard var list = pickList else { return .ignored }
      // Taken out while it changes, so its arrays are not copied.
      pickList = nil
      list.focusedSide = focus == 3 ? .left : .right
      let before = list.count(.right)
      let result = list.update(key)
      let grown = list.count(.right) - before
      if grown > 0 { rememberMove(Array(list.rightIndices.suffix(grown))) }
      scanNotice = list.rangePreview.map {
        StatusLine(
          "Range: \(SerialPreview.count($0)) rows; ] marks them, → then moves them.")
      }
      pickList = list
      return result == .activated ? .handled : result
    }
  }

  /// A scan always goes to the scan field, whatever has focus; false before Search.
  mutating func scanned(_ text: String) -> Bool {
    guard pickList != nil else { return false }
    // A scan while a preview or the file prompt is open is a list of one.
    preview = nil
    filePrompt = nil
    scan.setText(text)
    scanEntered()
    return true
  }

  /// A scanned or typed serial goes straight to the right list, or is refused
  /// with the reason; nothing else changes.
  mutating func scanEntered() {
    let serial = scan.text.trimmingCharacters(in: .whitespaces)
    scan.setText("")
    guard !serial.isEmpty else { return }
    if rangeEntered(serial) { return }
    scanNotice = scanVerdict(serial)
  }

  private mutating func scanVerdict(_ serial: String) -> StatusLine {
    let shown = TextSafety.neutralised(serial)
    guard var list = pickList else {
      return StatusLine("Search first, then scan \(shown).", kind: .error)
    }
    pickList = nil
    let result = list.scan(serial)
    if case .moved = result, let item = list.rightIndices.last { rememberMove([item]) }
    pickList = list
    switch result {
    case .moved:
      let pin = needsPIN.contains(serial) ? " (needs a token-side PIN)" : ""
      return StatusLine("\(shown) moved to \(words.right)\(pin).", kind: .success)
    case .alreadyMoved:
      return StatusLine("\(shown) is already in \(words.right).", kind: .error)
    case .unknown:
      return StatusLine("\(shown) \(words.notOffered)", kind: .error)
    }
  }

  /// Keys taken whatever has focus once the list is there (preview, file prompt, undo, file).
  func takesKey(_ key: Key) -> Bool {
    guard pickList != nil else { return false }
    if preview != nil || filePrompt != nil { return true }
    return key == .control("z") || (filesAllowed && key == .control("o"))
  }

  /// A long filter goes on here, a chunk at a time, between key polls.
  mutating func idle() -> Bool {
    guard var list = pickList, list.isFiltering else { return false }
    pickList = nil
    let worked = list.continueFiltering()
    pickList = list
    return worked
  }

  static let undoKey = KeyBinding("^Z", "undo")
  static let fileKey = KeyBinding("^O", "file")

  /// The legend while control `focus` has focus (nil: none of the step's controls).
  func keyBindings(focus: Int?) -> [KeyBinding] {
    let file = filesAllowed ? [SerialPickStep.fileKey] : []
    if focus == 1 { return [KeyBinding("Enter", "search")] }
    if preview != nil { return [KeyBinding("Enter", "move"), KeyBinding("Esc", "cancel")] }
    if filePrompt != nil { return [KeyBinding("Enter", "preview"), KeyBinding("Esc", "cancel")] }
    switch focus {
    case 2:
      return [KeyBinding("Enter", "move serial or A..B range"), SerialPickStep.undoKey] + file
    case 3, 4:
      return [
        .mark, KeyBinding("→", "move"), KeyBinding("←", "back"), .filter,
        KeyBinding("*", "all shown"), SerialPickStep.undoKey, KeyBinding("[ ]", "range"),
      ] + file + [KeyBinding("> <", "move", inLegend: false)]
    default:
      return []
    }
  }

  // MARK: - View

  /// Draws the controls on row `rect.y + 2` and the list (or `intro`) under them; the two
  /// rows above are the owner's (a warning, what is on offer).
  func render(focus: Int?, into buffer: inout Buffer, in rect: Rect) {
    let x = rect.x + 1
    let y = rect.y + 2
    buffer.put("Quantity", x: x, y: y, style: focus == 0 ? .title : .plain)
    listQuantity.render(
      into: &buffer, in: Rect(x: x + 9, y: y, width: 10, height: 1), focused: focus == 0)
    buffer.put("[ Search ]", x: x + 21, y: y, style: focus == 1 ? .highlight : .title)
    buffer.put("Scan or type a serial", x: x + 35, y: y, style: focus == 2 ? .title : .plain)
    scan.render(
      into: &buffer, in: Rect(x: x + 57, y: y, width: 18, height: 1), focused: focus == 2)
    let area = SerialPickStep.listRect(in: rect)
    if let list = pickList {
      list.render(into: &buffer, in: area, focused: focus == 3 || focus == 4)
      _ = renderSelection(into: &buffer, in: area)
    } else {
      buffer.putWrapped(
        "\(limit) " + words.intro,
        in: Rect(x: x, y: area.y + 1, width: rect.width - 2, height: 4), style: .hint)
    }
  }

  func cursor(focus: Int, in rect: Rect) -> Point? {
    let x = rect.x + 1
    if filePrompt != nil {
      var scratch = Buffer(width: rect.maxX + 1, height: rect.maxY + 1)
      return renderSelection(into: &scratch, in: SerialPickStep.listRect(in: rect))
    }
    switch focus {
    case 0:
      return listQuantity.cursorPosition(in: Rect(x: x + 9, y: rect.y + 2, width: 10, height: 1))
    case 2:
      return scan.cursorPosition(in: Rect(x: x + 57, y: rect.y + 2, width: 18, height: 1))
    default:
      return nil
    }
  }
}
