import CNCurses
import TerminalUI

extension CursesTerminal {
  /// Draws `buffer`, sending only the cells that changed since the last
  /// draw (curses then sends only what differs on the terminal). Never
  /// clears the screen, except once after a resize. Shows the hardware
  /// cursor at `cursor` (a text field), or hides it when nil.
  public func draw(_ buffer: Buffer, cursor: Point?) {
    guard !stopped else { return }
    let rows = Int(getmaxy(window))
    let columns = Int(getmaxx(window))
    if needsRepaint || previous?.size != buffer.size {
      needsRepaint = false
      previous = nil
      werase(window)
      clearok(stockroom_curscr(), true)
    }
    if let old = previous, let shift = buffer.verticalShift(since: old), shift.bottom < rows {
      scroll(shift, rows: rows)
      previous = old.scrolled(shift)
    }
    for span in buffer.changes(since: previous) where span.y < rows {
      for (offset, cell) in span.cells.enumerated() {
        let x = span.x + offset
        guard x < columns else { break }
        put(cell, from: buffer, x: x, y: span.y)
      }
    }
    previous = buffer
    place(cursor, rows: rows, columns: columns)
    wrefresh(window)
  }

  /// Scrolls a band of whole rows with a scroll region, which costs the
  /// terminal a few bytes instead of a rewrite of every row in the band.
  private func scroll(_ shift: BufferShift, rows: Int) {
    wsetscrreg(window, Int32(shift.top), Int32(shift.bottom))
    scrollok(window, true)
    wscrl(window, Int32(shift.by))
    scrollok(window, false)
    wsetscrreg(window, 0, Int32(rows - 1))
  }

  private func place(_ cursor: Point?, rows: Int, columns: Int) {
    if let cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < columns, cursor.y < rows {
      leaveok(window, false)
      wmove(window, Int32(cursor.y), Int32(cursor.x))
      if !cursorVisible { curs_set(1) }
      cursorVisible = true
    } else {
      leaveok(window, true)
      if cursorVisible { curs_set(0) }
      cursorVisible = false
    }
  }

  /// Puts one cell. The right half of a wide character is drawn by its left
  /// half, unless the character could not be drawn wide.
  private func put(_ cell: Cell, from buffer: Buffer, x: Int, y: Int) {
    let attributes = attributes(for: cell.style)
    let pair = colourPair(for: cell.style)
    let row = Int32(y)
    let column = Int32(x)
    if cell.isContinuation {
      if !unicode || x == 0 || !drawsWide(buffer[x - 1, y].character) {
        stockroom_put_ascii(window, row, column, 0x20, attributes, pair)
      }
      return
    }
    guard unicode else {
      switch GlyphFallback.of(cell.character) {
      case .ascii(let byte):
        stockroom_put_ascii(window, row, column, CChar(bitPattern: byte), attributes, pair)
      case .lineDrawing(let name):
        stockroom_put_acs(window, row, column, CChar(bitPattern: name), attributes, pair)
      }
      return
    }
    let expected = buffer[x + 1, y].isContinuation ? 2 : 1
    var scalars = cell.character.unicodeScalars.prefix(5).map { wchar_t(bitPattern: $0.value) }
    if scalars.isEmpty || Int(stockroom_wcwidth(scalars[0])) != expected {
      scalars = [wchar_t(0x3F)]
    }
    scalars.append(0)
    stockroom_put_wide(window, row, column, scalars, attributes, pair)
  }

  private func drawsWide(_ character: Character) -> Bool {
    guard let first = character.unicodeScalars.first else { return false }
    return stockroom_wcwidth(wchar_t(bitPattern: first.value)) == 2
  }

  func attributes(for style: Style) -> attr_t {
    var value = attr_t(stockroom_attr_normal)
    if style.bold { value |= attr_t(stockroom_attr_bold) }
    if style.dim { value |= attr_t(stockroom_attr_dim) }
    if style.underline { value |= attr_t(stockroom_attr_underline) }
    if style.reverse { value |= attr_t(stockroom_attr_reverse) }
    return value
  }

  /// The colour pair for a style's colours, made on first use; 0 (the
  /// terminal's own colours) without colour or when pairs run out.
  func colourPair(for style: Style) -> Int32 {
    guard colours, style.foreground != nil || style.background != nil else { return 0 }
    let foreground = style.foreground.map { Int($0.rawValue) } ?? 8
    let background = style.background.map { Int($0.rawValue) } ?? 8
    let key = foreground * 9 + background
    if let pair = pairs[key] { return pair }
    let pair = Int32(pairs.count + 1)
    guard pair < min(stockroom_color_pairs(), 256) else { return 0 }
    let fg = foreground < 8 ? Int16(foreground) : (defaultColours ? -1 : Int16(COLOR_WHITE))
    let bg = background < 8 ? Int16(background) : (defaultColours ? -1 : Int16(COLOR_BLACK))
    init_pair(Int16(pair), fg, bg)
    pairs[key] = pair
    return pair
  }
}
