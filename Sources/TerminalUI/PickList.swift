/// The two-list pick list (sketch 02): serials start in the left list
/// ("Allocated") and the user moves them to the right one ("Deallocate") by
/// marking and moving, by filtering, or by scanning. The strings live once in
/// `items`; each list holds indices, so moving, marking and filtering never
/// copy a serial, and drawing touches only the rows on screen.
public struct PickList: Widget, Sendable {
  /// Which of the two lists.
  public enum Side: Hashable, Sendable {
    case left, right
  }

  /// What a scanned (or typed) serial did.
  public enum ScanResult: Hashable, Sendable {
    /// It was in the left list and is now at the end of the right one.
    case moved(String)
    /// It is in neither list.
    case unknown(String)
    /// It is already in the right list.
    case alreadyMoved(String)

    /// A sentence for the status line.
    public var message: String {
      switch self {
      case .moved(let serial): return "\(TextSafety.neutralised(serial)) moved"
      case .unknown(let serial): return "\(TextSafety.neutralised(serial)) is not in this list"
      case .alreadyMoved(let serial):
        return "\(TextSafety.neutralised(serial)) is already chosen"
      }
    }
  }

  /// Every serial, left and right; rows refer to these by index.
  public let items: [String]
  public var leftTitle: String
  public var rightTitle: String
  /// An optional note drawn after an item, by item index (e.g. "needs PIN").
  public var annotation: (@Sendable (Int) -> String?)?
  /// The list that keys act on; the screen switches it (Tab) or a click does.
  public var focusedSide: Side = .left

  /// True when `items` are in ascending order: serials are then found by
  /// binary search and ranges cut from the left list without a scan.
  public let itemsAreSorted: Bool
  private var onRight: [Bool]
  private var left = PickListSide()
  private var right = PickListSide()
  /// Where the list was last laid out (`layout(in:)`).
  public private(set) var area = Rect(x: 0, y: 0, width: 0, height: 0)
  /// Serial → index, only for unsorted items.
  private let lookup: [String: Int32]
  /// The row a range was started on (`[`), and its list.
  private var rangeStart: (side: Side, row: Int)?

  /// `sorted`: whether `items` are ascending; checked when not said.
  public init(
    items: [String], leftTitle: String, rightTitle: String,
    annotation: (@Sendable (Int) -> String?)? = nil, sorted: Bool? = nil
  ) {
    self.items = items
    self.leftTitle = leftTitle
    self.rightTitle = rightTitle
    self.annotation = annotation
    let isSorted = sorted ?? PickList.isAscending(items)
    self.itemsAreSorted = isSorted
    var lookup: [String: Int32] = [:]
    if !isSorted {
      lookup.reserveCapacity(items.count)
      for (index, item) in items.enumerated() where lookup[item] == nil {
        lookup[item] = Int32(index)
      }
    }
    self.lookup = lookup
    self.onRight = Array(repeating: false, count: items.count)
    left.order = Array(0..<Int32(items.count))
    left.viewport.setCount(items.count)
  }

  /// True when every item is no greater than the next.
  public static func isAscending(_ items: [String]) -> Bool {
    var index = 1
    while index < items.count {
      if items[index] < items[index - 1] { return false }
      index += 1
    }
    return true
  }

  // MARK: - What the screen reads

  /// The serials in the right list, in the order they were moved.
  public var rightItems: [String] { right.order.map { items[Int($0)] } }
  /// The right list as indices into `items`, in the order they were moved.
  public var rightIndices: [Int32] { right.order }
  /// How many items a list holds, filter or not.
  public func count(_ side: Side) -> Int { self[side].order.count }
  /// How many rows a list shows under its filter.
  public func shownCount(_ side: Side) -> Int { self[side].rowCount }
  /// How many items of a list are marked.
  public func markedCount(_ side: Side) -> Int { self[side].marks.count }
  /// The marked items of a list, as indices into `items`.
  public func marks(_ side: Side) -> Set<Int32> { self[side].marks }
  public func filter(_ side: Side) -> String { self[side].filter }
  /// The item index on a list's highlighted row.
  public func cursorItem(_ side: Side) -> Int? { self[side].cursorItem.map(Int.init) }
  /// A list's scroll state.
  public func viewport(_ side: Side) -> ListViewport { self[side].viewport }
  /// True while typed characters edit the focused list's filter.
  public var isEditingFilter: Bool { self[focusedSide].isEditingFilter }
  /// True while a list's filter is still searching (in the background).
  public func isFiltering(_ side: Side) -> Bool { self[side].isFiltering }
  /// True while either list's filter is still searching.
  public var isFiltering: Bool { left.isFiltering || right.isFiltering }
  /// The item shown on a list's row (under its filter).
  public func item(_ side: Side, row: Int) -> Int32? {
    let rows = self[side].rows
    return rows.indices.contains(row) ? rows[row] : nil
  }
  /// True when the item is in the right list.
  public func isOnRight(_ item: Int32) -> Bool {
    onRight.indices.contains(Int(item)) && onRight[Int(item)]
  }
  /// How many rows the range started with `[` would take, counting the
  /// highlighted row; nil when no range is being marked.
  public var rangePreview: Int? {
    guard let start = rangeStart, start.side == focusedSide else { return nil }
    return abs(self[start.side].viewport.cursor - start.row) + 1
  }

