import Foundation
import StockroomDomain
import TerminalUI

/// What the line mode hands the app for an answer: a key, or a row's number.
public enum LineInput: Hashable, Sendable {
  case key(Key)
  case openRow(Int)
}

/// The line mode's conversation, without a terminal: what to print when a screen opens or
/// after an answer, and how an answer becomes keys and rows for the same `App` the screen
/// mode runs. The executable's loop reads the lines, writes what this returns, and carries
/// out each input with `send` (commits, drafts, files), as its key loop does.
public struct LineSession {
  /// Hands one input to the app and carries out what follows it.
  public typealias Send = (inout App, LineInput) -> Void

  /// Rows printed at once; `:more` prints the next.
  public static let page = 20

  /// Which screen was last shown, and where a wizard's question was.
  private var shown = ""
  private var rows: [String] = []
  private var rowsShown = 0
  /// The pick list's serials as last listed (`:list`, `:filter`), and the filter.
  private var listing: [String] = []
  private var listingShown = 0
  private var filter = ""

  /// What was last said of the connection (the status line's words), nil when it was fine.
  private var connectionSaid: String?

  public init() {}

  /// The connection's news since last said, between answers: the store lost (or a commit
  /// waiting for its outcome) once, and once again when it is back.
  public mutating func connectionNews(_ app: App) -> [String] {
    let now = app.connectionStatus?.text
    guard now != connectionSaid else { return [] }
    defer { connectionSaid = now }
    if let now { return ["Error: " + now] }
    return ["The connection to the store is back."]
  }

  /// The screen on top, when it is not the one last shown (or `force`), and its question.
  public mutating func show(_ app: App, force: Bool = false) -> [String] {
    if let question = app.leaveQuestion {
      return [LineHints(app).worded(question.dialog.message), "Type yes to leave, or no to stay."]
    }
    let screen = app.current
    let mark = Self.mark(app)
    defer { shown = mark }
    if let wizard = screen as? any LineWizard {
      return force || mark != shown ? asked(wizard, app: app) : []
    }
    guard force || mark != shown else { return [] }
    if let readable = screen as? any LineReadable {
      return showing(readable.lines(context: app.context), title: screen.title, app: app)
    }
    rows = []
    return [screen.title + "."] + LineScreenText.lines(of: screen, context: app.context)
      + [LineKeyNames.listed(screen.keyBindings)]
  }

  /// What identifies what is shown: the screen and, in a wizard, the question; on a screen
  /// read as lines, its summary (acting as another employee reads My orders again).
  private static func mark(_ app: App) -> String {
    let screen = app.current
    var mark = "\(app.stack.count) \(type(of: screen)) \(screen.title)"
    if let wizard = screen as? any LineWizard {
      mark += " " + wizard.lineQuestion(context: app.context).prefix(2).joined(separator: " ")
    } else if let readable = screen as? any LineReadable {
      mark += " " + readable.lines(context: app.context).summary.joined(separator: " ")
    }
    return mark
  }

  /// A wizard's question, its hints worded; at a table, its first page of rows before what
  /// to type.
  private mutating func asked(_ wizard: any LineWizard, app: App) -> [String] {
    let question = LineHints(app).wordedQuestion(wizard.lineQuestion(context: app.context))
    guard let offered = wizard.lineRows(context: app.context) else { return question }
    rows = offered
    rowsShown = 0
    return question.dropLast() + nextRows() + question.suffix(1)
  }

  private mutating func showing(_ lines: ScreenLines, title: String, app: App) -> [String] {
    rows = lines.rows
    rowsShown = 0
    var out = [title + "."] + Self.summary(lines, app) + nextRows()
    if !lines.rows.isEmpty, let action = lines.rowAction {
      out.append("Type a row's number to \(action).")
    }
    if !lines.actions.isEmpty {
      out.append(
        "Actions: " + lines.actions.map { "\($0.word): \($0.label)" }.joined(separator: "; "))
    }
    return out
  }

  /// The next page of rows, numbered, and how many are left.
  private mutating func nextRows() -> [String] {
    let end = min(rows.count, rowsShown + Self.page)
    let out = (rowsShown..<end).map { "\($0 + 1) \(rows[$0])" }
    rowsShown = end
    let left = rows.count - end
    return out
      + (left > 0 ? ["\(left) more rows: :more shows the next \(min(left, Self.page))."] : [])
  }

