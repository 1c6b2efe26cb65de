import TerminalUI

/// Shown when the data directory holds no data yet: offers to create the
/// demo data set, or to leave without writing anything.
public struct FirstRunScreen: Screen {
  private var buttons = ButtonRow(
    buttons: [
      ButtonRow.Button("Create demo data", role: .next), ButtonRow.Button("Quit", role: .cancel),
    ])
  private var failure: String?

  public init() {}

  public var title: String { "Stockroom" }

  public var help: String {
    """
    Stockroom keeps its data in a data directory (--data-dir, STOCKROOM_DATA_DIR, \
    $XDG_DATA_HOME/stockroom or ~/.local/share/stockroom). This one is empty.

    Create demo data writes a realistic, deterministic data set: a service provider with \
    containers of owned and leased stock, accounts holding every product, hardware tokens \
    of several models. `stockroom demo` does the same from the command line.
    """
  }

  public var keyBindings: [KeyBinding] {
    [KeyBinding("←→", "choose"), KeyBinding("Enter", "press")]
  }

  public var status: StatusLine? { failure.map { StatusLine($0, kind: .error) } }

  public mutating func update(_ key: Key, context: AppContext) -> Effect {
    failure = nil
    if key == .character("y") { return .createDemoData }
    if key == .character("n") { return .quit }
    guard buttons.update(key) == .activated, let role = buttons.activatedRole else {
      return .none
    }
    return role == .next ? .createDemoData : .quit
  }

  public mutating func committed(_ outcome: CommitOutcome, context: AppContext) {
    if case .refused(let message) = outcome { failure = message }
  }

  /// "There is no data in this data directory yet:".
  static func noData(_ context: AppContext) -> String {
    "There is no data in this \(context.databaseStore == nil ? "data directory" : "store") yet:"
  }

  /// What the demo data set holds, a line each as drawn.
  static let offer = [
    "Create the demo data set to try every wizard: a service provider with",
    "containers of owned and leased stock, six accounts holding every product,",
    "and hardware tokens of three models.",
  ]

  public func view(into buffer: inout Buffer, in rect: Rect, context: AppContext) {
    Box.draw(into: &buffer, rect, title: "Welcome to Stockroom")
    let inside = rect.inset(by: 1)
    let text = Rect(x: inside.x + 2, y: inside.y + 1, width: inside.width - 4, height: 8)
    var lines = [Self.noData(context), ""]
    lines.append("  " + TextLayout.truncate(context.dataLocation, to: text.width - 2))
    lines += [""] + Self.offer
    for (index, line) in lines.enumerated() {
      buffer.put(line, x: text.x, y: text.y + index, clip: text)
    }
    buttons.render(
      into: &buffer, in: Rect(x: text.x, y: text.y + 9, width: text.width, height: 1),
      focused: true)
  }
}
