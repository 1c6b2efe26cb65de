import StockroomDomain
import TerminalUI

/// What a deallocation (or re-initialization) will change, in words: the Confirm screen and
/// the headless twins draw the same lines, so what the user consents to is the same everywhere.
public struct DeallocationSummary: Hashable, Sendable {
  /// A labelled row under the bullets: one text, or a list of items (serials) wrapped whole.
  public struct Row: Hashable, Sendable {
    public var label: String
    public var items: [String]
    /// True when `items` are separate values (serials) laid out two spaces apart.
    public var isList: Bool

    public init(label: String, items: [String], isList: Bool = false) {
      self.label = label
      self.items = items
      self.isList = isList
    }
  }

  /// The heading above the bullets.
  public static let heading = "This will:"
  /// Width of the label column of the rows ("Reference" plus three spaces).
  public static let labelWidth = 12

  /// What happens, one sentence each, already neutralised.
  public var bullets: [String]
  /// Serials (hardware only), Reference, Comment, By; values already neutralised.
  public var rows: [Row]

  public init(bullets: [String], rows: [Row]) {
    self.bullets = bullets
    self.rows = rows
  }

  /// The summary of a validated deallocation or re-initialization command on `state`.
  /// Commands of other kinds give an empty summary.
  public init(command: Command, context: TransactionContext, state: InventoryState) {
    var bullets: [String] = []
    var serials: [String] = []
    switch command {
    case .deallocateSoftware(let account, let column, let quantity, let container):
      bullets = Self.software(account, column, quantity, container, state)
    case .deallocateMobilePass(let account, let quantity, let container):
      bullets = Self.software(account, .mobilePass, quantity, container, state)
    case .deallocateHardware(let account, let list, let disposition, let container):
      serials = list
      bullets = Self.hardware(account, list, disposition, container, state)
    case .reinitialize(let list):
      serials = list
      bullets = Self.reinitialize(list, state)
    default:
      break
    }
    var rows: [Row] = []
    if !serials.isEmpty {
      rows.append(Row(label: "Serials", items: serials.map(TextSafety.neutralised), isList: true))
    }
    rows.append(Row(label: "Reference", items: [Self.optional(context.reference)]))
    rows.append(Row(label: "Comment", items: [Self.optional(context.comment)]))
    rows.append(
      Row(label: "By", items: ["\(TextSafety.neutralised(context.user)) (uid \(context.uid))"]))
    self.init(bullets: bullets, rows: rows)
  }

  /// The summary as lines of at most `width` cells (bullets and rows wrapped), as drawn on
  /// the Confirm screen and printed by the twins.
  public func lines(width: Int) -> [String] {
    let width = max(width, Self.labelWidth + 12)
    var result = [Self.heading]
    for bullet in bullets {
      let wrapped = TextLayout.wrap(bullet, width: width - 4)
      for (index, line) in wrapped.enumerated() {
        result.append((index == 0 ? "  • " : "    ") + line)
      }
    }
    result.append("")
    let indent = String(repeating: " ", count: 2 + Self.labelWidth)
    for row in rows {
      let label = "  " + TextLayout.pad(row.label, to: Self.labelWidth)
      let values =
        row.isList
        ? Self.pack(row.items, width: width - indent.count)
        : row.items.flatMap { TextLayout.wrap($0, width: width - indent.count) }
      for (index, value) in values.enumerated() {
        result.append(Self.trimmed((index == 0 ? label : indent) + value))
      }
    }
    return result
  }

  /// Items two spaces apart, as many per line as fit (an item wider than the line is wrapped).
  static func pack(_ items: [String], width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for item in items {
      let candidate = line.isEmpty ? item : line + "  " + item
      if CharacterWidth.of(candidate) <= width {
        line = candidate
        continue
      }
      if !line.isEmpty { lines.append(line) }
      let pieces = TextLayout.wrap(item, width: width)
      lines += pieces.dropLast()
      line = pieces.last ?? ""
    }
    if !line.isEmpty || lines.isEmpty { lines.append(line) }
    return lines
  }

  static func trimmed(_ text: String) -> String {
    var copy = text
    while copy.last == " " { copy.removeLast() }
    return copy
  }

  static func optional(_ text: String) -> String {
    text.isEmpty ? "(none)" : TextSafety.neutralised(text)
  }

