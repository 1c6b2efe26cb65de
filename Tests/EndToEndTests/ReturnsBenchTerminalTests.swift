import Foundation
import TestSupport
import Testing

/// The returns bench in a real terminal (tmux): scanner bursts at 20 scans a second, a BEL
/// byte per bad scan in what the program wrote, every line and count on screen, and after
/// Confirm each account's transaction in the allocation tables and `log --json`; on both stores.
@Suite(.serialized) struct ReturnsBenchTerminalTests {
  @Test(.postgres) func theDatabaseCasesRun() throws { try StoreKind.reachTheServer() }

  /// Every byte the pane's program writes, appended to a file (`tmux pipe-pane`).
  static func recordOutput(_ session: TmuxSession) throws -> String {
    let file = session.directory + "/output.bin"
    session.tmux(["pipe-pane", "-O", "-t", "0", "cat >> " + TmuxSession.quote(file)])
    return file
  }

  static func bells(in file: String) -> Int {
    (FileManager.default.contents(atPath: file) ?? Data()).filter { $0 == 0x07 }.count
  }

  @Test(arguments: StoreKind.available)
  func twoHundredSerialsFromFiveAccountsAtScannerSpeedWithTenBadOnes(kind: StoreKind) throws {
    let seed = FuzzSeed("ReturnsBenchTerminalTests")
    var random = seed.generator
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    // 200 returnable serials from five accounts: every free token of ACC-0002 to ACC-0005,
    // the rest from ACC-0001.
    let tokens = demo.objects(["tokens", "--state", "allocated", "--json"])
    func free(_ account: String) -> [[String: Any]] {
      tokens.filter { ($0["account"] as? String) == account && ($0["inUse"] as? Bool) == false }
    }
    var chosen = (2...5).flatMap { free("ACC-000\($0)") }
    chosen += free("ACC-0001").shuffled(using: &random).prefix(200 - chosen.count)
    try #require(chosen.count == 200, "\(seed.note)")
    let good = chosen.compactMap { $0["serial"] as? String }
    let busy = tokens.filter { ($0["inUse"] as? Bool) == true }.compactMap {
      $0["serial"] as? String
    }
    let stock = demo.objects(["tokens", "--state", "available", "--json"]).compactMap {
      $0["serial"] as? String
    }
    let bad =
      ["NOPE-0001", "NOPE-0002", "NOPE-0003"] + stock.shuffled(using: &random).prefix(3)
      + good.shuffled(using: &random).prefix(2) + busy.shuffled(using: &random).prefix(2)
    // The bad ones mixed in after the scan they may repeat.
    var scans = good.shuffled(using: &random)
    for serial in bad {
      let after = (scans.firstIndex(of: serial) ?? 0) + 1
      scans.insert(serial, at: Int.random(in: after...scans.count, using: &random))
    }
    var expected: [String: Int] = [:]
    for token in chosen {
      expected[
        "\(token["account"] as? String ?? "") \(token["model"] as? String ?? "")", default: 0] += 1
    }
    let before = Dictionary(
      uniqueKeysWithValues: expected.keys.map { key in
        let parts = key.split(separator: " ", maxSplits: 1).map(String.init)
        return (key, demo.column(parts[0], parts[1])?.available ?? -1)
      })

    let terminal = try WizardTerminal(demo, width: 120, height: 40)
    defer { terminal.close() }
    let session = terminal.session
    let output = try Self.recordOutput(session)
    session.send("2")
    try session.waitFor("Returns bench · Scan")
    for serial in scans {
      // One burst: the serial and the scanner's Enter, as a scanner types them.
      session.tmux(["send-keys", "-t", "0", "-l", serial + "\r"])
      Thread.sleep(forTimeInterval: 0.05)
    }
    let counted = try session.waitFor("200 to return · 10 refused", timeout: 30)
    #expect(counted.contains("200 to return · 10 refused"), "\(seed.note)")
    try session.waitForStableScreen()
    #expect(Self.bells(in: output) == 10, "one BEL per bad scan; \(seed.note)")
    for (key, count) in expected {
      let parts = key.split(separator: " ", maxSplits: 1).map(String.init)
      let row = try Regex(
        "\\b\(parts[0])\\s+\(parts[1])\\s+\(count)\\s*│")
      #expect(counted.contains(row), "count \(key) \(count) on screen; \(seed.note)\n\(counted)")
    }
    // Every scan has its line: page through the list of scans.
    session.send("Tab", "Home")
    try session.waitFor(scans[0])
    var lines = Set<String>()
    for _ in 0..<12 {
      for line in try session.waitForStableScreen().split(separator: "\n") {
        let words = line.split(separator: " ").map(String.init)
        if let serial = words.first(where: { scans.contains($0) }) {
          lines.insert(serial + (line.contains("✗") ? " bad" : ""))
        }
      }
      session.send("PageDown")
    }
    let missing = good.filter { !lines.contains($0) } + bad.filter { !lines.contains($0 + " bad") }
    #expect(missing.isEmpty, "scans without their line: \(missing); \(seed.note)")
    // Confirm: Tab past the settings (Reason among them) to the buttons, Next, then Confirm.
    session.send("Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "Enter")
    try session.waitFor("Returns bench · Confirm")
    session.send("Enter")
    let done = try session.waitFor("Returns bench · Done", timeout: 20)
    #expect(done.contains("5 transactions"), "\(done)")
    let receipts =
      (try? FileManager.default.contentsOfDirectory(atPath: demo.path + "/receipts"))
      ?? []
    #expect(receipts.filter { $0.hasSuffix(".txt") }.count == 5, "a receipt per account")
    for receipt in receipts where receipt.hasSuffix(".txt") {
      #expect(done.contains(receipt), "the result names \(receipt)\n\(done)")
    }
    #expect(Self.bells(in: output) == 10)

    let log = demo.objects(["log", "--json"]).filter { $0["session"] is String }
    #expect(log.count == 5, "one transaction per account")
    #expect(Set(log.compactMap { $0["account"] as? String }).count == 5)
    #expect(Set(log.compactMap { $0["session"] as? String }).count == 1)
    for transaction in log {
      #expect(transaction["action"] as? String == "deallocate-hardware")
    }
    for (key, count) in expected {
      let parts = key.split(separator: " ", maxSplits: 1).map(String.init)
      #expect(
        demo.column(parts[0], parts[1])?.available == (before[key] ?? 0) - count,
        "\(key): the allocation table shows the return; \(seed.note)")
    }
    for serial in good { #expect(demo.token(serial)?["state"] as? String == "available") }
    let verify = demo.run(["verify"])
    #expect(verify.status == 0, "\(verify.output)")
  }

  /// `stockroom returns --interactive` opens the bench with the file's serials scanned and the
  /// options held; a scan after it is kept by the draft through a dropped line (SIGHUP), and
  /// the next `stockroom` resumes the session with every scan.
  @Test(arguments: StoreKind.available)
  func interactiveOpensTheBenchPreScannedAndTheSessionSurvivesAHangup(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let free = demo.serials(account: "ACC-0002", inUse: false)
    try #require(free.count >= 3)
    let file = demo.path + "/returned.txt"
    try ([free[0], free[1], "NOPE-1"].joined(separator: "\n") + "\n").write(
      toFile: file, atomically: true, encoding: .utf8)
    let session = try TmuxSession(
      command: "exec "
        + demo.command([
          "returns", "--serials-from", file, "--disposition", "faulty", "--reference", "RMA-31",
          "--interactive",
        ]),
      width: 120, height: 40, environment: demo.terminalEnvironment)
    defer { session.close() }
    let opened = try session.waitFor("2 to return · 1 refused")
    #expect(opened.contains("Faulty"), "the held disposition; \(opened)")
    #expect(opened.contains("[RMA-31"), "\(opened)")
    #expect(opened.contains("NOPE-1") && opened.contains("not a known serial"), "\(opened)")
    session.tmux(["send-keys", "-t", "0", "-l", free[2] + "\r"])
    try session.waitFor("3 to return · 1 refused")
    try session.waitUntil("the draft is saved") { _ in
      demo.run(["drafts", "--json"]).output.contains(free[2])
    }
    let drafts = DraftResumeTests()
    try drafts.end(session, with: SIGHUP)
    let second = try drafts.resume(demo, offering: "Returns bench")
    defer { second.close() }
    let screen = try second.waitFor("3 to return · 1 refused")
    for serial in free.prefix(3) { #expect(screen.contains(serial), "\(screen)") }
    try drafts.end(second, with: SIGTERM)
    #expect(demo.run(["verify"]).status == 0)
  }
}
