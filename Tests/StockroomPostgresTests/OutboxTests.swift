import Foundation
import Glibc
import StockroomDomain
import TestSupport
import Testing

@testable import StockroomStore

/// The outbox's delivery states: a commit only posts its mail; a pass delivers it, notes a
/// failure and leaves the message for the next pass (another process, `outbox deliver`); a
/// sendmail that hangs is stopped and ends the pass; the courier does it all off the caller.
/// The outbox is this machine's data directory whichever store posted to it: the commit that
/// posts runs on both stores, the passes on the file store's mail.
@Suite(.serialized) struct OutboxTests {
  @Test(.postgres) func theDatabaseCasesRun() throws { try StoreKind.reachTheServer() }

  static let at = "2026-11-22T09:00:00Z"

  /// A demo store with two order steps committed: ORD-000002 rejected (one message),
  /// ORD-000005 cancelled (one message); the session that committed them.
  func storeWithMail(_ kind: StoreKind = .file) throws -> (StoreUnderTest, any LedgerStore) {
    let demo = try StoreUnderTest(
      kind, demoTokens: 100, now: Date(timeIntervalSince1970: 1_795_338_000))
    let store = try demo.open()
    let context = TransactionContext(user: "tester", uid: 1_000)
    _ = try store.commit(
      .order(.step(.reject, order: "ORD-000002", actor: "EMP-0001", at: Self.at, comment: "No")),
      context: context, key: "reject")
    _ = try store.commit(
      .order(.step(.cancel, order: "ORD-000005", actor: "EMP-0004", at: Self.at, comment: "")),
      context: context, key: "cancel")
    return (demo, store)
  }

  /// A sendmail script in `url` running `body`, as `STOCKROOM_SENDMAIL` names it: run by
  /// `/bin/sh`, so no test execs a file another thread's fork may still hold open for writing.
  func script(_ url: URL, _ name: String, _ body: String) throws -> String {
    let path = url.path + "/" + name
    try "\(body)\n".write(toFile: path, atomically: true, encoding: .utf8)
    return "/bin/sh " + path
  }

  func outbox(_ url: URL, _ environment: [String: String]) -> Outbox {
    Outbox(directory: url.path, environment: environment)
  }

  @Test(arguments: StoreKind.available)
  func aCommitPostsAndAPassDelivers(kind: StoreKind) throws {
    let (demo, store) = try storeWithMail(kind)
    defer { demo.remove() }
    let url = demo.directory
    #expect(store.posted.count == 2)
    let quiet = outbox(url, [:])
    #expect(quiet.deliveries().map(\.state) == [.pending, .pending])
    #expect(quiet.deliveries(order: "ORD-000002").map(\.milestone) == ["rejected"])
    #expect(quiet.deliveries(order: "ORD-000002").first?.to == ["marcus.lee@contoso.example"])

    // Without STOCKROOM_SENDMAIL nothing moves.
    #expect(quiet.deliver().waiting.count == 2)

    let sent = url.path + "/sent.log"
    let ok = try script(url, "ok.sh", "cat >> \(sent)")
    let report = outbox(url, ["STOCKROOM_SENDMAIL": ok]).deliver(first: store.posted)
    #expect(report.delivered == store.posted)
    #expect(report.problems.isEmpty)
    #expect(quiet.deliveries().map(\.state) == [.delivered, .delivered])
    #expect(quiet.deliveries(states: [.pending, .failed]).isEmpty)
    let cur = quiet.names(in: url.path + "/outbox/cur")
    #expect(cur.count == 2 && cur.allSatisfy { $0.hasSuffix(":2,P") })
    let log = try String(contentsOfFile: sent, encoding: .utf8)
    #expect(log.contains("X-Stockroom-Milestone: rejected"))
    #expect(log.contains("X-Stockroom-Milestone: cancelled"))
  }

