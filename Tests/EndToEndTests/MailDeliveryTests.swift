import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Order mail off the key loop, in a real terminal: with a `STOCKROOM_SENDMAIL` that hangs,
/// Confirm returns at once and keys keep working while it hangs; the hung sendmail is stopped
/// at the timeout and the failure shows on the order; the next commit delivers it.
@Suite(.serialized) struct MailDeliveryTests {
  typealias Run = TerminalLifecycleTests.Run

  func press(_ run: Run, _ key: String, times: Int = 1) {
    for _ in 0..<times { run.session.send(key) }
  }

  /// Waits for `text`, failing when it takes longer than `seconds`; how long it took.
  func timed(_ run: Run, _ text: String, within seconds: Double) throws -> Double {
    let start = Date()
    try run.session.waitFor(text, timeout: seconds)
    return Date().timeIntervalSince(start)
  }

  /// The pid a file holds, once the file is there.
  func pid(in path: String, timeout: Double = 10) throws -> pid_t {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if let text = try? String(contentsOfFile: path, encoding: .utf8),
        let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))
      {
        return pid
      }
      usleep(20_000)
    }
    throw E2EError("\(path) never written")
  }

  @Test func aHangingSendmailNeverHoldsTheScreen() throws {
    let scratch = NSTemporaryDirectory() + "stockroom-mail-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    // The first message hangs (60 s); every later one is taken at once.
    let script = scratch + "/sendmail.sh"
    try """
    if [ -e \(scratch)/hung ]; then cat >> \(scratch)/sent.log; exit 0; fi
    echo $$ > \(scratch)/hung
    sleep 60
    """.write(toFile: script, atomically: true, encoding: .utf8)
    // Run by /bin/sh: no process execs a file a fork elsewhere may still hold open to write.
    let run = try Run(
      environment: [
        "LANG": "C.UTF-8", "STOCKROOM_SENDMAIL": "/bin/sh " + script,
        "STOCKROOM_SENDMAIL_TIMEOUT": "8",
      ])
    defer {
      run.session.close()
      try? FileManager.default.removeItem(atPath: run.dataDir)
      try? FileManager.default.removeItem(atPath: scratch)
    }
    try run.session.waitFor("Wireless orders")
    press(run, "Down", times: 2)
    press(run, "Enter")
    try run.session.waitFor("Acting as Sam Okafor")
    press(run, "n")
    try run.session.waitFor("Step 1 of 3")
    press(run, "Down", times: 15)  // Suspend line
    press(run, "Enter")
    press(run, "Enter")
    try run.session.waitFor("Step 2 of 3")
    press(run, "Right", times: 6)  // 312-555-0107
    press(run, "Tab")
    press(run, "Tab")
    press(run, "Enter")
    try run.session.waitFor("Step 3 of 3")

    // Confirm: the result is on screen at once, though the sendmail hangs.
    press(run, "Enter")
    let confirmed = try timed(run, "Order ORD-000006 submitted (T", within: 2)
    let hung = try pid(in: scratch + "/hung")
    print("Confirm → result on screen: \(Int(confirmed * 1000)) ms")

    // Keys keep working while it hangs: back to the list, into the order, out and in again.
    var moved: [Double] = []
    press(run, "Enter")
    moved.append(try timed(run, "ORD-000006 Suspend line", within: 2))
    press(run, "Home")
    press(run, "Enter")
    moved.append(try timed(run, "Order ORD-000006", within: 2))
    press(run, "Escape")
    moved.append(try timed(run, "Acting as Sam Okafor", within: 2))
    press(run, "Enter")
    moved.append(try timed(run, "Order ORD-000006", within: 2))
    print("keys while the sendmail hangs: \(moved.map { Int($0 * 1000) }) ms")
    #expect(kill(hung, 0) == 0, "the sendmail should still be hanging")

    // At the timeout the sendmail is stopped and the failure shows on the order.
    let failed = try run.session.waitFor(
      "Mail failed: Approval needed to priya.raman@contoso.example", timeout: 30)
    #expect(failed.contains("sendmail /bin/sh took more than 8 s and was stopped"))
    #expect(kill(hung, 0) != 0, "the hung sendmail should have been stopped")
    var env = ProcessInfo.processInfo.environment
    env["STOCKROOM_DATA_DIR"] = run.dataDir
    let shown = Spawn.run([Binary.path, "order", "show", "ORD-000006", "--json"], environment: env)
    #expect(shown.output.contains(#""milestone":"approval-needed""#), "\(shown.output)")
    #expect(shown.output.contains(#""state":"failed","attempts":1,"error":"sendmail "#))
    #expect(shown.output.contains(#""milestone":"submitted""#))
    #expect(shown.output.contains(#""state":"pending","attempts":0,"error":null"#))

    // The next commit (a cancel) delivers it, the one left waiting and its own.
    press(run, "c")
    try run.session.waitFor("Cancelled · ORD-000006")
    press(run, "Enter")
    try run.session.waitFor("Committed as")
    press(run, "Escape")
    try run.session.waitUntil(timeout: 20, "the failure gone from the order") {
      $0.contains("Order ORD-000006") && !$0.contains("Mail failed")
    }
    let outbox = Spawn.run([Binary.path, "outbox", "--all", "--json"], environment: env).output
    let states = outbox.split(separator: "\n").map {
      $0.contains(#""state":"delivered""#) ? "delivered" : "other"
    }
    #expect(states == ["delivered", "delivered", "delivered"], "\(outbox)")
    let sent = (try? String(contentsOfFile: scratch + "/sent.log", encoding: .utf8)) ?? ""
    #expect(sent.components(separatedBy: "X-Stockroom-Order: ORD-000006").count - 1 == 3)
  }
}