  /// The index of a serial in `items` (exact match), whichever list holds it.
  public func index(of serial: String) -> Int32? {
    guard itemsAreSorted else { return lookup[serial] }
    var low = 0
    var high = items.count
    while low < high {
      let middle = (low + high) / 2
      if items[middle] < serial { low = middle + 1 } else { high = middle }
    }
    return low < items.count && items[low] == serial ? Int32(low) : nil
  }

  /// The items of a list from `first` to `last` by serial order (either way
  /// round, both ends included), in list order. A serial need not exist:
  /// `RB1-1000..RB1-1999` takes whatever lies between.
  public func items(from first: String, to last: String, on side: Side) -> [Int32] {
    let (low, high) = first <= last ? (first, last) : (last, first)
    let order = self[side].order
    guard itemsAreSorted, side == .left else {
      return order.filter { items[Int($0)] >= low && items[Int($0)] <= high }
    }
    // The left list keeps index order, which is serial order here.
    func bound(_ isBelow: (String) -> Bool) -> Int {
      var lower = 0
      var upper = order.count
      while lower < upper {
        let middle = (lower + upper) / 2
        if isBelow(items[Int(order[middle])]) { lower = middle + 1 } else { upper = middle }
      }
      return lower
    }
    let start = bound { $0 < low }
    let end = bound { $0 <= high }
    return start < end ? Array(order[start..<end]) : []
  }

  private subscript(side: Side) -> PickListSide {
    get { side == .left ? left : right }
    set {
      if side == .left { left = newValue } else { right = newValue }
    }
  }

  // MARK: - Actions

  /// Moves the marked items of `side` to the other list, or the highlighted
  /// one when none is marked and `side` has focus. Returns how many moved.
  @discardableResult
  public mutating func moveMarked(from side: Side) -> Int {
    var moving = self[side].marks.sorted()
    if moving.isEmpty, side == focusedSide, let item = self[side].cursorItem {
      moving = [item]
    }
    move(moving, toRight: side == .left)
    return moving.count
  }

  /// Moves an exactly matching serial from the left list to the right one.
  /// Surrounding spaces are ignored. The screen makes its own checks first.
  public mutating func scan(_ serial: String) -> ScanResult {
    var cut = Substring(serial).drop(while: \.isWhitespace)
    while cut.last?.isWhitespace == true { cut.removeLast() }
    let trimmed = String(cut)
    guard let index = index(of: trimmed) else { return .unknown(trimmed) }
    if onRight[Int(index)] { return .alreadyMoved(trimmed) }
    move([index], toRight: true)
    if let row = right.rows.lastIndex(of: index) { right.viewport.moveCursor(to: row) }
    return .moved(trimmed)
  }

  /// Moves these items to the right list (those already there stay where
  /// they are). Returns the ones that moved, in the order given.
  @discardableResult
  public mutating func moveToRight(_ chosen: [Int32]) -> [Int32] {
    let moving = chosen.filter { onRight.indices.contains(Int($0)) && !onRight[Int($0)] }
    move(moving, toRight: true)
    return moving
  }

  /// Moves these items back to the left list (undo). Returns the ones moved.
  @discardableResult
  public mutating func moveToLeft(_ chosen: [Int32]) -> [Int32] {
    let moving = chosen.filter { onRight.indices.contains(Int($0)) && onRight[Int($0)] }
    move(moving.sorted(), toRight: false)
    return moving
  }

  /// Moves every row a list shows (all of it, or what passes its filter) to
  /// the other list. Returns the items moved.
  @discardableResult
  public mutating func moveAllShown(from side: Side) -> [Int32] {
    self[side].finishFilter(items: items)
    let moving = self[side].rows
    move(side == .left ? moving : moving.sorted(), toRight: side == .left)
    return moving
  }

  /// Searches the next chunk of any running filter; false when none runs.
  /// The terminal loop calls it between key polls, so input never waits.
  public mutating func continueFiltering() -> Bool {
    if left.continueFilter(items: items) { return true }
    return right.continueFilter(items: items)
  }

