/// A key as one short text token, so a draft can keep the keys a user typed
/// and replay them later: `c:x` a character, `up`, `f:5`, `ctl:c`,
/// `m:press:3:4` a click, `p:…` a paste, `s:…` a scan, `r:80x24` a resize.
extension Key: Codable {
  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let key = Key(token: text) else {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "not a key"))
    }
    self = key
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(token)
  }

  static let plainTokens: [(String, Key)] = [
    ("up", .up), ("down", .down), ("left", .left), ("right", .right), ("home", .home),
    ("end", .end), ("pgup", .pageUp), ("pgdn", .pageDown), ("tab", .tab), ("btab", .backTab),
    ("enter", .enter), ("esc", .escape), ("bs", .backspace), ("del", .delete), ("ins", .insert),
  ]

  static let mouseActions: [(String, Mouse.Action)] = [
    ("press", .press), ("release", .release), ("wup", .wheelUp), ("wdown", .wheelDown),
  ]

  /// The key's token.
  public var token: String {
    switch self {
    case .character(let c): return "c:" + String(c)
    case .function(let n): return "f:\(n)"
    case .control(let c): return "ctl:" + String(c)
    case .mouse(let mouse):
      let action = Key.mouseActions.first { $0.1 == mouse.action }?.0 ?? "press"
      return "m:\(action):\(mouse.position.x):\(mouse.position.y)"
    case .paste(let text): return "p:" + text
    case .scan(let text): return "s:" + text
    case .resize(let size): return "r:\(size.width)x\(size.height)"
    default: return Key.plainTokens.first { $0.1 == self }?.0 ?? "esc"
    }
  }

  /// The key a token names; nil for anything else.
  public init?(token: String) {
    if let plain = Key.plainTokens.first(where: { $0.0 == token }) {
      self = plain.1
      return
    }
    guard let colon = token.firstIndex(of: ":") else { return nil }
    let kind = token[..<colon]
    let rest = String(token[token.index(after: colon)...])
    switch kind {
    case "c":
      guard rest.count == 1, let c = rest.first else { return nil }
      self = .character(c)
    case "f":
      guard let n = Int(rest), (1...24).contains(n) else { return nil }
      self = .function(n)
    case "ctl":
      guard rest.count == 1, let c = rest.first else { return nil }
      self = .control(c)
    case "p": self = .paste(rest)
    case "s": self = .scan(rest)
    case "r":
      let parts = rest.split(separator: "x").compactMap { Int($0) }
      guard parts.count == 2, parts.allSatisfy({ (0...10_000).contains($0) }) else { return nil }
      self = .resize(Size(width: parts[0], height: parts[1]))
    case "m":
      let parts = rest.split(separator: ":").map(String.init)
      guard parts.count == 3, let action = Key.mouseActions.first(where: { $0.0 == parts[0] }),
        let x = Int(parts[1]), let y = Int(parts[2])
      else { return nil }
      self = .mouse(Mouse(action.1, x: x, y: y))
    default:
      return nil
    }
  }
}
