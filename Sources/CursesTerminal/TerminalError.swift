/// Why the terminal layer refused to start: the message is one line the user
/// can act on (it names TERM), printed instead of a broken screen.
public enum TerminalError: Error, CustomStringConvertible, Equatable {
  case unsupported(String)

  public var description: String {
    switch self {
    case .unsupported(let message): return message
    }
  }
}
