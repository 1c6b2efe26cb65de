import Foundation
import TestSupport
import Testing

/// A demo store and the order commands the headless order tests repeat on it.
struct OrderDesk {
  let demo: DemoDirectory

  init(_ kind: StoreKind = .file) throws { demo = try DemoDirectory(kind) }

  /// Runs and expects exit 0; returns the output's last line.
  @discardableResult
  func ok(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) -> String {
    let result = demo.run(arguments)
    #expect(result.status == 0, "\(arguments): \(result.output)", sourceLocation: sourceLocation)
    return result.output.split(separator: "\n").last.map(String.init) ?? ""
  }

  func refused(
    _ arguments: [String], _ words: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let result = demo.run(arguments)
    #expect(result.status == 1, "\(arguments): \(result.output)", sourceLocation: sourceLocation)
    #expect(result.output.contains(words), "\(result.output)", sourceLocation: sourceLocation)
  }

  /// Submits (as `by`), approves (as `approver`), records `fulfil` and completes an order.
  @discardableResult
  func flow(
    _ new: [String], by: String, approver: String, fulfil: [String] = [],
    sourceLocation: SourceLocation = #_sourceLocation
  ) -> String {
    let number = ok(
      ["order", "new"] + new + ["--as", by, "--yes"], sourceLocation: sourceLocation)
    #expect(number.hasPrefix("ORD-"), sourceLocation: sourceLocation)
    ok(["order", "approve", number, "--as", approver, "--yes"], sourceLocation: sourceLocation)
    if !fulfil.isEmpty {
      ok(["order", "fulfil", number] + fulfil + ["--yes"], sourceLocation: sourceLocation)
    }
    if !new.contains("assign") {
      ok(["order", "complete", number, "--yes"], sourceLocation: sourceLocation)
    }
    #expect(state(number) == "completed", sourceLocation: sourceLocation)
    return number
  }

  func state(_ number: String) -> String? {
    demo.objects(["order", "show", number, "--json"]).first?["state"] as? String
  }

  func line(_ number: String) -> [String: Any]? {
    demo.objects(["lines", "--json"]).first { ($0["number"] as? String) == number }
  }

  func device(_ serial: String) -> [String: Any]? {
    demo.objects(["devices", "--json"]).first { ($0["serial"] as? String) == serial }
  }

  func employee(_ id: String) -> [String: Any]? {
    demo.objects(["employees", "--json"]).first { ($0["id"] as? String) == id }
  }

  /// Every message in the outbox (waiting in new/, delivered in cur/) as (headers, body).
  func outbox() -> [([String: String], String)] {
    let files = ["new", "cur"].flatMap { folder in
      let path = demo.path + "/outbox/" + folder
      let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
      return names.map { path + "/" + $0 }
    }
    return files.sorted().compactMap { file in
      guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
        return nil
      }
      guard let split = text.range(of: "\r\n\r\n") else { return nil }
      var headers: [String: String] = [:]
      for line in text[..<split.lowerBound].components(separatedBy: "\r\n") {
        guard let colon = line.firstIndex(of: ":") else { continue }
        headers[String(line[..<colon])] = String(line[line.index(after: colon)...])
          .trimmingCharacters(in: .whitespaces)
      }
      return (headers, String(text[split.upperBound...]))
    }
  }
}

/// The wireless orders' headless twins end to end: every order type submitted, approved and
/// completed with the inventory following; the other workflow paths; the seed's rules; the
/// outbox. One demo data directory, orders taken one after another.
@Suite(.serialized) struct OrderHeadlessTests {
  @Test(.postgres) func theDatabaseCasesRun() throws { try StoreKind.reachTheServer() }

