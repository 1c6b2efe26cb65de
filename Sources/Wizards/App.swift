import Foundation
import StockroomDomain
import TerminalUI

/// The runtime every screen runs in: a stack of screens, the frame around
/// them, help, the leave-with-answers question, and the effects screens ask
/// for. It is pure: a key goes in, a new state comes out, and `render` draws
/// a buffer. The terminal loop in the executable feeds keys, draws, and
/// carries out what touches the world outside the ledger: reading a file a
/// screen asked for, creating the demo data.
public struct App {
  public internal(set) var stack: [any Screen]
  public private(set) var size: Size
  public var context: AppContext
  /// The help overlay, while open.
  public private(set) var help: HelpOverlay?
  /// The question asked before answers would be lost, while open.
  public private(set) var leaveQuestion: LeaveQuestion?
  /// Set when the app should end.
  public private(set) var isFinished = false
  /// A commit waiting for the runtime to carry it out.
  public private(set) var pendingCommit: PendingCommit?
  /// A commit whose outcome was not seen (the connection to the store was lost during it):
  /// kept with its idempotency key and tried again by `settleCommit()` once the store
  /// answers, so it is never applied twice nor silently lost. Keys wait meanwhile.
  public private(set) var unsettledCommit: PendingCommit?
  /// Bells the screens asked for (a refused scan), waiting for the terminal to ring them.
  public private(set) var pendingBells = 0
  /// Set when a screen asked for the demo data set.
  public private(set) var demoRequested = false
  /// A file the top screen asked to read, waiting for the runtime.
  public private(set) var pendingFileRead: FileRequest?
  /// A report export the top screen asked for, waiting for the runtime.
  public private(set) var pendingExport: ReportExport?
  /// Commits a returns session and writes its receipts (the executable's store does both);
  /// nil: a group commit through the ledger, without receipts.
  public var commitReturns: ReturnsCommitter?
  /// Makes the home screen once there is data (after the first-run offer).
  public var makeHome: () -> any Screen = { Home.screen() }

  /// What leaving would do once the user agrees.
  public struct LeaveQuestion {
    public var dialog: Modal
    public var quitAll: Bool
  }

  public init(home: any Screen, size: Size, context: AppContext) {
    self.stack = [home]
    self.size = size
    self.context = context
    self.context.size = size
  }

  /// The screen on top.
  public var current: any Screen {
    stack[stack.count - 1]
  }

  /// True when the terminal is too small to draw the screens.
  public var isTooSmall: Bool {
    size.width < Size.minimum.width || size.height < Size.minimum.height
  }

  /// Handles one key, carrying out whatever the screens ask for.
  public mutating func handle(_ key: Key) {
    if case .scan(let text) = key {
      if help == nil, leaveQuestion == nil, !isTooSmall,
        stack[stack.count - 1].scanned(text, context: context)
      {
        pendingBells += stack[stack.count - 1].takeBells()
        return
      }
      for character in text { handle(.character(character)) }
      handle(.enter)
      return
    }
    if case .resize(let newSize) = key {
      size = newSize
      context.size = newSize
      help?.layout(in: App.overlayRect(for: size))
      leaveQuestion?.dialog.layout(in: Rect(size: size))
      return
    }
    if let question = leaveQuestion {
      answerLeave(question, key)
      return
    }
    // The screen waits for its commit's outcome; only leaving is offered.
    if unsettledCommit != nil && key != .control("c") { return }
    // Ctrl-C cancels a screen's long work (a report) before it leaves anything.
    if key == .control("c") && !stack[stack.count - 1].isWorking {
      help = nil
      askToLeave(quitAll: true)
      return
    }
    if var overlay = help {
      if overlay.update(key) == .activated { help = nil } else { help = overlay }
      return
    }
    if isTooSmall { return }
    let top = stack.count - 1
    if !stack[top].isEditingText {
      if key.isHelp {
        openHelp()
        return
      }
      if key == .character("q") && stack.count == 1 {
        isFinished = true
        return
      }
    } else if key == .function(1) {
      openHelp()
      return
    }
    let taken = stack[top].takesKey(key)
    let effect = stack[top].update(key, context: context)
    pendingBells += stack[top].takeBells()
    if case .none = effect, key == .escape, !taken {
      askToLeave(quitAll: false)
      return
    }
    carryOut(effect)
  }

  /// The line mode's number for a row: the top screen opens row `index` as Enter on it
  /// would, and the effect it returns is carried out.
  public mutating func openRow(_ index: Int) {
    guard var screen = stack[stack.count - 1] as? any LineReadable else { return }
    let effect = screen.openRow(index, context: context)
    stack[stack.count - 1] = screen
    pendingBells += stack[stack.count - 1].takeBells()
    carryOut(effect)
  }

