import Foundation
import StockroomDomain
import StockroomStore
import TerminalUI
import Testing

@testable import Wizards

/// Drafts keep answers by name, not keys: a draft reopens the wizard at the
/// same step and control with the same answers, a stale pick is named, an
/// older format is refused, and a record missing a newer field still opens.
@Suite(.serialized) struct DraftTests {
  /// An app fed keys exactly as the terminal loop feeds it.
  struct Session {
    var app: App

    init(context: AppContext) {
      app = App(home: Home.screen(), size: .minimum, context: context)
    }

    mutating func press(_ keys: [Key]) {
      for key in keys {
        app.handle(key)
        app.runPendingCommit()
      }
    }

    mutating func type(_ text: String) { press(text.map { Key.character($0) }) }

    func draft() -> Draft? {
      app.draft(
        id: "0123456789ab", user: "jdoe", uid: 1001, createdAt: "2026-11-22T09:00:00Z",
        updatedAt: "2026-11-22T09:05:00Z")
    }
  }

  /// Home → Fabrikam's RB-1 wizard, Search, one serial moved, a reference typed.
  static func hardwareDraft(_ session: inout Session) {
    session.press([.enter])
    session.type("Fabrikam")
    session.press([.enter] + Array(repeating: .right, count: 5) + [.enter])
    session.press([.tab, .enter, .tab, .character(" "), .right, .tab, .tab, .enter])
    session.press([.tab, .tab])
    session.type("RMA-77")
  }

  /// Two drafts of the hardware wizard, `aaaaaaaaaaaa` and `bbbbbbbbbbbb`.
  static func twoDrafts(_ context: AppContext) throws -> (Draft, Draft) {
    var session = Session(context: context)
    hardwareDraft(&session)
    var first = try #require(session.draft())
    first.id = "aaaaaaaaaaaa"
    var second = first
    second.id = "bbbbbbbbbbbb"
    return (first, second)
  }

  @Test func resumeOpensTheSameStepControlAndAnswers() throws {
    let context = try DemoFixture.context()
    var session = Session(context: context)
    Self.hardwareDraft(&session)
    let draft = try #require(session.draft())
    #expect(draft.position == "Step 2 of 3 · Reference")
    #expect(draft.wizard.kind == "deallocate")
    #expect(draft.wizard.step == .string("reference"))
    let record = try #require(draft.wizard.record.decode(DeallocationRecord.self))
    #expect(record.reference == "RMA-77")
    #expect(record.serials == ["RB1-1100828"])
    let encoded = try #require(draft.encoded())
    let loaded = try #require(Draft.decode(encoded))
    #expect(loaded == draft)

    var resumed = App(home: Home.screen(), size: .minimum, context: context)
    #expect(resumed.resume(loaded) == nil)
    #expect(resumed.current.position == "Step 2 of 3 · Reference")
    let screen = try #require(resumed.current as? WizardScreen<DeallocationFlow>)
    let original = try #require(session.app.current as? WizardScreen<DeallocationFlow>)
    #expect(screen.place == original.place)
    #expect(screen.commitKey == original.commitKey)
    #expect(screen.flow.record(of: screen.answers) == record)
    // The wizard's own frame is the same; only the breadcrumb above it is shorter.
    let body = { (app: App) in app.render().buffer.text.split(separator: "\n").dropFirst() }
    #expect(body(resumed) == body(session.app))
  }

  @Test func aResumeNeverCommitsAndAConfirmAfterItIsAppliedOnce() throws {
    let context = try DemoFixture.context()
    let store = try #require(context.store)
    var session = Session(context: context)
    Self.hardwareDraft(&session)
    let draft = try #require(session.draft())
    let before = store.lastSequence
    var resumed = App(home: Home.screen(), size: .minimum, context: context)
    #expect(resumed.resume(draft) == nil)
    #expect(resumed.pendingCommit == nil)
    #expect(store.lastSequence == before)
    // Confirm in the original session, then in the resumed one: the same key, one transaction.
    // Comment, Reason, then Next and Confirm.
    session.press([.tab, .tab, .tab, .enter, .enter])
    #expect(session.app.current.position == "Done")
    for key in [Key.tab, .tab, .tab, .enter, .enter] {
      resumed.handle(key)
      resumed.runPendingCommit()
    }
    #expect(store.lastSequence == before + 1)
  }

  @Test func noDraftAtHomeOrAfterACommit() throws {
    let context = try DemoFixture.context()
    var session = Session(context: context)
    session.press([.down, .up])
    #expect(session.draft() == nil)
    Self.hardwareDraft(&session)
    #expect(session.draft() != nil)
    session.press([.enter, .enter, .enter, .enter, .enter])
    #expect(session.app.current.position == "Done")
    #expect(session.draft() == nil)
  }

