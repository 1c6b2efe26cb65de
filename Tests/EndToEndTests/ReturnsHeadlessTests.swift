import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `stockroom returns`, the returns bench's headless twin, on the demo data: the RMA check of
/// the acceptance (210 announced: 200 sent, 10 never sent, 5 of the sent under the wrong
/// account), the receipts, a refused serial refusing the run unless set aside, and standard
/// input one serial a line.
@Suite(.serialized) struct ReturnsHeadlessTests {
  /// 200 returnable serials from five accounts (all but two of ACC-0002…ACC-0005's, the rest
  /// from ACC-0001), and two more of each account kept back (announced, never sent).
  static func serials(_ demo: DemoDirectory) -> (
    sent: [String], kept: [String], owner: [String: String]
  ) {
    var sent: [String] = []
    var kept: [String] = []
    var owner: [String: String] = [:]
    for account in (2...5).map({ "ACC-000\($0)" }) {
      let free = demo.serials(account: account, inUse: false)
      for serial in free { owner[serial] = account }
      sent += free.dropLast(2)
      kept += free.suffix(2)
    }
    let large = demo.serials(account: "ACC-0001", inUse: false)
    let count = 200 - sent.count
    for serial in large.prefix(count + 2) { owner[serial] = "ACC-0001" }
    sent = Array(large.prefix(count)) + sent
    kept += large.dropFirst(count).prefix(2)
    return (sent, kept, owner)
  }

  static func write(_ text: String, _ demo: DemoDirectory, _ name: String) -> String {
    let path = demo.path + "/" + name
    FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    return path
  }

  @Test func theRMACheckOfTwoHundredAndTenAnnouncedAndTheReceipts() throws {
    let demo = try DemoDirectory()
    defer { demo.remove() }
    let (sent, kept, owner) = Self.serials(demo)
    try #require(sent.count == 200 && kept.count == 10)
    let wrong = Array(sent.enumerated().filter { $0.offset % 40 == 7 }.map(\.element))
    #expect(wrong.count == 5)
    var csv = "RMA,Account,Serial Number\n"
    for serial in sent + kept {
      let account = owner[serial] ?? ""
      let announced =
        wrong.contains(serial) ? (account == "ACC-0001" ? "ACC-0002" : "ACC-0001") : account
      csv += "RMA-\(announced.suffix(1)),\(announced),\(serial)\n"
    }
    let expected = Self.write(csv, demo, "rma.csv")
    let list = Self.write(sent.joined(separator: "\n") + "\n", demo, "box.txt")
    let run = demo.run([
      "returns", "--serials-from", list, "--expected", expected, "--reference", "BOX 7",
      "--yes", "--json",
    ])
    #expect(run.status == 0, "\(run.output)")
    let objects = run.output.split(separator: "\n").compactMap {
      try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
    }
    let scans = objects.filter { $0["outcome"] != nil }
    #expect(scans.count == 200)
    #expect(
      scans.allSatisfy { ($0["outcome"] as? String) == "accepted" && $0["refusal"] is NSNull })
    let accounts = objects.filter { $0["transactionId"] != nil }
    #expect(
      accounts.compactMap { $0["account"] as? String }.sorted() == (1...5).map { "ACC-000\($0)" })
    let check = try #require(objects.first { $0["matched"] != nil })
    #expect((check["matched"] as? [String])?.count == 195)
    #expect(Set(check["missing"] as? [String] ?? []) == Set(kept))
    #expect((check["unexpected"] as? [String]) == [])
    #expect(Set(check["wrongAccount"] as? [String] ?? []) == Set(wrong))
    // Each account's transaction is in its log with the session; its receipt says what was missing.
    for object in accounts {
      let account = try #require(object["account"] as? String)
      let id = try #require(object["transactionId"] as? String)
      let logged = demo.objects(["log", "--account", account, "--json"]).last
      #expect(logged?["transactionId"] as? String == id)
      let session = try #require(logged?["session"] as? String)
      #expect(session.hasPrefix("R"))
      #expect(demo.run(["show", id]).output.contains("Session         \(session)"))
      let receipt = try String(
        contentsOfFile: demo.path + "/receipts/\(id)-\(account).txt", encoding: .utf8)
      #expect(
        receipt.contains("Transaction ID: \(id)") && receipt.contains("Reference:      BOX 7"))
      #expect(receipt.contains("Missing (announced, not received): 2"))
      let announcedElsewhere = wrong.filter { owner[$0] == account }.count
      #expect(receipt.contains("Announced under another account: \(announcedElsewhere)"))
    }
    #expect(demo.run(["verify"]).status == 0)
    let mail = try FileManager.default.contentsOfDirectory(atPath: demo.path + "/outbox/new")
    #expect(mail.filter { $0.contains("returns-receipt") }.count == 5)
  }

  @Test func aRefusedSerialRefusesTheRunUnlessSetAside() throws {
    let demo = try DemoDirectory()
    defer { demo.remove() }
    let free = demo.serials(account: "ACC-0002", inUse: false)
    let busy = try #require(demo.serials(account: "ACC-0002", inUse: true).first)
    try #require(free.count >= 2)
    let list = Self.write(
      [free[0], "NO-SUCH-SERIAL", busy, free[1], free[0]].joined(separator: "\n"), demo, "l.txt")
    let size = demo.ledgerSize
    let refused = demo.run(["returns", "--serials-from", list, "--yes"])
    #expect(refused.status == 1)
    #expect(refused.output.contains("NO-SUCH-SERIAL: not a known serial"))
    #expect(refused.output.contains("\(busy): in use"))
    #expect(refused.output.contains("already scanned"))
    #expect(demo.ledgerSize == size)
    let aside = demo.objects(["returns", "--serials-from", list, "--set-aside", "--yes", "--json"])
    #expect(
      aside.compactMap { $0["outcome"] as? String } == [
        "accepted", "set-aside", "set-aside", "accepted", "set-aside",
      ])
    #expect(
      aside.compactMap { $0["refusal"] as? String } == ["unknown", "in-use", "already-scanned"])
    let account = try #require(aside.first { $0["transactionId"] != nil })
    #expect(account["serials"] as? [String] == [free[0], free[1]])
    #expect(demo.ledgerSize > size)
  }

  @Test func standardInputOneSerialALine() throws {
    let demo = try DemoDirectory()
    defer { demo.remove() }
    let free = demo.serials(account: "ACC-0003", inUse: false)
    try #require(free.count >= 2)
    let run = Spawn.run(
      [
        "/bin/sh", "-c",
        "printf '\(free[0])\\r\\n\\n\(free[1])\\n' | \"$0\" returns --serials-from -", Binary.path,
      ],
      environment: demo.environment)
    #expect(run.status == 0, "\(run.output)")
    #expect(run.output.contains("\(free[0])  ACC-0003"))
    #expect(run.output.contains("Nothing written; add --yes to commit."))
  }
}
