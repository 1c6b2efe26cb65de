/// One cell of the screen: the character shown there and its style. The
/// right half of a wide character is a continuation cell with no character.
public struct Cell: Hashable, Sendable {
  public var character: Character
  public var style: Style
  /// True for the second cell of a two-cell character.
  public var isContinuation: Bool

  public init(_ character: Character = " ", style: Style = .plain, isContinuation: Bool = false) {
    self.character = character
    self.style = style
    self.isContinuation = isContinuation
  }

  public static let blank = Cell()
}

/// A grid of cells that every screen draws into. Screens never talk to the
/// terminal: they fill a buffer, tests read it as text, and the terminal
/// layer sends only the cells that differ from the last frame.
public struct Buffer: Hashable, Sendable {
  public private(set) var size: Size
  public private(set) var cells: [Cell]

  public init(size: Size) {
    self.size = Size(width: max(0, size.width), height: max(0, size.height))
    self.cells = Array(repeating: .blank, count: self.size.width * self.size.height)
  }

  public init(width: Int, height: Int) {
    self.init(size: Size(width: width, height: height))
  }

  public var width: Int { size.width }
  public var height: Int { size.height }
  public var bounds: Rect { Rect(size: size) }

  public subscript(x: Int, y: Int) -> Cell {
    get {
      guard x >= 0, y >= 0, x < width, y < height else { return .blank }
      return cells[y * width + x]
    }
    set {
      guard x >= 0, y >= 0, x < width, y < height else { return }
      cells[y * width + x] = newValue
    }
  }

  /// Writes `text` from (x, y) on one line, clipped to `clip` (the whole
  /// buffer by default). Control characters are shown as `?` so nothing that
  /// reaches the screen can move the cursor or change the terminal. A wide
  /// character that would straddle the right edge is replaced by a space.
  /// Returns the column after the last cell written (or that would have been).
  @discardableResult
  public mutating func put(
    _ text: String, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil
  ) -> Int {
    let area = (clip ?? bounds).intersection(bounds)
    var column = x
    guard y >= area.y, y < area.maxY else { return x + CharacterWidth.of(text) }
    for character in text {
      let shown = Buffer.displayable(character)
      let cellWidth = CharacterWidth.of(shown)
      if cellWidth == 0 { continue }
      if column >= area.maxX {
        column += cellWidth
        continue
      }
      if column >= area.x {
        if cellWidth == 2 && column + 1 >= area.maxX {
          setCell(Cell(" ", style: style), x: column, y: y)
        } else {
          setCell(Cell(shown, style: style), x: column, y: y)
          if cellWidth == 2 {
            setCell(Cell(" ", style: style, isContinuation: true), x: column + 1, y: y)
          }
        }
      } else if cellWidth == 2 && column + 1 == area.x {
        setCell(Cell(" ", style: style), x: column + 1, y: y)
      }
      column += cellWidth
    }
    return column
  }

  /// Writes `text` wrapped at spaces to the width of `rect`, from its top,
  /// never past its bottom. Returns the number of rows used.
  @discardableResult
  public mutating func putWrapped(_ text: String, in rect: Rect, style: Style = .plain) -> Int {
    let lines = TextLayout.wrap(text, width: rect.width).prefix(rect.height)
    for (index, line) in lines.enumerated() {
      put(line, x: rect.x, y: rect.y + index, style: style, clip: rect)
    }
    return lines.count
  }

  /// Fills `rect` with `character` in `style`.
  public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .plain) {
    let area = rect.intersection(bounds)
    guard !area.isEmpty else { return }
    for y in area.y..<area.maxY {
      for x in area.x..<area.maxX { self[x, y] = Cell(character, style: style) }
    }
  }

  /// Changes the style of every cell in `rect`, keeping the characters.
  public mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
    let area = rect.intersection(bounds)
    guard !area.isEmpty else { return }
    for y in area.y..<area.maxY {
      for x in area.x..<area.maxX { change(&cells[y * width + x].style) }
    }
  }

  /// Sets one cell, repairing any wide character it cuts in half.
  private mutating func setCell(_ cell: Cell, x: Int, y: Int) {
    guard x >= 0, y >= 0, x < width, y < height else { return }
    let index = y * width + x
    if cells[index].isContinuation, x > 0 {
      cells[index - 1] = Cell(" ", style: cells[index - 1].style)
    }
    if !cell.isContinuation, x + 1 < width, cells[index + 1].isContinuation {
      cells[index + 1] = Cell(" ", style: cells[index + 1].style)
    }
    cells[index] = cell
  }

  /// What a character is shown as: controls, C1 controls, bidi overrides and
  /// other invisible format characters become `?`.
  public static func displayable(_ character: Character) -> Character {
    for scalar in character.unicodeScalars where TextSafety.isUnsafe(scalar) {
      return "?"
    }
    return character
  }

  /// The rows as plain text, wide characters once, trailing spaces removed:
  /// what `screens/` holds and what snapshot tests compare.
  public var text: String {
    var lines: [String] = []
    lines.reserveCapacity(height)
    for y in 0..<height {
      lines.append(line(y))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// One row as plain text, trailing spaces removed.
  public func line(_ y: Int) -> String {
    var row = ""
    for x in 0..<width {
      let cell = self[x, y]
      if !cell.isContinuation { row.append(cell.character) }
    }
    while row.last == " " { row.removeLast() }
    return row
  }

  /// The rows that differ from `previous`, as runs of changed cells. A
  /// buffer of another size differs everywhere.
  public func changes(since previous: Buffer?) -> [Span] {
    guard let previous, previous.size == size else {
      return (0..<height).map {
        Span(y: $0, x: 0, cells: Array(cells[$0 * width..<($0 + 1) * width]))
      }
    }
    var spans: [Span] = []
    for y in 0..<height {
      let start = y * width
      var x = 0
      while x < width {
        if cells[start + x] == previous.cells[start + x] {
          x += 1
          continue
        }
        var end = x + 1
        while end < width && cells[start + end] != previous.cells[start + end] { end += 1 }
        var from = x
        if cells[start + from].isContinuation && from > 0 { from -= 1 }
        if end < width && cells[start + end].isContinuation { end += 1 }
        spans.append(Span(y: y, x: from, cells: Array(cells[(start + from)..<(start + end)])))
        x = end
      }
    }
    return spans
  }

  /// A run of cells on one row that must be sent to the terminal.
  public struct Span: Hashable, Sendable {
    public var y: Int
    public var x: Int
    public var cells: [Cell]
  }
}