  /// Runs any running filter to its end.
  public mutating func finishFiltering() {
    left.finishFilter(items: items)
    right.finishFilter(items: items)
  }

  /// Starts a range on the focused list's highlighted row (`[`).
  public mutating func startRange() {
    rangeStart = (focusedSide, self[focusedSide].viewport.cursor)
  }

  /// Marks every row from where the range started to the highlighted row
  /// (`]`), or just the highlighted row when none was started. Returns how
  /// many rows it covers.
  @discardableResult
  public mutating func endRange() -> Int {
    let side = focusedSide
    let cursor = self[side].viewport.cursor
    let start = rangeStart?.side == side ? rangeStart?.row ?? cursor : cursor
    rangeStart = nil
    self[side].finishFilter(items: items)
    let rows = self[side].rows
    guard !rows.isEmpty else { return 0 }
    let low = max(0, min(start, cursor))
    let high = min(rows.count - 1, max(start, cursor))
    guard low <= high else { return 0 }
    self[side].marks.formUnion(rows[low...high])
    return high - low + 1
  }

  /// Filters a list by a case-insensitive substring; "" shows every item.
  /// A long search goes on in `continueFiltering`.
  public mutating func setFilter(_ text: String, on side: Side) {
    if rangeStart?.side == side { rangeStart = nil }
    self[side].setFilter(text, items: items)
  }

  /// Marks the serials of `serials` that the left list holds (a restored draft's marks).
  public mutating func mark(_ serials: [String]) {
    for serial in serials {
      guard let item = index(of: serial), !onRight[Int(item)] else { continue }
      left.marks.insert(item)
    }
  }

  /// Marks or unmarks the focused list's highlighted item.
  public mutating func toggleMark() {
    guard let item = self[focusedSide].cursorItem else { return }
    if self[focusedSide].marks.remove(item) == nil { self[focusedSide].marks.insert(item) }
  }

  /// Tells the pick list where it will be drawn, so PgUp/PgDn move by a
  /// window and clicks find their row. Call it when the layout changes.
  public mutating func layout(in rect: Rect) {
    area = rect
    let frames = PickList.frames(in: rect)
    left.viewport.layout(in: frames.left.inset(by: 1))
    right.viewport.layout(in: frames.right.inset(by: 1))
  }

  private mutating func move(_ moving: [Int32], toRight: Bool) {
    guard !moving.isEmpty else { return }
    finishFiltering()
    rangeStart = nil
    for item in moving { onRight[Int(item)] = toRight }
    if toRight {
      left.remove(moving) { [onRight] in onRight[Int($0)] }
      right.append(moving, items: items)
    } else {
      right.remove(moving) { [onRight] in !onRight[Int($0)] }
      left.insertSorted(moving.sorted(), items: items)
    }
  }

  // MARK: - Keys

  public mutating func update(_ key: Key) -> KeyResult {
    if self[focusedSide].isEditingFilter, let result = editFilter(key) { return result }
    switch key {
    case .right, .character(">"):
      moveMarked(from: .left)
    case .left, .character("<"):
      moveMarked(from: .right)
    case .character(" "):
      toggleMark()
    case .character("*"):
      moveAllShown(from: focusedSide)
    case .character("["):
      startRange()
    case .character("]"):
      endRange()
    case .character("/"):
      self[focusedSide].isEditingFilter = true
    case .escape:
      guard !self[focusedSide].filter.isEmpty else { return .ignored }
      setFilter("", on: focusedSide)
    case .mouse(let mouse) where mouse.action == .press:
      return click(at: mouse.position)
    default:
      return self[focusedSide].viewport.update(key)
    }
    return .handled
  }

  /// The filter's line editor: characters and paste append, Backspace and
  /// Ctrl-U delete, Enter or ↓ finish, Esc clears. Returns nil for a key that
  /// ends editing and should then act as usual.
  private mutating func editFilter(_ key: Key) -> KeyResult? {
    var text = self[focusedSide].filter
    switch key {
    case .character(let character):
      guard TextSafety.isPrintable(String(character)) else { return .handled }
      text.append(character)
    case .paste(let pasted):
      text += TextSafety.neutralised(String(pasted.prefix { $0 != "\n" && $0 != "\r" }))
    case .backspace:
      guard !text.isEmpty else { return .handled }
      text.removeLast()
    case .control("u"):
      text = ""
    case .enter, .down:
      self[focusedSide].isEditingFilter = false
      return .handled
    case .escape:
      self[focusedSide].isEditingFilter = false
      text = ""
    default:
      self[focusedSide].isEditingFilter = false
      return nil
    }
    setFilter(text, on: focusedSide)
    return .handled
  }