  /// Answers `line`: hands the app what it asks for through `send` and returns what to print.
  public mutating func answer(_ line: String, app: inout App, send: Send) -> [String] {
    let screen = app.current
    let wizard = screen as? any LineWizard
    // A screen's action word is its action even where it is also a bare command ("remove").
    let word = line.trimmingCharacters(in: .whitespaces).lowercased()
    let isAction =
      (screen as? any LineReadable)?.lines(context: app.context).actions
      .contains { $0.word == word } == true
    let takesText = wizard?.lineTakesText ?? (screen.isEditingText || isAction)
    let answer = LineAnswer(line, takesText: takesText)
    let before = app.current.status
    var out: [String] = []
    if app.leaveQuestion != nil {
      guard let yes = LineQuestion.yesOrNo(line.trimmingCharacters(in: .whitespaces)) else {
        return ["Error: Type yes to leave, or no to stay."]
      }
      send(&app, .key(.character(yes ? "y" : "n")))
      return app.isFinished ? [] : show(app, force: true)
    }
    switch answer {
    case .command(.help, _):
      return [screen.title + "."] + Self.worded(screen.help.components(separatedBy: "\n\n"), app)
        + [LineAnswer.commandsHelp]
    case .command(.status, _):
      if let status = wizard?.lineStatus(context: app.context) { return status }
      let summary =
        (screen as? any LineReadable).map { Self.summary($0.lines(context: app.context), app) }
        ?? []
      let said = screen.status.map { Self.said($0, app) } ?? []
      return [screen.title + "."] + summary + said.filter { !summary.contains($0) }
    case .command(.quit, _):
      send(&app, .key(.control("c")))
      return app.isFinished ? [] : show(app, force: true)
    case .command(.back, _):
      send(&app, .key(.escape))
      return show(app)
    case .command(.cancel, _):
      guard app.stack.count > 1 else { return ["Error: This is home; :quit leaves Stockroom."] }
      app.leaveTop()
      return show(app, force: true)
    case .command(.more, _) where wizard?.lineRows(context: app.context) != nil || wizard == nil:
      return rowsShown < rows.count ? nextRows() : ["Error: No more rows; :back goes back."]
    case .unknownCommand(let word):
      return ["Error: :\(word) is not a command; :help lists them."]
    default:
      break
    }
    if let wizard, let serials = wizard.lineAvailableSerials,
      case .command(let command, let argument) = answer,
      let said = pickCommand(command, argument, serials: serials, app: &app, send: send)
    {
      return said
    }
    if let wizard {
      switch wizard.lineReply(to: answer, context: app.context) {
      case .refused(let why):
        return [LineHints(app).worded("Error: " + why)] + show(app, force: true)
      case .lines(let lines):
        return lines
      case .keys(let keys):
        for key in keys { send(&app, .key(key)) }
        for _ in 0..<4 {
          guard let next = app.current as? any LineWizard else { break }
          let more = next.lineFollowUp(context: app.context)
          if more.isEmpty { break }
          for key in more { send(&app, .key(key)) }
        }
      }
    } else if let said = chosen(answer, app: &app, send: send) {
      if !said.isEmpty { return said }
    } else if let failure = answerScreen(answer, line: line, app: &app, send: send) {
      return ["Error: " + failure, Self.question(app)]
    }
    var refused = false
    // A screen read as lines that is about to be shown says its status in its summary.
    let summarised = app.current is any LineReadable && Self.mark(app) != shown
    // A scan is answered even when its status repeats; a range's preview is its own answer.
    let scanned = answer.isScan(in: app.current as? any LineWizard)
    if !summarised, let status = app.current.status, status != before || scanned {
      out += Self.said(status, app)
      refused = status.kind == .error && !answer.isScan(in: wizard)
    }
    // A filter shows the rows it leaves, whether or not the question changed.
    let filtered = answer.isCommand(.filter) && wizard?.lineRows(context: app.context) != nil
    out += show(app, force: refused || filtered)
    // An answer that ran something says its outcome, even when it is what was shown (a
    // report run again, the employee acted as now).
    if out.isEmpty, wizard == nil, answer != .empty,
      let readable = app.current as? any LineReadable
    {
      return Self.summary(readable.lines(context: app.context), app)
    }
    return out
  }

