import TerminalUI

/// How the runtime lays out every screen: the breadcrumb on the top line,
/// the screen's body, its status line, and the key legend on the bottom line.
extension App {
  /// The whole terminal as a buffer, and where the cursor belongs.
  public func render() -> (buffer: Buffer, cursor: Point?) {
    var buffer = Buffer(size: size)
    if isTooSmall {
      App.renderTooSmall(into: &buffer)
      return (buffer, nil)
    }
    let screen = current
    let body = App.bodyRect(for: size)
    renderHeader(into: &buffer)
    screen.view(into: &buffer, in: body, context: context)
    if let status = connectionStatus ?? screen.status {
      let line = TextLayout.truncate(status.text, to: size.width - 4)
      buffer.put(line, x: 2, y: size.height - 2, style: status.style)
    }
    var bindings = screen.keyBindings
    if stack.count == 1 { bindings.append(.quit) }
    bindings.append(.help)
    if context.isDemoSession {
      DemoBanner.render(bindings, into: &buffer, y: size.height - 1)
    } else {
      Legend.render(bindings, into: &buffer, y: size.height - 1)
    }
    var cursor = screen.cursor(in: body)
    if let help {
      help.render(into: &buffer, in: App.overlayRect(for: size), focused: true)
      cursor = nil
    }
    if let leaveQuestion {
      leaveQuestion.dialog.render(into: &buffer, in: buffer.bounds, focused: true)
      cursor = nil
    }
    return (buffer, cursor)
  }

  /// What the status line says while the store cannot be reached or a commit waits for its
  /// outcome; nil otherwise.
  var connectionStatus: StatusLine? {
    if unsettledCommit != nil {
      return StatusLine(
        "Connection lost during the commit; retrying, then it is settled by its key.",
        kind: .error)
    }
    guard context.connectionLost else { return nil }
    return StatusLine(
      "Connection to the store lost; retrying. Your answers are kept.", kind: .error)
  }

  /// The rows between the top line and the status line.
  public static func bodyRect(for size: Size) -> Rect {
    Rect(x: 0, y: 1, width: size.width, height: size.height - 3)
  }

  /// Where help opens: most of the screen, leaving the frame visible.
  static func overlayRect(for size: Size) -> Rect {
    Rect(x: 4, y: 2, width: size.width - 8, height: size.height - 4)
  }

  private func renderHeader(into buffer: inout Buffer) {
    let crumbs = stack.map(\.title).joined(separator: " › ")
    let right = current.position.isEmpty ? "\(context.userName)" : current.position
    let rightWidth = CharacterWidth.of(right)
    let leftWidth = size.width - rightWidth - 3
    buffer.put(TextLayout.truncate(crumbs, to: leftWidth), x: 1, y: 0, style: .title)
    buffer.put(right, x: size.width - rightWidth - 1, y: 0, style: .hint)
  }

  /// The plain message shown below 80x24, naming the size needed.
  static func renderTooSmall(into buffer: inout Buffer) {
    let need = Size.minimum
    let lines = [
      "Stockroom needs a terminal of at least \(need.width)x\(need.height).",
      "This one is \(buffer.width)x\(buffer.height).",
      "Make the window larger; the screen comes back by itself.",
      "Ctrl-C leaves.",
    ]
    var wrapped: [String] = []
    for line in lines { wrapped += TextLayout.wrap(line, width: max(1, buffer.width - 2)) }
    let top = max(0, (buffer.height - wrapped.count) / 2)
    for (index, line) in wrapped.enumerated() {
      let x = max(0, (buffer.width - CharacterWidth.of(line)) / 2)
      buffer.put(line, x: x, y: top + index, style: index == 0 ? .title : .plain)
    }
  }
}