  private mutating func click(at point: Point) -> KeyResult {
    let frames = PickList.frames(in: area)
    if frames.left.contains(point) {
      focusedSide = .left
      return left.viewport.click(at: point)
    }
    if frames.right.contains(point) {
      focusedSide = .right
      return right.viewport.click(at: point)
    }
    guard frames.gutter.contains(point) else { return .ignored }
    let arrows = PickList.arrowRows(in: area)
    if point.y == arrows.right { moveMarked(from: .left) }
    if point.y == arrows.left { moveMarked(from: .right) }
    return .handled
  }

  // MARK: - Drawing

  public func render(into buffer: inout Buffer, in rect: Rect, focused: Bool) {
    guard !rect.isEmpty else { return }
    buffer.fill(rect)
    let frames = PickList.frames(in: rect)
    for side in [Side.left, Side.right] {
      let frame = side == .left ? frames.left : frames.right
      Box.draw(into: &buffer, frame, title: title(side, width: frame.width - 4))
      renderRows(side, into: &buffer, in: frame.inset(by: 1), focused: focused)
    }
    let arrows = PickList.arrowRows(in: rect)
    let x = frames.gutter.x + frames.gutter.width / 2
    buffer.put("→", x: x, y: arrows.right, clip: rect)
    buffer.put("←", x: x, y: arrows.left, clip: rect)
  }

  /// `Allocated (21) · filter: —`, `(3 of 21)` under a filter, and a `_`
  /// after the filter while it is being typed.
  /// In a narrow box the filter part shrinks to `/text`, or goes when empty.
  func title(_ side: Side, width: Int = .max) -> String {
    let list = self[side]
    let name = side == .left ? leftTitle : rightTitle
    var count =
      list.filter.isEmpty ? "\(list.order.count)" : "\(list.rowCount) of \(list.order.count)"
    if list.isFiltering { count += ", \(Int(list.filterProgress * 100))% searched" }
    var filter = list.filter.isEmpty ? "—" : list.filter
    if list.isEditingFilter { filter = list.filter + "_" }
    if let start = rangeStart, start.side == side {
      let rows = abs(list.viewport.cursor - start.row) + 1
      return CharacterWidth.of("\(name) (\(count)) · range: \(rows)") <= width
        ? "\(name) (\(count)) · range: \(rows)" : "\(name) range: \(rows)"
    }
    let full = "\(name) (\(count)) · filter: \(filter)"
    if CharacterWidth.of(full) <= width { return full }
    let short = "\(name) (\(count))"
    return list.filter.isEmpty && !list.isEditingFilter ? short : short + " /" + filter
  }

  private func renderRows(_ side: Side, into buffer: inout Buffer, in inner: Rect, focused: Bool) {
    guard !inner.isEmpty else { return }
    let list = self[side]
    var view = list.viewport
    view.layout(in: inner)
    let rows = list.rows
    let isFocusedSide = side == focusedSide
    if rows.isEmpty {
      let note = list.filter.isEmpty ? "(none)" : "(no match)"
      buffer.put("   " + note, x: inner.x, y: inner.y, style: .hint, clip: inner)
    }
    for row in view.visibleRows {
      let item = rows[row]
      let y = inner.y + row - view.top
      let isCursor = isFocusedSide && row == view.cursor
      let marker = (isCursor ? "▶" : " ") + (list.marks.contains(item) ? "■" : " ") + " "
      let x = buffer.put(marker + items[Int(item)], x: inner.x, y: y, clip: inner)
      if isCursor && focused {
        // Only the text is highlighted: moving the highlight rewrites less.
        buffer.restyle(Rect(x: inner.x, y: y, width: x - inner.x, height: 1)) {
          $0.reverse = true
        }
      }
      if let note = annotation?(Int(item)), x + 2 + CharacterWidth.of(note) <= inner.maxX {
        buffer.put("  " + note, x: x, y: y, style: .hint, clip: inner)
      }
    }
    if view.hiddenBelow > 0 {
      buffer.put(
        "   ↓ \(view.hiddenBelow) more", x: inner.x, y: inner.maxY - 1, style: .hint, clip: inner)
    }
  }

  /// The two boxes and the gutter of three columns between them.
  public static func frames(in rect: Rect) -> (left: Rect, gutter: Rect, right: Rect) {
    let (left, rest) = rect.splitColumns((rect.width - 3) / 2)
    let (gutter, right) = rest.splitColumns(3)
    return (left, gutter, right)
  }

  /// The lines the → and ← arrows are drawn on, around the middle.
  static func arrowRows(in rect: Rect) -> (right: Int, left: Int) {
    let middle = rect.y + rect.height / 2
    return (middle - 1, middle + 1)
  }
}
