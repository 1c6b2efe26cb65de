import TerminalUI

/// A screen read as plain lines, for the line mode (screen readers, braille displays,
/// `TERM=dumb`, logs): what it shows, its rows with every value named by its column, and
/// what the user can do there. The line mode prints it and turns the user's answer (a row's
/// number, an action's word) into what the screen already does with keys, so no screen is
/// written twice.
public struct ScreenLines: Hashable, Sendable {
  /// What the screen shows besides its rows, a paragraph each ("ACC-0002 Acme Bank: 3
  /// products allocated.").
  public var summary: [String]
  /// One line a row, every value named by its column ("RB-1: Maximum 9, In Use 5,
  /// Available 4"), in the order the screen shows them. A row's number (from 1) picks it.
  public var rows: [String]
  /// What a row's number does, in words ("open the account"); nil when rows open nothing.
  public var rowAction: String?
  /// What the user can do besides picking a row.
  public var actions: [LineAction]

  public init(
    summary: [String] = [], rows: [String] = [], rowAction: String? = nil,
    actions: [LineAction] = []
  ) {
    self.summary = summary
    self.rows = rows
    self.rowAction = rowAction
    self.actions = actions
  }
}

/// Something the user can do on a screen in the line mode: the word they type, what it
/// does, and the keys the screen is given for it (the same keys as on screen).
public struct LineAction: Hashable, Sendable {
  /// What the user types, lower case, one word ("reverse", "export", "filter").
  public var word: String
  /// What it does, for the list of actions ("Reverse this transaction").
  public var label: String
  /// The keys the screen is given, in order.
  public var keys: [Key]
  /// What the word chooses among, when it takes one (`act 3`, `act Priya`): the word alone
  /// lists them numbered, the word and a number or a name gives that choice's keys.
  public var choices: [LineChoice]

  public init(_ word: String, _ label: String, keys: [Key], choices: [LineChoice] = []) {
    self.word = word
    self.label = label
    self.keys = keys
    self.choices = choices
  }
}

/// One of the things an action chooses among: its name, and the keys that bring the screen
/// to it from where it is (the same keys as on screen).
public struct LineChoice: Hashable, Sendable {
  public var name: String
  public var keys: [Key]

  public init(_ name: String, keys: [Key]) {
    self.name = name
    self.keys = keys
  }
}

/// A screen that can be read as lines. A screen without it is read from the text it draws.
public protocol LineReadable: Screen {
  /// The screen as lines, as it is now.
  func lines(context: AppContext) -> ScreenLines
  /// Does what Enter on row `index` (from 0, of `lines(context:).rows`) does on screen:
  /// selects the row and opens it. `.none` when rows open nothing.
  mutating func openRow(_ index: Int, context: AppContext) -> Effect
}