  /// The line mode's `:cancel`: leave the top screen, asking first when answers would be lost.
  public mutating func leaveTop() {
    guard leaveQuestion == nil, stack.count > 1 else { return }
    askToLeave(quitAll: false)
  }

  private mutating func openHelp() {
    let screen = current
    var overlay = HelpOverlay(
      screenName: screen.title,
      paragraphs: screen.help.components(separatedBy: "\n\n"),
      bindings: screen.keyBindings + App.globalBindings(atHome: stack.count == 1))
    overlay.layout(in: App.overlayRect(for: size))
    help = overlay
  }

  /// Carries out an effect a screen returned.
  public mutating func carryOut(_ effect: Effect) {
    switch effect {
    case .none, .stay:
      break
    case .push(let screen):
      stack.append(screen)
    case .pop:
      if stack.count > 1 { stack.removeLast() }
      stack[stack.count - 1].refreshed(context: context)
    case .replace(let screen):
      if stack.count > 1 { stack[stack.count - 1] = screen } else { stack.append(screen) }
    case .popToHome:
      stack.removeSubrange(1...)
      stack[0].refreshed(context: context)
    case .quit:
      isFinished = true
    case .commit(let request):
      pendingCommit = request
    case .createDemoData:
      demoRequested = true
    case .readFile(let request):
      pendingFileRead = request
    case .export(let request):
      pendingExport = request
    }
  }

  /// Runs the pending commit through the store (the runtime calls this right
  /// after `handle`) and hands the outcome to the screen that asked.
  @discardableResult
  public mutating func runPendingCommit() -> CommitOutcome? {
    guard let pending = pendingCommit else { return nil }
    pendingCommit = nil
    return deliver(pending)
  }

  /// Tries the unsettled commit again under its key (the runtime calls this once the store
  /// answers again) and hands the outcome to the screen; nil while it is still unsettled.
  @discardableResult
  public mutating func settleCommit() -> CommitOutcome? {
    guard let pending = unsettledCommit else { return nil }
    return deliver(pending)
  }

  private mutating func deliver(_ pending: PendingCommit) -> CommitOutcome? {
    let attempt =
      pending.returns.map { commit(returns: $0, pending) } ?? App.commit(pending, context: context)
    guard let outcome = attempt else {
      unsettledCommit = pending
      return nil
    }
    unsettledCommit = nil
    stack[stack.count - 1].committed(outcome, context: context)
    return outcome
  }

  /// The commit's outcome; nil when the connection to the store was lost during it.
  static func commit(_ pending: PendingCommit, context: AppContext) -> CommitOutcome? {
    guard let store = context.store else { return .refused("There is no data to change.") }
    do {
      let result = try store.commit(
        pending.command, context: pending.transactionContext(context), key: pending.key)
      return .committed(result.transaction)
    } catch {
      if App.lostDuring(error, store: store) { return nil }
      return outcome(of: error)
    }
  }

  /// Commits a returns session as one group (through `commitReturns` when the executable
  /// gave one, which writes the receipts), keeping the receipts' paths in the context.
  mutating func commit(returns session: ReturnsSession, _ pending: PendingCommit)
    -> CommitOutcome?
  {
    guard let store = context.store else { return .refused("There is no data to change.") }
    let who = pending.transactionContext(context)
    do throws(LedgerError) {
      let done: ReturnsCommitResult
      if let commitReturns {
        done = try commitReturns(store, session, who, pending.key)
      } else {
        let members = session.commands(context: who).map(\.member)
        done = ReturnsCommitResult(
          transactions: try store.commitGroup(members, key: pending.key).map(\.transaction))
      }
      for (id, path) in done.receipts { context.receipts[id] = path }
      guard let first = done.transactions.first else { return .refused("Nothing was committed.") }
      return .committed(first)
    } catch {
      if App.lostDuring(error, store: store) { return nil }
      return App.outcome(of: error)
    }
  }

  /// True when a commit failed because the connection to the store was lost: its outcome was
  /// not seen, and it is settled later by its key.
  static func lostDuring(_ error: LedgerError, store: any InventoryLedger) -> Bool {
    guard case .unavailable = error else { return false }
    return (store as? any ConnectedLedger)?.connectionLoss != nil
  }

