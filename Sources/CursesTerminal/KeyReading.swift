import CNCurses
import TerminalUI

extension CursesTerminal {
  /// One thing `wget_wch` returned: a key code (KEY_*) or a character.
  enum Input: Equatable {
    case code(Int32)
    case character(UInt32)
  }

  /// Waits up to `milliseconds` for one input event and returns it as a
  /// `Key`; nil on timeout, for input Stockroom does not use (Alt-x,
  /// unknown escape sequences) and after `stop`. Bracketed paste arrives
  /// whole as `.paste`.
  public func readKey(timeout milliseconds: Int32) -> Key? {
    guard !stopped else { return nil }
    guard let input = next(timeout: milliseconds) else { return nil }
    switch input {
    case .code(let code): return key(forCode: code)
    case .character(27): return escape()
    case .character(let value): return KeyDecoding.key(forCharacter: value)
    }
  }

  func next(timeout milliseconds: Int32) -> Input? {
    wtimeout(window, milliseconds)
    var character: wint_t = 0
    let result = wget_wch(window, &character)
    if result == KEY_CODE_YES { return .code(Int32(bitPattern: character)) }
    if result == OK { return .character(character) }
    return nil
  }

  private func key(forCode code: Int32) -> Key? {
    switch code {
    case KEY_MOUSE: return mouse()
    case KEY_RESIZE:
      needsRepaint = true
      return .resize(size)
    default: return KeyDecoding.key(forCode: code)
    }
  }

  private func mouse() -> Key? {
    var event = MEVENT()
    guard getmouse(&event) == OK else { return nil }
    let state = UInt(event.bstate)
    let action: Mouse.Action
    if state & UInt(stockroom_button1_pressed | stockroom_button1_clicked) != 0 {
      action = .press
    } else if state & UInt(stockroom_button1_released) != 0 {
      action = .release
    } else if state & UInt(stockroom_button4_pressed) != 0 {
      action = .wheelUp
    } else if state & UInt(stockroom_button5_pressed) != 0 {
      action = .wheelDown
    } else {
      return nil
    }
    return .mouse(Mouse(action, x: Int(event.x), y: Int(event.y)))
  }

  /// After ESC: curses has already waited ESCDELAY for a key it knows, so
  /// whatever follows is here now. Nothing means the Esc key; `[` or `O`
  /// starts a sequence curses did not decode (bracketed paste, Shift-Tab on
  /// vt100); anything else is Alt-something, ignored.
  private func escape() -> Key? {
    guard let following = next(timeout: 0) else { return .escape }
    switch following {
    case .character(27):
      unget_wch(wchar_t(27))
      return .escape
    case .character(0x5B), .character(0x4F):
      var sequence: [UInt32] = []
      if case .character(let introducer) = following { sequence.append(introducer) }
      while sequence.count < 32 {
        guard case .character(let value) = next(timeout: 50) else { return nil }
        sequence.append(value)
        if sequence.count > 1, (0x40...0x7E).contains(value) { break }
      }
      let decoded = KeyDecoding.escapeSequence(sequence)
      if decoded == .pasteStart { return .paste(paste()) }
      if case .key(let key) = decoded { return key }
      return nil
    default:
      return nil
    }
  }

  /// Collects a bracketed paste up to ESC [ 2 0 1 ~ (or until input stops
  /// for a second, or 1 MiB arrived).
  private func paste() -> String {
    var collector = PasteCollector()
    while !collector.isFinished, let input = next(timeout: 1000) {
      switch input {
      case .character(let value): collector.append(value)
      case .code(KEY_ENTER): collector.append(0x0A)
      case .code: continue
      }
    }
    return collector.text
  }
}
