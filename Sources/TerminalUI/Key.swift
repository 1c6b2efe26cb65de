/// One input event, whatever terminal it came from. The terminal layer turns
/// curses codes and escape sequences into these; screens only see these.
public enum Key: Hashable, Sendable {
  /// A printable character typed (never a control character).
  case character(Character)
  case up, down, left, right
  case home, end, pageUp, pageDown
  case tab, backTab, enter, escape, backspace, delete, insert
  /// F1 to F12.
  case function(Int)
  /// Ctrl and a letter, lower-case: `.control("c")` is Ctrl-C.
  case control(Character)
  case mouse(Mouse)
  /// A bracketed paste, whole: never replayed as keystrokes.
  case paste(String)
  /// A barcode scanner's burst: characters arriving faster than anyone types,
  /// ending in Enter (the Enter is part of the scan, never a key of its own).
  case scan(String)
  /// The terminal changed size.
  case resize(Size)

  /// A short name for the legend and for help ("Enter", "Ctrl-C", "F1").
  public var name: String {
    switch self {
    case .character(" "): return "Space"
    case .character(let c): return String(c)
    case .up: return "↑"
    case .down: return "↓"
    case .left: return "←"
    case .right: return "→"
    case .home: return "Home"
    case .end: return "End"
    case .pageUp: return "PgUp"
    case .pageDown: return "PgDn"
    case .tab: return "Tab"
    case .backTab: return "Shift-Tab"
    case .enter: return "Enter"
    case .escape: return "Esc"
    case .backspace: return "Backspace"
    case .delete: return "Del"
    case .insert: return "Ins"
    case .function(let n): return "F\(n)"
    case .control(let c): return "Ctrl-\(c.uppercased())"
    case .mouse: return "Click"
    case .paste: return "Paste"
    case .scan: return "Scan"
    case .resize: return "Resize"
    }
  }

  /// True for keys that mean "help" everywhere except inside a text field,
  /// where `?` is just a character.
  public var isHelp: Bool {
    self == .function(1) || self == .character("?")
  }
}

/// A mouse report: where, and what happened.
public struct Mouse: Hashable, Sendable {
  public enum Action: Hashable, Sendable {
    case press, release, wheelUp, wheelDown
  }
  public var action: Action
  public var position: Point

  public init(_ action: Action, x: Int, y: Int) {
    self.action = action
    self.position = Point(x: x, y: y)
  }
}