  @Test func aPickTakenMeanwhileIsNamedOnResume() throws {
    let context = try DemoFixture.context()
    var session = Session(context: context)
    Self.hardwareDraft(&session)
    let draft = try #require(session.draft())
    let store = try #require(context.store as? FileStore)
    let other = try DemoFixture.secondSession(of: store)
    _ = try other.commit(
      .deallocateHardware(
        account: "ACC-0002", serials: ["RB1-1100828"], disposition: .return, container: nil),
      context: TransactionContext(user: "other", uid: 1002, reference: "", comment: ""))
    var resumed = App(home: Home.screen(), size: .minimum, context: context)
    resumed.refresh()
    #expect(resumed.resume(draft) == nil)
    let notice = try #require(resumed.current as? ResumeNotice)
    #expect(notice.message.contains("RB1-1100828"), "\(notice.message)")
    resumed.handle(.enter)
    let screen = try #require(resumed.current as? WizardScreen<DeallocationFlow>)
    #expect(screen.answers.pickList?.rightItems == [])
    #expect(screen.answers.reference.text == "RMA-77")
  }

  /// A draft written before a control was added (its record lacks the newer
  /// field) resumes to the same answers; the new control takes its default.
  @Test func aDraftFixtureWithoutANewerFieldResumes() throws {
    let context = try DemoFixture.context()
    let url = try #require(
      Bundle.module.url(forResource: "draft-deallocate-v2", withExtension: "json"))
    let data = try Data(contentsOf: url)
    let draft = try #require(Draft.decode(data))
    let record = try #require(draft.wizard.record.decode(DeallocationRecord.self))
    #expect(record.marked == nil, "the fixture predates the marks")
    var app = App(home: Home.screen(), size: .minimum, context: context)
    #expect(app.resume(draft) == nil)
    let screen = try #require(app.current as? WizardScreen<DeallocationFlow>)
    #expect(screen.step == .reference)
    #expect(screen.focusedControl == .field(.comment))
    #expect(screen.answers.pickList?.rightItems == ["RB1-1100828", "RB1-1100839"])
    #expect(screen.answers.dispositionValue == .faulty)
    #expect(screen.answers.reference.text == "RMA-12")
    #expect(screen.answers.comment.text == "dropped in transit")
  }

  @Test func anOlderFormatIsRefusedNeverReplayed() throws {
    let keys = Data(
      #"{"format":1,"id":"aaaaaaaaaaaa","breadcrumb":["Stockroom","Accounts"],"events":["k:enter"]}"#
        .utf8)
    guard case .refused(let id, _, let reason) = Draft.read(keys) else {
      Issue.record("a format-1 draft was accepted")
      return
    }
    #expect(id == "aaaaaaaaaaaa")
    #expect(reason.contains("older Stockroom"))
    #expect(Draft.decode(keys) == nil)
    guard case .refused = Draft.read(Data("not json".utf8)) else {
      Issue.record("garbage was accepted")
      return
    }
  }

  @Test func anUnknownWizardOrRecordFormatIsRefused() throws {
    let context = try DemoFixture.context()
    var session = Session(context: context)
    Self.hardwareDraft(&session)
    var draft = try #require(session.draft())
    draft.wizard.recordFormat = 99
    var app = App(home: Home.screen(), size: .minimum, context: context)
    #expect(app.resume(draft)?.message.contains("older format") == true)
    draft.wizard.kind = "teleport"
    #expect(app.resume(draft) != nil)
    #expect(app.stack.count == 1)
  }

  @Test func resumeScreenChoosesDiscardsAndStartsFresh() throws {
    let context = try DemoFixture.context()
    let (first, second) = try Self.twoDrafts(context)
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
    var session = Session(context: context)
    Self.hardwareDraft(&session)
    var older = try #require(session.draft())
    older.id = "aaaaaaaaaaaa"
    older.updatedAt = "2026-11-21T17:40:00Z"
    let newer = try #require(session.draft())
    var prompt = App(
      home: ResumeScreen(drafts: [newer, older]), size: .minimum, context: context)
    ScreenSnapshot.check(prompt.render().buffer, "drafts/01-resume")
    prompt.handle(.down)
    prompt.handle(.character("d"))
    ScreenSnapshot.check(prompt.render().buffer, "drafts/02-discarded")
    var resumed = App(home: Home.screen(), size: .minimum, context: context)
    #expect(resumed.resume(older) == nil)
    resumed.carryOut(
      .push(
        ResumeNotice(
          message: "deallocate: RB1-1100828 no longer allocated and unused here; removed")))
    ScreenSnapshot.check(resumed.render().buffer, "drafts/03-picks-changed")
    // The notice is no part of a draft saved while it shows.
    #expect(resumed.draft(id: "x", user: "", uid: 0, createdAt: "", updatedAt: "") != nil)
  }
}