  /// The pick list's commands: `:list`, `:more`, `:filter TEXT`, `:pick 3-7`, `:remove SERIAL`;
  /// nil for another command.
  private mutating func pickCommand(
    _ command: LineCommand, _ argument: String, serials: [String], app: inout App, send: Send
  ) -> [String]? {
    switch command {
    case .list, .filter:
      if command == .filter { filter = argument }
      listing =
        filter.isEmpty ? serials : serials.filter { $0.localizedCaseInsensitiveContains(filter) }
      listingShown = 0
      let narrowed = filter.isEmpty ? "" : " containing \(filter)"
      return ["\(listing.count) serials on offer\(narrowed)."] + nextSerials()
    case .more:
      return listingShown < listing.count
        ? nextSerials() : ["Error: No more serials; :list starts again."]
    case .pick:
      guard let numbers = Self.numbers(argument, upTo: listing.count) else {
        return ["Error: Type :pick and numbers from the last :list, e.g. :pick 3-7 or :pick 2,5."]
      }
      var out: [String] = []
      for number in numbers {
        send(&app, .key(.scan(listing[number - 1])))
        if let status = app.current.status { out += Self.said(status, app) }
      }
      return out
    case .remove:
      guard !argument.isEmpty, var wizard = app.current as? any LineWizard else {
        return ["Error: Type :remove and the serial to put back."]
      }
      let said = wizard.lineRemove(argument)
      app.stack[app.stack.count - 1] = wizard
      return Self.said(said, app)
    default:
      return nil
    }
  }

  /// The next 20 serials of the listing, numbered.
  private mutating func nextSerials() -> [String] {
    let end = min(listing.count, listingShown + Self.page)
    let out = (listingShown..<end).map { "\($0 + 1) \(listing[$0])" }
    listingShown = end
    let left = listing.count - end
    let more = left > 0 ? "\(left) more: :more lists the next. " : ""
    return out + [more + ":pick 3-7 picks by number; :filter TEXT narrows the list."]
  }

  /// "3-7", "2,5", "4": numbers from 1 to `count`; nil when any is not.
  static func numbers(_ text: String, upTo count: Int) -> [Int]? {
    var numbers: [Int] = []
    for part in text.split(whereSeparator: { $0 == "," || $0 == " " }) {
      let ends = part.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
      guard let first = ends.first ?? nil, let last = ends.last ?? nil, ends.count <= 2,
        first >= 1, last <= count, first <= last
      else { return nil }
      numbers += Array(first...last)
    }
    return numbers.isEmpty ? nil : numbers
  }

  /// The prompt of a screen that is not a wizard, in one line: where, and what to type.
  static func question(_ app: App) -> String {
    let screen = app.current
    guard let lines = (screen as? any LineReadable)?.lines(context: app.context) else {
      return "\(screen.title): type key names, or text to type it; :help says more."
    }
    var what: [String] = []
    if let action = lines.rowAction, !lines.rows.isEmpty {
      what.append("a row's number (1 to \(lines.rows.count)) to \(action)")
    }
    if !lines.actions.isEmpty {
      what.append("an action (" + lines.actions.map(\.word).joined(separator: ", ") + ")")
    }
    what.append(":help")
    return "\(screen.title): type " + what.joined(separator: ", or ") + "."
  }

  /// A status line in words: an error starts with "Error:".
  static func said(_ status: StatusLine) -> String {
    status.kind == .error && !status.text.hasPrefix("Error") ? "Error: " + status.text : status.text
  }

  /// A status line in words, its hints worded for the screen `app` shows (none when it
  /// was only a hint the line mode has no answer for).
  static func said(_ status: StatusLine, _ app: App) -> [String] {
    worded([said(status)], app)
  }

  /// `lines` (the screen's own words: help, status) with their hints worded for the line
  /// mode; unchanged on a screen driven by key names, where key names are the answers.
  static func worded(_ lines: [String], _ app: App) -> [String] {
    guard app.current is any LineReadable || app.current is any LineWizard else { return lines }
    return LineHints(app).worded(lines)
  }

