import Foundation
import StockroomDomain
import StockroomStore
import TerminalUI
import Testing

@testable import Wizards

/// Drafts: keys recorded since home, replayed from home without committing,
/// landing on the same step with the same answers; a stale pick is noticed.
@Suite(.serialized) struct DraftTests {
  /// An app with a recorder fed exactly as the terminal loop feeds it.
  struct Recording {
    var app: App
    var recorder: DraftRecorder

    init(context: AppContext) {
      app = App(home: Home.screen(), size: .minimum, context: context)
      recorder = DraftRecorder(app: app)
    }

    mutating func press(_ keys: [Key]) {
      for key in keys {
        let wasHome = app.stack.count == 1
        app.handle(key)
        let outcome = app.runPendingCommit()
        recorder.record(key, wasHome: wasHome, outcome: outcome, app: app)
      }
    }

    mutating func type(_ text: String) { press(text.map { Key.character($0) }) }

    func draft() -> Draft {
      recorder.draft(
        id: "0123456789ab", user: "jdoe", uid: 1001, createdAt: "2026-11-22T09:00:00Z",
        updatedAt: "2026-11-22T09:05:00Z", app: app)
    }
  }

  /// Home → Fabrikam's RB-1 wizard, Search, one serial moved, a reference typed.
  static func hardwareDraft(_ recording: inout Recording) {
    recording.press([.enter])
    recording.type("Fabrikam")
    recording.press([.enter] + Array(repeating: .right, count: 5) + [.enter])
    recording.press([.tab, .enter, .tab, .character(" "), .right, .tab, .tab, .enter])
    recording.press([.tab, .tab])
    recording.type("RMA-77")
  }

  @Test func keysRoundTripAsTokens() throws {
    let keys: [Key] = [
      .character("a"), .character(" "), .character(":"), .character("é"), .up, .pageDown,
      .backTab, .function(12), .control("c"), .mouse(Mouse(.wheelDown, x: 3, y: 40)),
      .paste("two\nlines \u{1B}[31m"), .scan("RB1-1100828"), .resize(Size(width: 132, height: 50)),
      .insert, .delete, .escape,
    ]
    for key in keys { #expect(Key(token: key.token) == key, "\(key)") }
    let events =
      keys.map(DraftEvent.key) + [.outcome(.conflict("taken: S1")), .outcome(.refused("no"))]
    let data = try JSONEncoder().encode(events)
    #expect(try JSONDecoder().decode([DraftEvent].self, from: data) == events)
    #expect(Key(token: "f:99") == nil)
    #expect(Key(token: "c:ab") == nil)
    #expect(Key(token: "r:80") == nil)
    #expect(Key(token: "nonsense") == nil)
  }

  @Test func replayLandsOnTheSameStepWithTheSameAnswers() throws {
    let context = try DemoFixture.context()
    var recording = Recording(context: context)
    Self.hardwareDraft(&recording)
    #expect(recording.recorder.wantsDraft(recording.app))
    let draft = recording.draft()
    #expect(draft.position == "Step 2 of 3 · Reference")
    #expect(draft.summary.contains("reference: RMA-77"))
    #expect(draft.summary.contains("deallocate: RB1-1100828"))
    let saved = try #require(draft.encoded())
    let loaded = try #require(Draft.decode(saved))
    #expect(loaded == draft)

    var resumed = App(home: Home.screen(), size: .minimum, context: context)
    resumed.replay(loaded.events)
    #expect(resumed.current.position == "Step 2 of 3 · Reference")
    #expect(resumed.draftSummary == draft.summary)
    #expect(resumed.render().buffer.text == recording.app.render().buffer.text)
    #expect(
      DraftComparison.differences(saved: draft.summary, replayed: resumed.draftSummary) == nil)
  }

  @Test func aReplayNeverCommits() throws {
    let context = try DemoFixture.context()
    let store = try #require(context.store)
    let before = store.lastSequence
    var events: [DraftEvent] = [.key(.resize(.minimum)), .key(.enter)]
    events += "Fabrikam".map { .key(.character($0)) }
    events += [.enter, .right, .right, .right, .right, .right, .enter].map(DraftEvent.key)
    events += [.tab, .enter, .tab, .character(" "), .right, .tab, .tab, .enter].map(DraftEvent.key)
    // Next on Reference, then Confirm.
    events += [.enter, .enter, .enter, .enter, .enter, .enter].map(DraftEvent.key)
    var app = App(home: Home.screen(), size: .minimum, context: context)
    app.replay(events)
    #expect(app.pendingCommit == nil)
    #expect(store.lastSequence == before)
    #expect(app.current.position.contains("Confirm"))
  }

