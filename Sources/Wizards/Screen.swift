import Foundation
import StockroomDomain
import TerminalUI

/// What a screen asks the runtime to do after a key. Screens stay pure: they
/// never open files or talk to the terminal, they return one of these.
public enum Effect {
  /// Nothing beyond the screen's own new state. Esc that ends in `.none`
  /// leaves the screen (asking first when answers would be lost).
  case none
  /// The screen used the key itself (Esc stepped back inside a wizard, or
  /// cleared a filter): the runtime does nothing more.
  case stay
  /// Open another screen on top of this one.
  case push(any Screen)
  /// Close this screen and go back to the one below.
  case pop
  /// Close this screen and put another in its place.
  case replace(any Screen)
  /// Close every screen above the home screen.
  case popToHome
  /// Leave Stockroom.
  case quit
  /// Commit a change through the store; the runtime hands the outcome back
  /// to the screen with `committed(_:)`.
  case commit(PendingCommit)
  /// Create the demo data set in the (empty) data directory, then go home.
  /// The executable creates it and hands the store to `App.demoDataCreated(_:)`.
  case createDemoData
  /// Read a file (the Ctrl-O prompt's Enter); the runtime hands the bytes or
  /// the failure back to the screen with `fileRead(_:context:)`.
  case readFile(FileRequest)
  /// Write a report export into the data directory's `exports/` (files 0600); the runtime
  /// hands where it went, or why not, back with `exported(_:context:)`.
  case export(ReportExport)
}

/// A change a screen asks the runtime to commit: the domain command and the
/// words that go with it, as a value. The runtime adds who and when, and
/// commits it through the store under `key`, so a retry is never applied twice.
public struct PendingCommit: Sendable {
  public var command: Command
  public var reference: String
  public var comment: String
  public var performedBy: String?
  public var key: String
  /// What an allocation bills, recorded on its transaction.
  public var billing: Billing?
  /// A returns bench session, committed instead of `command` as one group: one
  /// `deallocate-hardware` transaction per account, all or none, with a receipt each.
  public var returns: ReturnsSession?
  /// Why the tokens of a deallocation came back, when the wizard was told.
  public var returnReason: ReturnReason?

  public init(
    command: Command, reference: String = "", comment: String = "", performedBy: String? = nil,
    key: String, billing: Billing? = nil, returns: ReturnsSession? = nil,
    returnReason: ReturnReason? = nil
  ) {
    self.command = command
    self.reference = reference
    self.comment = comment
    self.performedBy = performedBy
    self.key = key
    self.billing = billing
    self.returns = returns
    self.returnReason = returnReason
  }
}

/// The answer to a commit: the committed transaction, or a refusal in words.
public enum CommitOutcome: Sendable, Equatable {
  case committed(Transaction)
  case refused(String)
  case conflict(String)
}

/// One screen of Stockroom: its state, how keys change it, and how it looks.
/// The runtime draws the frame around it (breadcrumb, status line, legend)
/// and handles help, the too-small message and leaving with answers.
public protocol Screen {
  /// The last part of the breadcrumb, e.g. "Accounts".
  var title: String { get }
  /// Shown on the right of the top line, e.g. "Step 2 of 3 · Reference".
  var position: String { get }
  /// What F1 shows: a few paragraphs about this screen.
  var help: String { get }
  /// The keys of this screen, for the legend and the help overlay.
  var keyBindings: [KeyBinding] { get }
  /// True while leaving would lose answers, so Esc and Ctrl-C ask first.
  var hasAnswers: Bool { get }
  /// True while a text field has focus: `?` and `q` are then characters.
  var isEditingText: Bool { get }
  /// True while long work runs (a report over the whole ledger): Esc and Ctrl-C go to the
  /// screen, which cancels the work, instead of leaving.
  var isWorking: Bool { get }
  /// A line under the body: why Next is refused, a hint, a result.
  var status: StatusLine? { get }

  /// Handles a key. Esc that the screen ignores steps back.
  mutating func update(_ key: Key, context: AppContext) -> Effect
  /// Draws the body of the screen into `rect`.
  func view(into buffer: inout Buffer, in rect: Rect, context: AppContext)
  /// Where the terminal's cursor belongs (a text field), if anywhere.
  func cursor(in rect: Rect) -> Point?
  /// Receives the outcome of a commit this screen asked for.
  mutating func committed(_ outcome: CommitOutcome, context: AppContext)
  /// Receives the file this screen asked to read (`Effect.readFile`).
  mutating func fileRead(_ read: FileRead, context: AppContext)
  /// Receives where the export this screen asked for went (`Effect.export`).
  mutating func exported(_ outcome: ReportExport.Outcome, context: AppContext)
  /// Called when the screen comes back on top, or when other sessions'
  /// commits arrived: recompute what was derived from the store.
  mutating func refreshed(context: AppContext)
  /// A barcode scan arrived; true when the screen took it (a pick list's
  /// scan field). Otherwise the runtime types it as characters and Enter.
  mutating func scanned(_ text: String, context: AppContext) -> Bool
  /// Does a little of any work left running in the background (a long
  /// filter), between key polls; true when it did some (draw again).
  mutating func idle(context: AppContext) -> Bool
  /// True for a key the screen handles itself before anything else (Esc
  /// closing a preview it shows): the runtime then does not ask to leave.
  func takesKey(_ key: Key) -> Bool
  /// How many times the terminal bell should ring for what the last key or scan did (a
  /// refused scan at the returns bench), taken: the count is zero afterwards.
  mutating func takeBells() -> Int
}

/// A message for the status line, with how much it matters.
public struct StatusLine: Hashable, Sendable {
  public enum Kind: Hashable, Sendable { case info, error, success }
  public var text: String
  public var kind: Kind

  public init(_ text: String, kind: Kind = .info) {
    self.text = text
    self.kind = kind
  }

  public var style: Style {
    switch kind {
    case .info: return .plain
    case .error: return .error
    case .success: return .success
    }
  }
}

extension Screen {
  public var position: String { "" }
  public var hasAnswers: Bool { false }
  public var isEditingText: Bool { false }
  public var isWorking: Bool { false }
  public var status: StatusLine? { nil }
  public func cursor(in rect: Rect) -> Point? { nil }
  public mutating func committed(_ outcome: CommitOutcome, context: AppContext) {}
  public mutating func fileRead(_ read: FileRead, context: AppContext) {}
  public mutating func exported(_ outcome: ReportExport.Outcome, context: AppContext) {}
  public mutating func refreshed(context: AppContext) {}
  public mutating func scanned(_ text: String, context: AppContext) -> Bool { false }
  public mutating func idle(context: AppContext) -> Bool { false }
  public func takesKey(_ key: Key) -> Bool { false }
  public mutating func takeBells() -> Int { 0 }
}
