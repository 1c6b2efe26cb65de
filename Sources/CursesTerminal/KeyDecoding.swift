import CNCurses
import TerminalUI

/// Turns curses key codes, characters and the escape sequences curses left
/// undecoded into `Key` values. Pure functions of their input.
enum KeyDecoding {
  /// What an escape sequence (without its ESC) means.
  enum Sequence: Equatable {
    case key(Key)
    case pasteStart
    case unknown
  }

  static func key(forCode code: Int32) -> Key? {
    switch code {
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    case KEY_HOME, KEY_A1: return .home
    case KEY_END, KEY_C1: return .end
    case KEY_PPAGE, KEY_A3: return .pageUp
    case KEY_NPAGE, KEY_C3: return .pageDown
    case KEY_BTAB: return .backTab
    case KEY_ENTER: return .enter
    case KEY_BACKSPACE: return .backspace
    case KEY_DC: return .delete
    case KEY_IC: return .insert
    case (KEY_F0 + 1)...(KEY_F0 + 12): return .function(Int(code - KEY_F0))
    default: return nil
    }
  }

  static func key(forCharacter value: UInt32) -> Key? {
    switch value {
    case 9: return .tab
    case 10, 13: return .enter
    case 8, 127: return .backspace
    case 27: return .escape
    case 1...26: return .control(Character(Unicode.Scalar(UInt8(0x60 + value))))
    default:
      guard let scalar = Unicode.Scalar(value), !TextSafety.isUnsafe(scalar) else { return nil }
      return .character(Character(scalar))
    }
  }

  /// Decodes `[...` (CSI) and `O.` (SS3) sequences: the ones terminfo may
  /// lack (Shift-Tab `[Z` on vt100, xterm-style keys) and paste start.
  static func escapeSequence(_ sequence: [UInt32]) -> Sequence {
    guard let introducer = sequence.first, let last = sequence.last, sequence.count >= 2,
      let final = Unicode.Scalar(last).map(Character.init)
    else { return .unknown }
    let body = String(
      sequence.dropFirst().dropLast().compactMap(Unicode.Scalar.init).map(Character.init))
    if introducer == 0x4F {
      let ss3: [Character: Key] = [
        "P": .function(1), "Q": .function(2), "R": .function(3), "S": .function(4),
        "A": .up, "B": .down, "C": .right, "D": .left, "H": .home, "F": .end, "M": .enter,
      ]
      return ss3[final].map(Sequence.key) ?? .unknown
    }
    let letters: [Character: Key] = [
      "A": .up, "B": .down, "C": .right, "D": .left, "H": .home, "F": .end, "Z": .backTab,
    ]
    if let key = letters[final] { return .key(key) }
    guard final == "~", let number = Int(body.split(separator: ";").first ?? "") else {
      return .unknown
    }
    if number == 200 { return .pasteStart }
    let tilde: [Int: Key] = [
      1: .home, 7: .home, 4: .end, 8: .end, 2: .insert, 3: .delete, 5: .pageUp, 6: .pageDown,
      11: .function(1), 12: .function(2), 13: .function(3), 14: .function(4),
      15: .function(5), 17: .function(6), 18: .function(7), 19: .function(8),
      20: .function(9), 21: .function(10), 23: .function(11), 24: .function(12),
    ]
    return tilde[number].map(Sequence.key) ?? .unknown
  }
}

/// Gathers a bracketed paste until its end marker, with line ends as `\n`.
struct PasteCollector {
  private var scalars: [UInt32] = []
  private(set) var isFinished = false
  private static let end: [UInt32] = [27, 0x5B, 0x32, 0x30, 0x31, 0x7E]
  private static let limit = 1 << 20

  /// The last scalars seen once over the limit, to find the paste's end.
  private var tail: [UInt32] = []

  /// Keeps up to one scalar more than the limit (so the app can tell a
  /// paste was too large and refuse it); the rest is read and dropped until
  /// the paste ends, so none of it leaks as keystrokes.
  mutating func append(_ value: UInt32) {
    if scalars.count > Self.limit {
      tail.append(value)
      if tail.count > 6 { tail.removeFirst() }
      if tail == Self.end { isFinished = true }
      return
    }
    scalars.append(value)
    if scalars.count >= 6, Array(scalars.suffix(6)) == Self.end {
      scalars.removeLast(6)
      isFinished = true
    }
  }

  var text: String {
    var result = String.UnicodeScalarView()
    var index = 0
    while index < scalars.count {
      let value = scalars[index]
      if value == 13 {
        result.append("\n")
        if index + 1 < scalars.count, scalars[index + 1] == 10 { index += 1 }
      } else if let scalar = Unicode.Scalar(value) {
        result.append(scalar)
      }
      index += 1
    }
    return String(result)
  }
}