  @Test func goingHomeDropsTheWizardAndACommitPauses() throws {
    let context = try DemoFixture.context()
    var recording = Recording(context: context)
    recording.press([.down, .up])
    #expect(recording.recorder.homeEvents == 3)
    Self.hardwareDraft(&recording)
    #expect(recording.recorder.events.count > 20)
    recording.press([.control("c"), .character("y")])
    #expect(recording.app.isFinished)
    var second = Recording(context: context)
    Self.hardwareDraft(&second)
    // Next, Next, Confirm: committed, so nothing is kept until home.
    second.press([.enter, .enter, .enter, .enter])
    #expect(second.app.current.position == "Done")
    #expect(second.recorder.paused)
    #expect(!second.recorder.wantsDraft(second.app))
    for _ in 0..<6 where second.app.stack.count > 1 { second.press([.escape]) }
    #expect(second.app.stack.count == 1)
    #expect(second.recorder.homeEvents == 1)
    #expect(!second.recorder.paused)
    #expect(second.recorder.events.count == second.recorder.homeEvents)
  }

  @Test func aPickTakenMeanwhileIsNamedOnResume() throws {
    let context = try DemoFixture.context()
    var recording = Recording(context: context)
    Self.hardwareDraft(&recording)
    let draft = recording.draft()
    let store = try #require(context.store as? FileStore)
    let other = try DemoFixture.secondSession(of: store)
    _ = try other.commit(
      .deallocateHardware(
        account: "ACC-0002", serials: ["RB1-1100828"], disposition: .return, container: nil),
      context: TransactionContext(user: "other", uid: 1002, reference: "", comment: ""))
    var resumed = App(home: Home.screen(), size: .minimum, context: context)
    resumed.refresh()
    resumed.replay(draft.events)
    let changes = try #require(
      DraftComparison.differences(saved: draft.summary, replayed: resumed.draftSummary))
    #expect(changes.contains("deallocate: RB1-1100828 →"), "\(changes)")
  }

  @Test func resumeScreenChoosesDiscardsAndStartsFresh() throws {
    let context = try DemoFixture.context()
    var recording = Recording(context: context)
    Self.hardwareDraft(&recording)
    var first = recording.draft()
    first.id = "aaaaaaaaaaaa"
    var second = first
    second.id = "bbbbbbbbbbbb"
    var screen = ResumeScreen(drafts: [first, second])
    _ = screen.update(.character("d"), context: context)
    #expect(screen.discarded == ["aaaaaaaaaaaa"])
    #expect(screen.decision == nil)
    guard case .quit = screen.update(.enter, context: context) else {
      Issue.record("Enter did not end the prompt")
      return
    }
    #expect(screen.decision == .resume(second))
    var fresh = ResumeScreen(drafts: [first])
    _ = fresh.update(.character("n"), context: context)
    #expect(fresh.decision == .startFresh)
  }

  @Test func resumeScreens() throws {
    let context = try DemoFixture.context()
    var recording = Recording(context: context)
    Self.hardwareDraft(&recording)
    var older = recording.draft()
    older.id = "aaaaaaaaaaaa"
    older.updatedAt = "2026-11-21T17:40:00Z"
    var prompt = App(
      home: ResumeScreen(drafts: [recording.draft(), older]), size: .minimum, context: context)
    ScreenSnapshot.check(prompt.render().buffer, "drafts/01-resume")
    prompt.handle(.down)
    prompt.handle(.character("d"))
    ScreenSnapshot.check(prompt.render().buffer, "drafts/02-discarded")
    var resumed = App(home: Home.screen(), size: .minimum, context: context)
    resumed.replay(recording.draft().events)
    resumed.carryOut(
      .push(
        ResumeNotice(
          message: "list quantity: 2 → 1; deallocate: RB1-1100828 → RB1-1100839")))
    ScreenSnapshot.check(resumed.render().buffer, "drafts/03-picks-changed")
    // The notice is no part of a draft saved while it shows.
    #expect(resumed.draftSummary == recording.draft().summary)
  }
}