  @Test(arguments: StoreKind.available)
  func everyTypeEndToEnd(kind: StoreKind) throws {
    let desk = try OrderDesk(kind)
    let demo = desk.demo
    defer { demo.remove() }
    // New requests.
    desk.flow(
      ["--type", "new-line", "--vendor", "BW", "--voice-plan", "B-VOICE", "--model", "Pixel 8a"],
      by: "EMP-0007", approver: "EMP-0003",
      fulfil: ["--number", "312-555-0199", "--serial", "356000000000199", "--tracking", "1ZNEW1"])
    #expect(desk.line("312-555-0199")?["employee"] as? String == "EMP-0007")
    #expect(desk.device("356000000000199")?["state"] as? String == "assigned")

    desk.flow(
      ["--type", "warranty", "--line", "312-555-0107", "--issue", "defect"], by: "EMP-0007",
      approver: "EMP-0003", fulfil: ["--serial", "356000000000200", "--tracking", "1ZWAR"])
    #expect(desk.line("312-555-0107")?["device"] as? String == "356000000000200")
    let old = desk.device("356100000047514")
    #expect(old?["state"] as? String == "in-stock")
    #expect((old?["condition"] as? String)?.contains("defective") == true)

    desk.flow(
      [
        "--type", "accessory", "--line", "312-555-0101", "--accessory", "BAT-01", "--quantity",
        "2",
      ],
      by: "EMP-0001", approver: "EMP-0002", fulfil: ["--tracking", "1ZACC"])
    #expect(desk.employee("EMP-0001")?["accessories"] as? [String] == ["BAT-01 x2"])

    desk.flow(
      ["--type", "port", "--line", "312-555-0101", "--vendor", "BW", "--voice-plan", "B-VOICE"],
      by: "EMP-0001", approver: "EMP-0002")
    #expect(desk.line("312-555-0101")?["vendor"] as? String == "BW")

    desk.flow(
      ["--type", "transfer-liability", "--line", "312-555-0111", "--to", "corporate"],
      by: "EMP-0010", approver: "EMP-0002")
    #expect(desk.line("312-555-0111")?["liability"] as? String == "corporate")

    desk.flow(
      ["--type", "stipend-enrol", "--employee", "EMP-0006"], by: "EMP-0006", approver: "EMP-0005")
    #expect(desk.employee("EMP-0006")?["stipend"] as? Bool == true)

    desk.flow(
      [
        "--type", "activate", "--device", "356100000090001", "--employee", "EMP-0009", "--vendor",
        "VZ", "--voice-plan", "V-UNL",
      ],
      by: "EMP-0009", approver: "EMP-0003", fulfil: ["--number", "312-555-0198"])
    #expect(desk.device("356100000090001")?["line"] as? String == "312-555-0198")
    #expect(desk.line("312-555-0198")?["employee"] as? String == "EMP-0009")

    desk.flow(
      ["--type", "upgrade", "--line", "312-555-0104", "--model", "iPhone 16"], by: "EMP-0004",
      approver: "EMP-0003", fulfil: ["--serial", "356000000000201", "--tracking", "1ZUPG"])
    #expect(desk.device("356100000023757")?["state"] as? String == "in-stock")
    #expect(desk.line("312-555-0104")?["device"] as? String == "356000000000201")

    // Modify requests.
    desk.flow(
      [
        "--type", "features", "--line", "312-555-0113", "--add", "Call Recording", "--remove",
        "Hotspot",
      ], by: "EMP-0005", approver: "EMP-0001")
    #expect(desk.line("312-555-0113")?["features"] as? [String] == ["Call Recording"])

    desk.flow(
      ["--type", "change-plan", "--line", "312-555-0112", "--data-plan", "D-UNL"],
      by: "EMP-0002", approver: "EMP-0001")
    #expect(desk.line("312-555-0112")?["dataPlan"] as? String == "D-UNL")

    desk.flow(
      ["--type", "change-number", "--line", "312-555-0114"], by: "EMP-0004", approver: "EMP-0003",
      fulfil: ["--number", "312-555-0197"])
    #expect(desk.line("312-555-0114") == nil)
    #expect(desk.line("312-555-0197")?["employee"] as? String == "EMP-0004")

    desk.flow(
      ["--type", "move-line", "--line", "312-555-0106", "--device", "356100000090002"],
      by: "EMP-0006", approver: "EMP-0005")
    #expect(desk.line("312-555-0106")?["device"] as? String == "356100000090002")
    #expect(desk.device("356100000039595")?["state"] as? String == "in-stock")

    desk.flow(
      ["--type", "new-sim", "--line", "312-555-0101"], by: "EMP-0001", approver: "EMP-0002",
      fulfil: ["--sim", "8901260999999999999", "--tracking", "1ZSIM"])
    #expect(desk.line("312-555-0101")?["sim"] as? String == "8901260999999999999")

    desk.flow(
      ["--type", "restore", "--line", "312-555-0108"], by: "EMP-0008", approver: "EMP-0005")
    #expect(desk.line("312-555-0108")?["state"] as? String == "active")
    desk.flow(
      ["--type", "restore", "--line", "312-555-0109"], by: "EMP-0010", approver: "EMP-0002")
    #expect(desk.line("312-555-0109")?["state"] as? String == "active")

    let assign = desk.flow(
      ["--type", "assign", "--line", "312-555-0112", "--employee", "EMP-0006"], by: "EMP-0002",
      approver: "EMP-0005")
    #expect(desk.line("312-555-0112")?["employee"] as? String == "EMP-0006")
    let steps = demo.objects(["order", "show", assign, "--json"]).first?["timeline"]
    #expect(
      (steps as? [[String: Any]])?.compactMap { $0["step"] as? String } == ["submit", "approve"])

