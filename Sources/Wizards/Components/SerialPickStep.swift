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
  public typealias Found = InventoryState.Offered

  public let words: Words
  public internal(set) var listQuantity: NumberField
  public internal(set) var pickList: PickList?
  public internal(set) var scan = TextField(width: 16, maxLength: 64)
  public internal(set) var scanNotice: StatusLine?
  /// A paste, file or range waiting for Enter before anything moves.
  public internal(set) var preview: SerialPreview?
  /// The "load a file" prompt, while open.
  public internal(set) var filePrompt: SerialFilePrompt?
  /// The file the prompt asked to read, until the runtime takes the request.
  var fileRequest: FileRequest?
  /// What each move into the right list took (a scan, a range, a paste…), last last, for Ctrl-Z.
  public internal(set) var undoBatches: [[Int32]] = []
  /// Listed serials that need a token-side PIN.
  public internal(set) var needsPIN = SerialMarks()
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

  /// The pick step's controls, in focus order: Quantity, Search, the scan
  /// field, then the two lists once Search has filled them.
  public enum Control: String, Hashable, Sendable, Codable, CaseIterable {
    case quantity, search, scan, left, right

  }

  /// The controls shown now.
  var controls: [Control] { pickList == nil ? [.quantity, .search, .scan] : Control.allCases }

  /// Where the pick list goes in a step's body: under the two heading rows and the controls.
  static func listRect(in body: Rect) -> Rect {
    Rect(x: body.x + 1, y: body.y + 3, width: body.width - 2, height: body.height - 3)
  }

  /// Where each control sits in a step's `body` (the two rows above are the
  /// owner's): the one layout drawing, the cursor, clicks and page sizes use.
  static func layout(in body: Rect) -> [(control: Control, rect: Rect)] {
    let x = body.x + 1
    let y = body.y + 2
    let list = PickList.frames(in: listRect(in: body))
    return [
      (.quantity, Rect(x: x + 9, y: y, width: 10, height: 1)),
      (.search, Rect(x: x + 21, y: y, width: 10, height: 1)),
      (.scan, Rect(x: x + 57, y: y, width: 18, height: 1)),
      (.left, list.left), (.right, list.right),
    ]
  }

  static func frame(_ control: Control, in body: Rect) -> Rect {
    layout(in: body).first { $0.control == control }?.rect ?? body
  }

  /// Lays the pick list out for the step's `body` as it is now (PgDn moves by the rows shown).
  mutating func layout(in body: Rect) {
    pickList?.layout(in: SerialPickStep.listRect(in: body))
  }

  /// What each control of the pick step says about itself.
  func describe(_ control: Control) -> ControlDescription {
    switch control {
    case .quantity:
      return ControlDescription(
        "Quantity", kind: .number, value: listQuantity.text,
        rule: "the most serials to list, 1 to \(max(1, limit))")
    case .search:
      return ControlDescription("Search", kind: .button)
    case .scan:
      return ControlDescription(
        "Scan or type a serial", kind: .text, value: scan.text,
        rule: "a serial, or a range A..B; Enter moves it to \(words.right)"
      ).scanning()
    case .left, .right:
      let side: PickList.Side = control == .left ? .left : .right
      let title = control == .left ? words.left : words.right
      let count = pickList?.count(side) ?? 0
      // The chosen side names its serials while they are few enough to read out.
      let named = control == .right && (1...10).contains(count) ? pickList?.rightItems ?? [] : []
      let value =
        TextRules.counted(count, "serial")
        + (named.isEmpty ? "" : ": " + named.joined(separator: ", "))
      return ControlDescription(
        "\(title) (\(count))", kind: .serialPickList, value: value,
        isRequired: control == .right, rule: control == .right ? "at least one serial" : nil)
    }
  }

  /// Why Next is refused.
  var refusal: String? {
    guard let pickList else { return "Search first, then move serials" }
    return pickList.count(.right) == 0 ? "Move at least one serial to \(words.right)" : nil
  }

  func isEditingText(_ control: Control) -> Bool {
    if control == .quantity || control == .scan || filePrompt != nil { return true }
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
      annotation: { index in pin.isMarked(index) ? "needs PIN" : nil }, sorted: true)
    if let area = pickList?.area { list.layout(in: area) }
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

  /// Marks the listed serials of `serials` in the left list (a restored draft's marks).
  mutating func mark(_ serials: [String]) {
    guard var list = pickList else { return }
    pickList = nil
    list.mark(serials)
    pickList = list
  }

  /// Remembers a move into the right list, so Ctrl-Z can take it back.
  mutating func rememberMove(_ moved: [Int32]) {
    guard !moved.isEmpty else { return }
    undoBatches.append(moved)
    if undoBatches.count > 100 { undoBatches.removeFirst() }
  }

  // MARK: - Keys

  /// Gives a key to `control`, laid out in the step's `body` (nil: as last
  /// laid out); `source` lists the serials when Search is pressed.
  mutating func update(
    _ key: Key, control: Control, body: Rect?, state: InventoryState,
    source: (InventoryState, Int) -> Found
  ) -> KeyResult {
    if let body { layout(in: body) }
    if let result = updateSelection(control: control, key: key, state: state) { return result }
    switch control {
    case .quantity:
      return listQuantity.update(key)
    case .search:
      guard key == .enter || key == .character(" ") else { return .ignored }
      search(state: state, source: source)
      if let body { layout(in: body) }
      return pickList == nil ? .handled : .activated
    case .scan:
      if key == .enter {
        scanEntered()
        return .handled
      }
      return scan.update(key)
    case .left, .right:
      guard var list = pickList else { return .ignored }
      // Taken out while it changes, so its arrays are not copied.
      pickList = nil
      list.focusedSide = control == .left ? .left : .right
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

  /// The legend while `focus` has focus (nil: none of the step's controls).
  func keyBindings(focus: Control?) -> [KeyBinding] {
    let file = filesAllowed ? [SerialPickStep.fileKey] : []
    if focus == .search { return [KeyBinding("Enter", "search")] }
    if preview != nil { return [KeyBinding("Enter", "move"), KeyBinding("Esc", "cancel")] }
    if filePrompt != nil { return [KeyBinding("Enter", "preview"), KeyBinding("Esc", "cancel")] }
    switch focus {
    case .scan:
      return [KeyBinding("Enter", "move serial or A..B range"), SerialPickStep.undoKey] + file
    case .left, .right:
      return [
        .mark, KeyBinding("→", "move"), KeyBinding("←", "back"), .filter,
        KeyBinding("*", "all shown"), SerialPickStep.undoKey, KeyBinding("[ ]", "range"),
      ] + file + [KeyBinding("> <", "move", inLegend: false)]
    default:
      return []
    }
  }

  // MARK: - View

  /// Draws the controls where `layout(in:)` puts them, and the list (or `intro`) under them.
  func render(focus: Control?, into buffer: inout Buffer, in rect: Rect) {
    let x = rect.x + 1
    let y = rect.y + 2
    let frame = { SerialPickStep.frame($0, in: rect) }
    buffer.put("Quantity", x: x, y: y, style: focus == .quantity ? .title : .plain)
    listQuantity.render(into: &buffer, in: frame(.quantity), focused: focus == .quantity)
    buffer.put(
      "[ Search ]", x: frame(.search).x, y: y, style: focus == .search ? .highlight : .title)
    buffer.put("Scan or type a serial", x: x + 35, y: y, style: focus == .scan ? .title : .plain)
    scan.render(into: &buffer, in: frame(.scan), focused: focus == .scan)
    let area = SerialPickStep.listRect(in: rect)
    if var list = pickList {
      list.layout(in: area)
      list.render(into: &buffer, in: area, focused: focus == .left || focus == .right)
      _ = renderSelection(into: &buffer, in: area)
    } else {
      buffer.putWrapped(
        "\(limit) " + words.intro,
        in: Rect(x: x, y: area.y + 1, width: rect.width - 2, height: 4), style: .hint)
    }
  }

  func cursor(_ control: Control, in rect: Rect) -> Point? {
    if filePrompt != nil {
      var scratch = Buffer(width: rect.maxX + 1, height: rect.maxY + 1)
      return renderSelection(into: &scratch, in: SerialPickStep.listRect(in: rect))
    }
    switch control {
    case .quantity:
      return listQuantity.cursorPosition(in: SerialPickStep.frame(.quantity, in: rect))
    case .scan: return scan.cursorPosition(in: SerialPickStep.frame(.scan, in: rect))
    case .search, .left, .right: return nil
    }
  }
}
