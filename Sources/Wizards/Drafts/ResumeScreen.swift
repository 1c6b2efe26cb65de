import TerminalUI

/// Shown when `stockroom` starts and the user has drafts (a dropped SSH
/// session, SIGTERM or a crash ended a wizard with answers): Resume one,
/// Discard it, or Start fresh. Nothing was committed; it only reads drafts,
/// and the launcher carries out the choice (and the discards) after it ends.
public struct ResumeScreen: Screen {
  /// What the user chose.
  public enum Decision: Equatable, Sendable {
    case resume(Draft)
    case startFresh
  }

  public private(set) var drafts: [Draft]
  public private(set) var highlighted = 0
  public private(set) var discarded: [String] = []
  public private(set) var decision: Decision?
  private var notice: StatusLine?

  /// `refused` describes the drafts that cannot be resumed (an older format),
  /// shown until the first key.
  public init(drafts: [Draft], refused: String? = nil) {
    self.drafts = drafts
    notice = refused.map { StatusLine($0, kind: .error) }
  }

  public var title: String { "Resume" }

  public var help: String {
    """
    Stockroom ended while you had answers in a wizard: the SSH connection dropped, the \
    program was stopped or it crashed. Your answers were kept as a draft; nothing was \
    committed.

    Resume (Enter or r) opens the wizard at the same step with the same answers; you still \
    press Confirm to commit. Discard (d) deletes the highlighted draft. Start fresh (n) \
    opens the home screen and keeps the drafts for later. `stockroom drafts` lists them \
    from the command line.
    """
  }

  public var keyBindings: [KeyBinding] {
    [
      .move, KeyBinding("Enter r", "resume"), KeyBinding("d", "discard"),
      KeyBinding("n", "start fresh"),
    ]
  }

  public var status: StatusLine? { notice }

  public mutating func update(_ key: Key, context: AppContext) -> Effect {
    notice = nil
    guard !drafts.isEmpty else {
      decision = .startFresh
      return .quit
    }
    switch key {
    case .up, .character("k"):
      highlighted = (highlighted + drafts.count - 1) % drafts.count
    case .down, .character("j"), .tab:
      highlighted = (highlighted + 1) % drafts.count
    case .enter, .character("r"):
      decision = .resume(drafts[highlighted])
      return .quit
    case .character("d"), .delete:
      let gone = drafts.remove(at: highlighted)
      discarded.append(gone.id)
      highlighted = min(highlighted, max(0, drafts.count - 1))
      notice = StatusLine("Discarded the draft of \(gone.title).", kind: .success)
      if drafts.isEmpty {
        decision = .startFresh
        return .quit
      }
    case .character("n"), .character("q"):
      decision = .startFresh
      return .quit
    default:
      break
    }
    return .none
  }

  static let intro =
    "Stockroom ended while you had answers in a wizard. Nothing was committed; your "
    + "answers were kept:"

  /// Where the draft was: its wizard and step ("Allocation › Northwind Traders").
  static func path(_ draft: Draft) -> String {
    draft.breadcrumb.dropFirst().map(TextSafety.neutralised).joined(separator: " › ")
  }

  /// The draft's step and when it was saved.
  static func detail(_ draft: Draft, context: AppContext) -> [String] {
    let saved = "saved " + TimeText.local(draft.updatedAt, in: context.timeZone)
    return [TextSafety.neutralised(draft.position), saved].filter { !$0.isEmpty }
  }

  public func view(into buffer: inout Buffer, in rect: Rect, context: AppContext) {
    Box.draw(into: &buffer, rect, title: "Resume where you were?")
    let inside = rect.inset(by: 1)
    let rows = buffer.putWrapped(
      Self.intro, in: Rect(x: inside.x + 2, y: inside.y + 1, width: inside.width - 4, height: 2))
    var y = inside.y + 2 + rows
    for (index, draft) in drafts.enumerated() {
      guard y + 1 < inside.maxY - 3 else { break }
      let marker = index == highlighted ? "▶ " : "  "
      let width = max(0, inside.width - 6)
      let path = Self.path(draft)
      let x = buffer.put(marker, x: inside.x + 2, y: y, clip: inside)
      buffer.put(
        TextLayout.pad(TextLayout.truncate(path, to: width), to: width), x: x, y: y,
        style: index == highlighted ? .highlight : .title, clip: inside)
      let detail = Self.detail(draft, context: context).joined(separator: " · ")
      buffer.put(
        TextLayout.truncate(detail, to: width), x: x, y: y + 1, style: .hint, clip: inside)
      y += 3
    }
    buffer.put(
      "Enter or r: Resume   d: Discard   n: Start fresh", x: inside.x + 2, y: inside.maxY - 2,
      style: .hint, clip: inside)
  }
}

/// Shown over a resumed wizard when its answers changed while the user was
/// away (another session took a picked serial): says what changed; any key
/// goes back to the wizard.
public struct ResumeNotice: Screen {
  public let message: String
  /// False when the draft could not be opened at all (the message says why).
  public let resumed: Bool

  public init(message: String, resumed: Bool = true) {
    self.message = message
    self.resumed = resumed
  }

  public var title: String { "Resumed" }

  public var help: String {
    "Your draft was replayed, but the store changed meanwhile, so some answers differ from "
      + "the ones you left. Check them before you press Confirm. Any key goes back."
  }

  public var keyBindings: [KeyBinding] { [KeyBinding("Enter", "back to the wizard")] }

  public mutating func update(_ key: Key, context: AppContext) -> Effect {
    if case .resize = key { return .none }
    return .pop
  }

  /// What the notice says, its paragraphs apart.
  var text: String {
    resumed
      ? "Your picks changed while you were away: \(message). Nothing was committed. Check the "
        + "answers before you press Confirm.\n\nPress Enter to go back to the wizard."
      : "\(message) Nothing was committed.\n\nPress Enter to go on."
  }

  public func view(into buffer: inout Buffer, in rect: Rect, context: AppContext) {
    Box.draw(
      into: &buffer, rect,
      title: resumed ? "Your picks changed while you were away" : "The draft cannot be resumed")
    let inside = rect.inset(by: 1)
    buffer.putWrapped(
      text,
      in: Rect(
        x: inside.x + 2, y: inside.y + 1, width: inside.width - 4,
        height: inside.height - 2))
  }
}