    // Delete requests.
    desk.flow(
      ["--type", "suspend", "--line", "312-555-0107"], by: "EMP-0007", approver: "EMP-0003")
    #expect(desk.line("312-555-0107")?["state"] as? String == "suspended")
    desk.flow(
      ["--type", "disconnect", "--line", "312-555-0113"], by: "EMP-0005", approver: "EMP-0001")
    #expect(desk.line("312-555-0113")?["state"] as? String == "disconnected")
    #expect(desk.line("312-555-0113")?["disconnectedOn"] as? String == "2026-11-22")
    desk.flow(
      ["--type", "stipend-remove", "--employee", "EMP-0008"], by: "EMP-0008", approver: "EMP-0005")
    #expect(desk.employee("EMP-0008")?["stipend"] as? Bool == false)

    let verify = demo.run(["verify"])
    #expect(verify.status == 0, "\(verify.output)")
  }

  @Test(arguments: StoreKind.available)
  func workflowPaths(kind: StoreKind) throws {
    let desk = try OrderDesk(kind)
    let demo = desk.demo
    defer { demo.remove() }
    // Information requested in the demo: the requester answers, the approver approves.
    desk.refused(["order", "respond", "ORD-000003", "--as", "EMP-0005", "--yes"], "comment")
    desk.ok([
      "order", "respond", "ORD-000003", "--as", "EMP-0005", "--comment", "3 to 9 March", "--yes",
    ])
    #expect(desk.state("ORD-000003") == "pending-approval")
    let asked = desk.ok([
      "order", "new", "--type", "suspend", "--line", "312-555-0111", "--as", "EMP-0010", "--yes",
    ])
    desk.ok(["order", "request-info", asked, "--as", "EMP-0002", "--comment", "How long?", "--yes"])
    #expect(desk.state(asked) == "information-requested")
    desk.refused(["order", "approve", asked, "--as", "EMP-0002", "--yes"], "information-requested")
    desk.ok(["order", "respond", asked, "--as", "EMP-0010", "--comment", "Two months", "--yes"])
    desk.ok(["order", "approve", asked, "--as", "EMP-0002", "--yes"])
    #expect(desk.state(asked) == "in-fulfilment")

    // Rejection needs a reason and only the approver decides.
    desk.refused(["order", "reject", "ORD-000002", "--as", "EMP-0001", "--yes"], "comment")
    desk.refused(
      ["order", "reject", "ORD-000002", "--as", "EMP-0005", "--comment", "No", "--yes"],
      "only the approver EMP-0001")
    desk.ok([
      "order", "reject", "ORD-000002", "--as", "EMP-0001", "--comment", "Over budget", "--yes",
    ])
    #expect(desk.state("ORD-000002") == "rejected")

    // Cancellation.
    desk.ok(["order", "cancel", "ORD-000005", "--as", "EMP-0003", "--yes"])
    #expect(desk.state("ORD-000005") == "cancelled")
    desk.refused(["order", "approve", "ORD-000005", "--as", "EMP-0002", "--yes"], "cancelled")

    // Nobody approves their own order: the approver ordering for a report is escalated.
    let own = desk.ok([
      "order", "new", "--type", "upgrade", "--line", "312-555-0104", "--model", "X1",
      "--as", "EMP-0004", "--yes",
    ])
    desk.refused(
      ["order", "approve", own, "--as", "EMP-0004", "--yes"], "nobody approves their own order")
    let forReport = desk.ok([
      "order", "new", "--type", "suspend", "--line", "312-555-0107", "--as", "EMP-0003", "--yes",
    ])
    #expect(
      demo.objects(["order", "show", forReport, "--json"]).first?["approver"] as? String
        == "EMP-0002")
    desk.refused(
      ["order", "approve", forReport, "--as", "EMP-0003", "--yes"],
      "nobody approves their own order")

    // Without --yes nothing is written.
    let before = demo.written
    let preview = demo.run(["order", "approve", forReport, "--as", "EMP-0002"])
    #expect(preview.output.contains("Nothing written; add --yes to commit."))
    #expect(demo.written == before)
  }

  /// `order show --json` names on every timeline entry whom that step notified (seed 002's
  /// e-mail icon): the addresses its messages in the outbox went to, or null (issue 19, 10).
  @Test(arguments: StoreKind.available)
  func timelineNamesWhomEachStepNotified(kind: StoreKind) throws {
    let desk = try OrderDesk(kind)
    let demo = desk.demo
    defer { demo.remove() }
    let number = desk.ok([
      "order", "new", "--type", "upgrade", "--line", "312-555-0107", "--model", "Pixel 9",
      "--as", "EMP-0007", "--yes",
    ])
    desk.ok(["order", "request-info", number, "--as", "EMP-0003", "--comment", "Why?", "--yes"])
    desk.ok(["order", "respond", number, "--as", "EMP-0007", "--comment", "Cracked", "--yes"])
    desk.ok(["order", "approve", number, "--as", "EMP-0003", "--yes"])
    desk.ok(["order", "fulfil", number, "--serial", "356000000000300", "--yes"])
    desk.ok(["order", "fulfil", number, "--tracking", "1ZT", "--yes"])
    desk.ok(["order", "complete", number, "--yes"])
    let shown = demo.objects(["order", "show", number, "--json"]).first
    let timeline = try #require(shown?["timeline"] as? [[String: Any]])
    let notified = timeline.map { $0["notified"] as? [String] }
    #expect(timeline.allSatisfy { $0.keys.contains("notified") })
    let kenji = "kenji.sato@contoso.example"
    let priya = "priya.raman@contoso.example"
    #expect(
      notified == [[kenji, priya], [kenji], [priya], [kenji], nil, [kenji], [kenji]],
      "\(timeline)")
    // The same rule wrote the outbox: one transaction's messages per entry that notified.
    let mine = desk.outbox().filter { $0.0["X-Stockroom-Order"] == number }.map(\.0)
    #expect(Set(mine.compactMap { $0["X-Stockroom-Transaction"] }).count == 6)
    var reached: Set<String> = []
    for headers in mine {
      let fields = (headers["To"] ?? "") + "," + (headers["Cc"] ?? "")
      for part in fields.split(separator: "<").dropFirst() {
        reached.insert(String(part.prefix { $0 != ">" }))
      }
    }
    #expect(reached == [kenji, priya], "\(mine)")
    let plain = demo.run(["order", "show", number]).output
    #expect(plain.contains("      e-mail to \(kenji), \(priya)"), "\(plain)")
  }

  /// An accessory is ordered for an existing device (seed 002; issue 19, point 9): `--line`
  /// names it, only what fits its model is taken, and `order show --json` gives `device`.
  @Test(arguments: StoreKind.available)
  func anAccessoryIsForTheDeviceOnALine(kind: StoreKind) throws {
    let desk = try OrderDesk(kind)
    let demo = desk.demo
    defer { demo.remove() }
    let order = ["order", "new", "--type", "accessory", "--as", "EMP-0007"]
    desk.refused(order + ["--accessory", "CASE-03", "--yes"], "Accessory needs a line (--line)")
    desk.refused(
      order + ["--line", "312-555-0107", "--accessory", "CASE-01", "--yes"],
      "Rugged case (CASE-01) does not fit the Pixel 8 on line 312-555-0107; it takes CASE-03")
    let number = desk.ok(order + ["--line", "312-555-0107", "--accessory", "CASE-03", "--yes"])
    let shown = try #require(demo.objects(["order", "show", number, "--json"]).first)
    #expect(shown["device"] as? String == "356100000047514")
    #expect(shown["line"] as? String == "312-555-0107")
    #expect(shown["employee"] as? String == "EMP-0007")
    #expect(
      demo.run(["order", "show", number]).output.contains("For device      Pixel 8 356100000047514")
    )
  }

  @Test func rulesRefuseWithTheirMessages() throws {
    let desk = try OrderDesk()
    let demo = desk.demo
    defer { demo.remove() }
    desk.refused(
      [
        "order", "new", "--type", "warranty", "--line", "312-555-0106", "--issue", "defect",
        "--yes",
      ],
      "vendor warranties expire after the first year of ownership; order an Upgrade instead")
    desk.refused(
      [
        "order", "new", "--type", "warranty", "--line", "312-555-0107", "--issue", "liquid",
        "--yes",
      ],
      "warranties do not cover liquid damage; order an Upgrade instead")
    desk.refused(
      [
        "order", "new", "--type", "warranty", "--line", "312-555-0107", "--issue", "battery",
        "--yes",
      ],
      "issues because of the battery")
    let summary = demo.run([
      "order", "new", "--type", "warranty", "--line", "312-555-0107", "--issue", "defect",
    ])
    #expect(summary.output.contains("full device cost chargeback"))
    desk.refused(
      ["order", "new", "--type", "restore", "--line", "312-555-0110", "--yes"],
      "was disconnected 45 days ago and Northstar Mobile does not allow restoring a line more "
        + "than 30 days after the disconnect date")
    desk.refused(
      ["order", "new", "--type", "suspend", "--line", "312-555-0107", "--as", "EMP-9999", "--yes"],
      "unknown employee")
    let usage = demo.run(["order", "new", "--type", "teleport", "--line", "312-555-0107"])
    #expect(usage.status == 2)
    let help = demo.run(["order", "new", "--help"])
    for type in ["new-line", "transfer-liability", "stipend-remove", "move-line", "--issue"] {
      #expect(help.output.contains(type), "\(type)")
    }
  }

  @Test func userMapDecidesWhoActs() throws {
    let desk = try OrderDesk()
    let demo = desk.demo
    defer { demo.remove() }
    let map = demo.path + "/users.tsv"
    let text = try String(contentsOfFile: map, encoding: .utf8)
    #expect(text.contains("\tEMP-0004\tanyone"))
    #expect(text.contains("\t\(getuid())\t"))
    try "someone\t\(getuid())\tEMP-0007\t-\n".write(toFile: map, atomically: true, encoding: .utf8)
    desk.refused(
      ["order", "approve", "ORD-000002", "--as", "EMP-0001", "--yes"], "may not act as EMP-0001")
    desk.ok(["order", "new", "--type", "suspend", "--line", "312-555-0107"])
    try "someone\t\(getuid() &+ 1)\tEMP-0007\t-\n".write(
      toFile: map, atomically: true, encoding: .utf8)
    desk.refused(
      ["order", "new", "--type", "suspend", "--line", "312-555-0107"], "is not in users.tsv")
  }

  @Test func outboxHoldsOneMessagePerMilestone() throws {
    let desk = try OrderDesk()
    let demo = desk.demo
    defer { demo.remove() }
    let log = demo.path + "/sent.log"
    let script = demo.path + "/sendmail.sh"
    try "#!/bin/sh\necho \"args: $*\" >> \(log)\ncat >> \(log)\n".write(
      toFile: script, atomically: true, encoding: .utf8)
    chmod(script, 0o755)
    var env = demo.environment
    env["STOCKROOM_SENDMAIL"] = script
    func run(_ arguments: [String]) -> String {
      let result = Spawn.run([Binary.path] + arguments, environment: env)
      #expect(result.status == 0, "\(arguments): \(result.output)")
      return result.output.split(separator: "\n").last.map(String.init) ?? ""
    }
    let number = run([
      "order", "new", "--type", "upgrade", "--line", "312-555-0107", "--model", "Pixel 9",
      "--as", "EMP-0007", "--yes",
    ])
    _ = run(["order", "request-info", number, "--as", "EMP-0003", "--comment", "Why?", "--yes"])
    _ = run(["order", "respond", number, "--as", "EMP-0007", "--comment", "Cracked", "--yes"])
    _ = run(["order", "approve", number, "--as", "EMP-0003", "--yes"])
    _ = run([
      "order", "fulfil", number, "--serial", "356000000000300", "--tracking", "1ZT", "--yes",
    ])
    _ = run(["order", "complete", number, "--yes"])
    _ = run(["order", "reject", "ORD-000002", "--as", "EMP-0001", "--comment", "No", "--yes"])

    let messages = desk.outbox()
    let mine = messages.filter { $0.0["X-Stockroom-Order"] == number }
    let milestones = mine.compactMap { $0.0["X-Stockroom-Milestone"] }
    #expect(
      milestones.sorted() == [
        "approval-needed", "approval-needed", "approved", "completed", "information-requested",
        "shipped", "submitted",
      ])
    let recipients = Dictionary(
      mine.map { ($0.0["X-Stockroom-Milestone"] ?? "", $0.0["To"] ?? "") },
      uniquingKeysWith: { a, _ in a })
    #expect(recipients["approval-needed"] == "Priya Raman <priya.raman@contoso.example>")
    #expect(recipients["submitted"] == "Kenji Sato <kenji.sato@contoso.example>")
    #expect(recipients["shipped"] == "Kenji Sato <kenji.sato@contoso.example>")
    let rejected = messages.first { $0.0["X-Stockroom-Milestone"] == "rejected" }
    #expect(rejected?.0["To"] == "Marcus Lee <marcus.lee@contoso.example>")
    #expect(rejected?.0["Subject"]?.contains("[ORD-000002]") == true)
    for (headers, body) in messages {
      for field in ["Date", "From", "To", "Subject", "Message-ID", "MIME-Version", "Content-Type"] {
        #expect(headers[field] != nil, "\(field) missing")
      }
      #expect(headers["Subject"]?.contains(headers["X-Stockroom-Order"] ?? "?") == true)
      #expect(body.contains(headers["X-Stockroom-Order"] ?? "?"))
    }
    let shipped = mine.first { $0.0["X-Stockroom-Milestone"] == "shipped" }
    #expect(shipped?.1.contains("Tracking: 1ZT") == true)
    let sent = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
    #expect(sent.components(separatedBy: "args: -i -t").count - 1 == messages.count)
    #expect(sent.contains("X-Stockroom-Order: \(number)"))

    // A failing sendmail is reported; the outbox keeps the message and the order is committed.
    env["STOCKROOM_SENDMAIL"] = "/bin/false"
    let failed = Spawn.run(
      [
        Binary.path, "order", "cancel", number == "" ? "x" : "ORD-000005", "--as", "EMP-0003",
        "--yes",
      ],
      environment: env)
    #expect(failed.status == 0)
    #expect(failed.output.contains("sendmail /bin/false failed with status 1"))
    #expect(desk.outbox().contains { $0.0["X-Stockroom-Milestone"] == "cancelled" })
  }

  /// A message that could not be delivered stays in the outbox, shows in `order show --json`
  /// and `outbox`, and goes out with the next process that commits, or `outbox deliver`.
  @Test func failedMailIsRetriedByTheNextProcessAndByOutboxDeliver() throws {
    let desk = try OrderDesk()
    let demo = desk.demo
    defer { demo.remove() }
    let script = demo.path + "/sendmail.sh"
    try "cat >> \(demo.path)/sent.log\n".write(toFile: script, atomically: true, encoding: .utf8)
    var env = demo.environment
    env["STOCKROOM_SENDMAIL"] = "/bin/false"
    let rejected = Spawn.run(
      [
        Binary.path, "order", "reject", "ORD-000002", "--as", "EMP-0001", "--comment", "No",
        "--yes", "--json",
      ],
      environment: env)
    #expect(rejected.status == 0, "\(rejected.output)")
    let failed =
      #""milestone":"rejected","transaction":"T000167","to":["marcus.lee@contoso.example"],"state":"failed","attempts":1,"error":"sendmail /bin/false failed with status 1"}"#
    #expect(rejected.output.contains(#""mail":[{"# + failed), "\(rejected.output)")
    let shown = demo.run(["order", "show", "ORD-000002", "--json"]).output
    #expect(shown.contains(#""mail":[{"# + failed + "]"), "\(shown)")
    #expect(
      demo.run(["order", "show", "ORD-000002"]).output.contains(
        "Rejected to marcus.lee@contoso.example: failed (sendmail /bin/false failed with status 1)")
    )
    let listed = demo.run(["outbox", "--json"]).output
    #expect(listed == #"{"order":"ORD-000002","# + failed + "\n", "\(listed)")

    // Without a sendmail, `outbox deliver` says so and leaves it (exit 1).
    let unset = demo.run(["outbox", "deliver"])
    #expect(unset.status == 1)
    #expect(
      unset.output.contains("STOCKROOM_SENDMAIL is not set: delivered 0, failed 0, waiting 1"))

    // The next process that commits delivers its own message and the one left over.
    env["STOCKROOM_SENDMAIL"] = "/bin/sh " + script
    let approve = Spawn.run(
      [Binary.path, "order", "approve", "ORD-000005", "--as", "EMP-0002", "--yes"],
      environment: env)
    #expect(approve.status == 0, "\(approve.output)")
    let sent = (try? String(contentsOfFile: demo.path + "/sent.log", encoding: .utf8)) ?? ""
    for milestone in ["rejected", "approved"] {
      #expect(sent.contains("X-Stockroom-Milestone: \(milestone)"), "\(milestone)")
    }
    #expect(demo.run(["outbox"]).output.split(separator: "\n").count == 1)  // the heading
    let all = demo.run(["outbox", "--all", "--json"]).output.split(separator: "\n")
    #expect(all.count == 2 && all.allSatisfy { $0.contains(#""state":"delivered""#) })

    // `outbox deliver` retries a failure too.
    env["STOCKROOM_SENDMAIL"] = "/bin/false"
    let respond = Spawn.run(
      [
        Binary.path, "order", "respond", "ORD-000003", "--as", "EMP-0005", "--comment",
        "Need it", "--yes",
      ],
      environment: env)
    #expect(respond.status == 0, "\(respond.output)")
    #expect(demo.run(["outbox"]).output.contains("failed"))
    env["STOCKROOM_SENDMAIL"] = "/bin/sh " + script
    let delivered = Spawn.run([Binary.path, "outbox", "deliver"], environment: env)
    #expect(delivered.status == 0, "\(delivered.output)")
    #expect(delivered.output.contains("Delivered 1, failed 0, waiting 0"))
    #expect(demo.run(["outbox"]).output.split(separator: "\n").count == 1)
  }
}
