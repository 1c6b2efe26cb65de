import TerminalUI

/// Keeps the events since the screens were last at home, so the runtime can
/// save them as a draft: the keys handled at home (they rebuild the home
/// screen's state) and those since leaving it. Going home drops the wizard's
/// part; a successful commit pauses recording until the screens are home again.
public struct DraftRecorder: Sendable {
  public private(set) var events: [DraftEvent]
  public private(set) var homeEvents: Int
  /// After a commit: nothing to save until the stack is home again.
  public private(set) var paused: Bool
  /// Too many events or a start above home: never a draft in this session.
  public private(set) var disabled = false
  /// Bumped on every change, so the runtime knows when to save.
  public private(set) var revision = 0
  public static let limit = 200_000

  /// Starts with the app's size; a session opened above home (`--interactive`)
  /// records nothing until it is back home.
  public init(app: App) {
    events = [.key(.resize(app.size))]
    homeEvents = 1
    paused = app.stack.count > 1
  }

  /// Continues a resumed draft after its replay (the terminal's size last).
  public init(resuming draft: Draft, app: App) {
    events = draft.events + [.key(.resize(app.size))]
    homeEvents = min(draft.homeEvents, draft.events.count)
    paused = false
    if app.stack.count == 1 { homeEvents = events.count }
  }

  /// Notes a key the app handled (`wasHome`: the stack was at home before it)
  /// and the outcome of the commit it caused, if any.
  public mutating func record(_ key: Key, wasHome: Bool, outcome: CommitOutcome?, app: App) {
    guard !disabled else { return }
    let isHome = app.stack.count == 1
    if paused {
      if isHome {
        paused = false
        events.removeSubrange(homeEvents...)
        revision += 1
      }
      return
    }
    events.append(.key(key))
    if let outcome {
      if case .committed = outcome { paused = true } else { events.append(.outcome(outcome)) }
    }
    if isHome {
      if wasHome { homeEvents = events.count } else { events.removeSubrange(homeEvents...) }
    }
    if events.count > Self.limit { disabled = true }
    revision += 1
  }

  /// True when the screens hold answers a draft should keep.
  public func wantsDraft(_ app: App) -> Bool {
    !disabled && !paused && app.stack.count > 1 && app.stack.contains(where: \.hasAnswers)
  }

  /// The draft of the app as it stands.
  public func draft(
    id: String, user: String, uid: UInt32, createdAt: String, updatedAt: String, app: App
  ) -> Draft {
    Draft(
      id: id, user: user, uid: uid, createdAt: createdAt, updatedAt: updatedAt,
      breadcrumb: app.draftScreens.map(\.title), position: app.draftScreens.last?.position ?? "",
      summary: app.draftSummary, homeEvents: homeEvents, events: events)
  }
}