  @Test func aFailureIsNotedAndTheNextPassRetriesIt() throws {
    let (demo, _) = try storeWithMail()
    defer { demo.remove() }
    let url = demo.directory
    let failing = try script(url, "fail.sh", "echo 'relay refused' >&2; exit 75")
    let first = outbox(url, ["STOCKROOM_SENDMAIL": failing]).deliver()
    #expect(first.failed.count == 2)
    #expect(first.problems.first?.contains("failed with status 75: relay refused") == true)
    #expect(first.problems.first?.contains("the message stays in the outbox") == true)
    var mail = outbox(url, [:]).deliveries()
    #expect(mail.map(\.state) == [.failed, .failed])
    #expect(mail.map(\.attempts) == [1, 1])
    #expect(mail.first?.error?.hasSuffix("failed with status 75: relay refused") == true)
    #expect(outbox(url, [:]).deliveries(states: [.failed]) == mail)

    _ = outbox(url, ["STOCKROOM_SENDMAIL": failing]).deliver()
    #expect(outbox(url, [:]).deliveries().map(\.attempts) == [2, 2])

    // A later process (a new store and outbox on the same directory) delivers them.
    let reopened = try demo.open()
    var environment: [String: String] = [:]
    environment["STOCKROOM_SENDMAIL"] = try script(url, "ok.sh", "cat > /dev/null")
    var later = reopened.outbox
    later.environment = environment
    #expect(later.deliver().delivered.count == 2)
    mail = later.deliveries()
    #expect(mail.map(\.state) == [.delivered, .delivered])
    #expect(mail.allSatisfy { $0.error == nil && $0.attempts == 0 })
    #expect(later.names(in: url.path + "/outbox/failed").isEmpty)
  }

  @Test func aSendmailThatHangsIsStoppedAndEndsThePass() throws {
    let (demo, _) = try storeWithMail()
    defer { demo.remove() }
    let url = demo.directory
    let started = url.path + "/started"
    let hang = try script(url, "hang.sh", "echo $$ > \(started); sleep 60")
    let environment = ["STOCKROOM_SENDMAIL": hang, "STOCKROOM_SENDMAIL_TIMEOUT": "0.5"]
    let clock = Date()
    let report = outbox(url, environment).deliver()
    let took = Date().timeIntervalSince(clock)
    #expect(took < 5, "took \(took) s")
    #expect(report.failed.count == 1)
    #expect(report.waiting.count == 1)
    #expect(report.problems.first?.contains("took more than 0.5 s and was stopped") == true)
    #expect(report.problems.last == "1 more message left in the outbox for the next try")
    #expect(
      outbox(url, [:]).deliveries().map(\.state).sorted { $0.rawValue < $1.rawValue } == [
        .failed, .pending,
      ])
    // The script and its sleep were stopped with their process group.
    let pid =
      pid_t(
        (try String(contentsOfFile: started, encoding: .utf8))
          .trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    #expect(pid > 0 && kill(pid, 0) != 0)
  }

  @Test func aMessageHeldByAnotherProcessIsLeftToIt() throws {
    let (demo, store) = try storeWithMail()
    defer { demo.remove() }
    let url = demo.directory
    let held = url.path + "/outbox/new/" + store.posted[0]
    let fd = open(held, O_RDONLY)
    defer { close(fd) }
    #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
    let ok = try script(url, "ok.sh", "cat > /dev/null")
    let report = outbox(url, ["STOCKROOM_SENDMAIL": ok]).deliver()
    #expect(report.waiting == [store.posted[0]], "\(report)")
    #expect(report.delivered == [store.posted[1]], "\(report)")
  }

  @Test func theCourierNeverHoldsTheCaller() throws {
    let (demo, _) = try storeWithMail()
    defer { demo.remove() }
    let url = demo.directory
    let hang = try script(url, "hang.sh", "sleep 60")
    let environment = ["STOCKROOM_SENDMAIL": hang, "STOCKROOM_SENDMAIL_TIMEOUT": "1"]
    let clock = Date()
    let courier = MailCourier(outbox: outbox(url, environment))
    courier.deliver()
    #expect(courier.takeFailures() == nil)
    let returned = Date().timeIntervalSince(clock)
    #expect(returned < 0.5, "took \(returned) s")
    var failures: [MailDelivery]?
    let deadline = Date().addingTimeInterval(20)
    while failures == nil && Date() < deadline {
      failures = courier.takeFailures()
      usleep(20_000)
    }
    #expect(failures?.count == 1)
    #expect(failures?.first?.error?.contains("took more than 1 s") == true)
    courier.finish()
  }
}