  /// A refused commit in words for the screen (a conflict kept apart: the screen repairs it).
  static func outcome(of error: LedgerError) -> CommitOutcome {
    switch error {
    case .conflict(let message): return .conflict(TextSafety.neutralised(message))
    case .refused(let domain): return .refused(TextSafety.neutralised(domain.message))
    default: return .refused(TextSafety.neutralised(error.message))
    }
  }

  /// The bells the screens asked for since the last call, taken: the terminal rings them.
  public mutating func takeBells() -> Int {
    defer { pendingBells = 0 }
    return pendingBells
  }

  /// Lets the top screen do a little background work (a long filter)
  /// between key polls; true when it did some and the frame should be drawn.
  public mutating func idle() -> Bool {
    stack[stack.count - 1].idle(context: context)
  }

  /// Reads what other sessions committed; true when there was something new
  /// (the next frame shows it).
  @discardableResult
  public mutating func refresh() -> Bool {
    guard (try? context.store?.refresh()) ?? false else { return false }
    for index in stack.indices { stack[index].refreshed(context: context) }
    return true
  }

  /// The file the top screen asked to read, taken: the executable reads it
  /// (or a test hands over bytes) and gives the result to `fileRead(_:)`.
  public mutating func takeFileRequest() -> FileRequest? {
    defer { pendingFileRead = nil }
    return pendingFileRead
  }

  /// The export the top screen asked for, taken: the executable writes it and gives the
  /// outcome to `exported(_:)`.
  public mutating func takeExport() -> ReportExport? {
    defer { pendingExport = nil }
    return pendingExport
  }

  /// Hands where an export went to the screen that asked for it.
  public mutating func exported(_ outcome: ReportExport.Outcome) {
    stack[stack.count - 1].exported(outcome, context: context)
  }

  /// Hands a file that was read to the screen that asked for it.
  public mutating func fileRead(_ read: FileRead) {
    stack[stack.count - 1].fileRead(read, context: context)
    pendingBells += stack[stack.count - 1].takeBells()
  }

  /// True once when the first-run screen asked for the demo data set: the
  /// executable then creates it and calls `demoDataCreated(_:)`.
  public mutating func takeDemoRequest() -> Bool {
    defer { demoRequested = false }
    return demoRequested
  }

  /// Opens the home screen on the demo data the executable created, or shows
  /// why it could not on the first-run screen.
  public mutating func demoDataCreated(_ result: Result<any InventoryLedger, LedgerError>) {
    switch result {
    case .success(let store):
      context.store = store
      stack = [makeHome()]
    case .failure(let error):
      stack[stack.count - 1].committed(
        .refused("Could not create the demo data: \(error.message)"), context: context)
    }
  }

  private mutating func askToLeave(quitAll: Bool) {
    let answers = quitAll ? stack.contains(where: \.hasAnswers) : current.hasAnswers
    if !answers {
      if quitAll || stack.count == 1 {
        if quitAll { isFinished = true }
      } else {
        stack.removeLast()
        stack[stack.count - 1].refreshed(context: context)
      }
      return
    }
    let message =
      quitAll
      ? "Leave Stockroom? The answers you have given in \(current.title) are not saved."
      : "Leave \(current.title)? The answers you have given are not saved."
    var dialog = Modal(
      title: "Leave without saving?", message: message, buttons: ["Leave", "Stay"],
      selected: 1, shortcuts: ["y": 0, "n": 1])
    dialog.layout(in: Rect(size: size))
    leaveQuestion = LeaveQuestion(dialog: dialog, quitAll: quitAll)
  }

  private mutating func answerLeave(_ question: LeaveQuestion, _ key: Key) {
    if key == .control("c") && question.quitAll {
      leaveQuestion = nil
      isFinished = true
      return
    }
    var dialog = question.dialog
    let result = dialog.update(key)
    leaveQuestion?.dialog = dialog
    guard result == .activated else { return }
    leaveQuestion = nil
    guard dialog.chosen == 0 else { return }
    if question.quitAll {
      isFinished = true
    } else if stack.count > 1 {
      stack.removeLast()
      stack[stack.count - 1].refreshed(context: context)
    }
  }

  /// Keys that work on every screen, listed in every help overlay.
  static func globalBindings(atHome: Bool) -> [KeyBinding] {
    var bindings: [KeyBinding] = [
      KeyBinding("Esc", "back one step; leaving a wizard with answers asks first", inLegend: false),
      KeyBinding("F1 or ?", "this help (? is a character inside a text field)", inLegend: false),
      KeyBinding("Ctrl-C", "leave at once, asking first if answers would be lost", inLegend: false),
    ]
    if atHome { bindings.append(KeyBinding("q", "quit Stockroom", inLegend: false)) }
    return bindings
  }
}
