import Foundation
import TestSupport
import Testing

/// `stockroom report` and `--return-reason` against the real binary (issue 18): a return
/// reason recorded and filtered on, CSV read by Python's csv module holding the rows of
/// `--json`, movements that add up and agree with `inventory --json`, and bad values refused.
@Suite(.serialized) struct ReportCommandTests {
  @Test(.postgres) func theDatabaseCasesRun() throws { try StoreKind.reachTheServer() }

  @Test(arguments: StoreKind.available)
  func aReturnReasonIsRecordedShownAndFiltered(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let free = demo.serials(account: "ACC-0002", inUse: false)
    try #require(!free.isEmpty)
    let done = demo.objects([
      "deallocate", "hardware", "--account", "ACC-0002", "--serial", free[0], "--disposition",
      "faulty", "--return-reason", "warranty", "--reference", "RMA-1", "--comment",
      "box 2, \"fragile\"", "--yes",
      "--json",
    ])
    let id = try #require(done.first?["transactionId"] as? String)
    #expect(done.first?["returnReason"] as? String == "warranty")
    #expect(demo.objects(["show", id, "--json"]).first?["returnReason"] as? String == "warranty")
    #expect(demo.run(["show", id]).output.contains("Return reason   Warranty claim"))
    let rows = demo.objects(["report", "transactions", "--return-reason", "warranty", "--json"])
    #expect(rows.map { $0["transactionId"] as? String } == [id])
    #expect(rows.first?["reference"] as? String == "RMA-1")
    #expect(rows.first?["comment"] as? String == "box 2, \"fragile\"")
    let faulty = demo.objects(["report", "faulty", "--return-reason", "warranty", "--json"])
    #expect(faulty.map { $0["serial"] as? String } == [free[0]])
    #expect(faulty.first?["ageDays"] as? Int == 0)
    let preview = demo.objects([
      "deallocate", "mobilepass", "--account", "ACC-0002", "--quantity", "1", "--return-reason",
      "Not-Renewing", "--json",
    ])
    #expect(preview.first?["committed"] as? Bool == false)
    #expect(preview.first?["returnReason"] as? String == "not-renewing")
    let bad = demo.run([
      "deallocate", "mobilepass", "--account", "ACC-0002", "--quantity", "1",
      "--return-reason", "broken",
    ])
    #expect(bad.status == 2, "\(bad.output)")
  }

  @Test(arguments: StoreKind.available)
  func csvHoldsTheRowsOfJSONAndMovementsAgreeWithTheInventory(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    for report in ["transactions", "movements", "faulty"] {
      let csv = demo.run(["report", report, "--csv"])
      #expect(csv.status == 0, "\(csv.output)")
      let parsed = try Self.pythonCSV(csv.output)
      let header = try #require(parsed.first)
      let json = demo.objects(["report", report, "--json"])
      #expect(parsed.count - 1 == json.count, "\(report)")
      for (row, object) in zip(parsed.dropFirst(), json) {
        #expect(row == header.map { Self.text(object[$0]) }, "\(report)")
      }
      let plain = demo.run(["report", report])
      #expect(plain.output.contains("Total (\(json.count) rows)"), "\(report)")
    }
    let inventory = try #require(demo.objects(["inventory", "--json"]).first)
    let software = inventory["software"] as? [[String: Any]] ?? []
    let hardware = inventory["hardware"] as? [[String: Any]] ?? []
    for row in demo.objects(["report", "movements", "--json"]) {
      let product = try #require(row["product"] as? String)
      let start = row["start"] as? Int ?? -1
      let moveIn = row["in"] as? Int ?? -1
      let out = row["out"] as? Int ?? -1
      let end = row["end"] as? Int ?? -1
      #expect(start + moveIn - out == end, "\(product)")
      let held =
        software.first { $0["product"] as? String == product }.map { $0["total"] as? Int ?? -1 }
        ?? hardware.filter { $0["model"] as? String == product }.reduce(0) {
          $0 + ($1["available"] as? Int ?? 0) + ($1["faulty"] as? Int ?? 0)
            + ($1["lost"] as? Int ?? 0)
        }
      #expect(end == held, "\(product)")
    }
  }

  @Test func badDatesAndValuesAreUsageErrors() throws {
    let demo = try DemoDirectory(.file)
    defer { demo.remove() }
    for arguments in [
      ["report", "transactions", "--from", "2026-02-30"],
      ["report", "transactions", "--from", "2026-03-02", "--to", "2026-03-01"],
      ["report", "movements", "--account", "ACC-0001"],
      ["report", "sideways"],
      ["report", "faulty", "--return-reason", "tired"],
      ["report", "transactions", "--action", "dance"],
      ["report", "transactions", "--csv", "--json"],
    ] {
      let result = demo.run(arguments)
      #expect(result.status == 2, "\(arguments): \(result.output)")
      #expect(result.output.split(separator: "\n").count == 1, "\(arguments): \(result.output)")
    }
  }

  /// JSON values as the CSV writes them: text as is, numbers in digits, null empty.
  static func text(_ value: Any?) -> String {
    switch value {
    case let text as String: return text
    case let number as Int: return String(number)
    default: return ""
    }
  }

  /// The records of a CSV text as Python's csv module reads them.
  static func pythonCSV(_ text: String) throws -> [[String]] {
    let path = NSTemporaryDirectory() + "stockroom-report-\(UUID().uuidString).csv"
    defer { unlink(path) }
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    let script =
      "import csv, json, sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))))"
    let result = Spawn.run(["/usr/bin/env", "python3", "-c", script, path])
    try #require(result.status == 0, "\(result.output)")
    return try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String]])
  }
}