  static func accountName(_ account: String, _ state: InventoryState) -> (Int?, String) {
    guard let index = state.accountIndex(account) else {
      return (nil, TextSafety.neutralised(account))
    }
    return (index, TextSafety.neutralised(state.accounts[index].name))
  }

  static func containerName(_ container: String?, _ state: InventoryState) -> String {
    let index = container.map { state.containerIndex($0) } ?? state.defaultContainer
    guard let index else { return TextSafety.neutralised(container ?? "the default container") }
    return TextSafety.neutralised(state.containers[index].name)
  }

  static func count(_ quantity: Int, _ one: String, _ many: String) -> String {
    "\(quantity) " + (quantity == 1 ? one : many)
  }

  static func software(
    _ account: String, _ column: SoftwareColumn, _ quantity: Int, _ container: String?,
    _ state: InventoryState
  ) -> [String] {
    let (index, name) = accountName(account, state)
    func change(_ column: SoftwareColumn) -> String {
      guard let index else { return "" }
      let before = state.accounts[index].holding(column).available
      return " (Available \(before) → \(before - quantity))"
    }
    let what =
      column == .capacity
      ? count(quantity, "unit of Capacity", "units of Capacity")
      : count(quantity, "\(column.title) token", "\(column.title) tokens")
    var bullets = ["take \(what) from \(name)" + change(column)]
    if column == .smsRental {
      bullets.append(
        "also deallocate \(count(quantity, "unit", "units")) of Capacity" + change(.capacity))
    }
    bullets.append("return them to Inventory, available at once")
    bullets.append("place them in the container \(containerName(container, state))")
    return bullets
  }

  static func hardware(
    _ account: String, _ serials: [String], _ disposition: Disposition, _ container: String?,
    _ state: InventoryState
  ) -> [String] {
    let (index, name) = accountName(account, state)
    var bullets: [String] = []
    for (model, count) in modelCounts(serials, state) {
      var text =
        "take "
        + Self.count(
          count, "\(model.name) hardware token",
          "\(model.name) "
            + "hardware tokens") + " from \(name)"
      if let index, let modelIndex = model.index {
        let holder = state.accounts[index]
        let before = holder.hardwareAllocated[modelIndex] - holder.hardwareInUse[modelIndex]
        text += " (Available \(before) → \(before - count))"
      }
      bullets.append(text)
    }
    let them = serials.count == 1 ? "it" : "them"
    let box = containerName(container, state)
    switch disposition {
    case .return:
      bullets.append("return \(them) to Inventory, available at once")
      bullets.append("place \(them) in the container \(box)")
    case .initialize:
      bullets.append("re-initialize \(them), then return \(them) to Inventory, available at once")
      bullets.append("place \(them) in the container \(box)")
    case .faulty:
      bullets.append(
        "return \(them) in the Faulty state, never offered for allocation until re-initialized")
      bullets.append("place \(them) in the container \(box)")
    case .lost:
      bullets.append("record \(them) as lost")
      bullets.append("file \(them) under the container \(box)")
    }
    return bullets
  }

  static func reinitialize(_ serials: [String], _ state: InventoryState) -> [String] {
    var bullets: [String] = []
    for (model, count) in modelCounts(serials, state) {
      bullets.append(
        "re-initialize "
          + Self.count(count, "faulty \(model.name) token", "faulty \(model.name) tokens"))
    }
    let them = serials.count == 1 ? "it" : "them"
    bullets.append("return \(them) to Inventory, available at once")
    return bullets
  }

  /// Serials counted per model in first-seen order; unknown serials count as "unknown".
  static func modelCounts(_ serials: [String], _ state: InventoryState)
    -> [(model: (index: Int?, name: String), count: Int)]
  {
    var order: [Int] = []
    var counts: [Int: Int] = [:]
    for serial in serials {
      let model = state.token(serial: serial).map { Int($0.model) } ?? -1
      if counts[model] == nil { order.append(model) }
      counts[model, default: 0] += 1
    }
    return order.map { model in
      let name = model >= 0 ? TextSafety.neutralised(state.models[model]) : "unknown"
      return ((model >= 0 ? model : nil, name), counts[model] ?? 0)
    }
  }
}