  /// A screen's summary: its data as it is, its status (a hint the screen wrote, "Committed
  /// as T000168. Esc goes back.") worded for the line mode.
  static func summary(_ lines: ScreenLines, _ app: App) -> [String] {
    guard let status = app.current.status else { return lines.summary }
    let written = [status.text, said(status)]
    return lines.summary.flatMap { written.contains($0) ? worded([$0], app) : [$0] }
  }

  /// Why the number `text` opens no row of `lines`.
  static func notARow(_ text: String, _ lines: ScreenLines) -> String {
    lines.rows.isEmpty
      ? "There are no rows here; :help says what you can do."
      : "\(LineQuestion.quoted(text)) is not a row: type 1 to \(lines.rows.count)."
  }

  /// An answer on a screen that is not a wizard: an action's word or a row's number (before
  /// a field being edited, so "commit" commits rather than becoming the comment), text for
  /// a field being edited, or key names. Returns why it was refused, or nil.
  private mutating func answerScreen(
    _ answer: LineAnswer, line: String, app: inout App, send: Send
  ) -> String? {
    let screen = app.current
    let readable = screen as? any LineReadable
    let lines = readable?.lines(context: app.context)
    if case .text(let text) = answer, let lines {
      if let action = lines.actions.first(where: { $0.word == text.lowercased() }) {
        for key in action.keys { send(&app, .key(key)) }
        return nil
      }
      if let number = Int(text), lines.rowAction != nil, !lines.rows.isEmpty {
        guard lines.rows.indices.contains(number - 1) else { return Self.notARow(text, lines) }
        send(&app, .openRow(number - 1))
        return nil
      }
    }
    // The pick list's commands mean nothing here; `:filter TEXT` is the screen's search.
    if case .command(let command, let argument) = answer {
      guard command == .filter, let search = lines?.actions.first(where: { $0.word == "filter" })
      else {
        return ":\(command.rawValue) works on a serial pick list; :help lists the commands here."
      }
      return typed(argument, clearing: search, app: &app, send: send)
    }
    if screen.isEditingText {
      // Each answer is the whole search, not more of the last one.
      let search = answer == .empty ? nil : lines?.actions.first { $0.word == "filter" }
      return typed(line, clearing: search, app: &app, send: send)
    }
    guard case .text(let text) = answer else {
      if answer == .empty, readable == nil { send(&app, .key(.enter)) }
      return answer == .empty || readable == nil ? nil : "Type a row's number or an action's word."
    }
    if let lines {
      if Int(text) != nil { return Self.notARow(text, lines) }
      let words = lines.actions.map(\.word).joined(separator: ", ")
      return
        "\(LineQuestion.quoted(text)) is not an action here\(words.isEmpty ? "" : " (\(words))"); :help says more."
    }
    for key in LineKeyNames.keys(text) ?? text.map({ Key.character($0) }) {
      send(&app, .key(key))
    }
    return nil
  }

  /// Types `text` and Enter into the field being edited, after `clearing`'s keys empty it.
  private func typed(
    _ text: String, clearing: LineAction?, app: inout App, send: Send
  ) -> String? {
    for key in clearing?.keys ?? [] { send(&app, .key(key)) }
    for character in text { send(&app, .key(.character(character))) }
    send(&app, .key(.enter))
    return nil
  }
}

extension LineAnswer {
  /// True for `command`, whatever follows it.
  func isCommand(_ command: LineCommand) -> Bool {
    if case .command(command, _) = self { return true }
    return false
  }

  /// The longest line read as a scan: a range of two serials, `A..B`.
  static let longestScan = 2 * TextRules.serialLimit + 2

  /// True for a serial typed at a pick list (its answer is said even when it repeats, in
  /// one line); a line longer than any serial or range is bad input, and the prompt is
  /// asked again.
  func isScan(in wizard: (any LineWizard)?) -> Bool {
    guard case .text(let text) = self, let wizard, text.count <= Self.longestScan else {
      return false
    }
    return wizard.lineTakesText
  }
}
