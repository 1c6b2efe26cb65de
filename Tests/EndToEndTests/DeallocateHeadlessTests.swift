import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The deallocation wizard's headless twins against the real binary (docs/DESIGN.md section 5).
@Suite(.serialized) struct DeallocateHeadlessTests {
  @Test(.postgres) func theDatabaseCasesRun() throws { try StoreKind.reachTheServer() }

  @Test(arguments: StoreKind.available)
  func withoutYesNothingIsWritten(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let free = demo.serials(account: "ACC-0002", inUse: false)
    let faulty = demo.objects(["tokens", "--state", "faulty", "--json"])
      .compactMap { $0["serial"] as? String }
    try #require(free.count >= 2 && !faulty.isEmpty)
    let before = demo.written
    let commands: [[String]] = [
      [
        "deallocate", "software", "--account", "ACC-0002", "--product", "sms", "--type", "rental",
        "--quantity", "5",
      ],
      [
        "deallocate", "software", "--account", "Fabrikam Health", "--product", "capacity",
        "--quantity", "3",
      ],
      ["deallocate", "software", "--account", "ACC-0002", "--product", "st-1", "--quantity", "2"],
      ["deallocate", "mobilepass", "--account", "ACC-0002", "--quantity", "1"],
      [
        "deallocate", "hardware", "--account", "ACC-0002", "--serial", free[0], free[1],
        "--disposition", "faulty", "--container", "RET",
      ],
      ["reinitialize", "--serial", faulty[0]],
    ]
    for command in commands {
      let result = demo.run(command)
      #expect(result.status == 0, "\(command): \(result.output)")
      #expect(result.output.hasPrefix("This will:\n"), "\(command)")
      #expect(result.output.contains("Nothing written; add --yes to commit."))
    }
    let json = demo.run(
      ["deallocate", "mobilepass", "--account", "ACC-0002", "--quantity", "1", "--json"])
    let preview = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
    #expect(preview?["committed"] as? Bool == false)
    #expect(preview?["action"] as? String == "deallocate-mobilepass")
    #expect(demo.written == before)
  }

  @Test(arguments: StoreKind.available)
  func softwareCommitsWithCapacity(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let sms = try #require(demo.column("ACC-0002", "SMS Rental"))
    let capacity = try #require(demo.column("ACC-0002", "Capacity"))
    let result = demo.run([
      "deallocate", "software", "--account", "ACC-0002", "--product", "SMS", "--type", "rental",
      "--quantity", "7", "--reference", "RMA-2026-1", "--comment", "Users left", "--yes", "--json",
    ])
    #expect(result.status == 0, "\(result.output)")
    let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
    let id = try #require(object?["transactionId"] as? String)
    let last = try #require(demo.lastTransaction())
    #expect(last["transactionId"] as? String == id)
    #expect(last["action"] as? String == "deallocate-software")
    #expect(last["reference"] as? String == "RMA-2026-1")
    #expect(last["comment"] as? String == "Users left")
    #expect(demo.column("ACC-0002", "SMS Rental")?.maximum == sms.maximum - 7)
    #expect(demo.column("ACC-0002", "Capacity")?.maximum == capacity.maximum - 7)
    #expect(demo.run(["verify"]).status == 0)
  }

  @Test(arguments: StoreKind.available)
  func mobilePassCommitsAndPrintsTheTransactionID(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let before = try #require(demo.column("ACC-0003", "MobilePASS"))
    let result = demo.run([
      "deallocate", "mobilepass", "--account", "ACC-0003", "--quantity", "4", "--yes",
    ])
    #expect(result.status == 0, "\(result.output)")
    let last = try #require(demo.lastTransaction())
    let id = try #require(last["transactionId"] as? String)
    #expect(result.output == "Transaction ID: \(id)\n")
    #expect(last["action"] as? String == "deallocate-mobilepass")
    #expect(demo.column("ACC-0003", "MobilePASS")?.available == before.available - 4)
    #expect(demo.run(["verify"]).status == 0)
  }

  @Test(arguments: StoreKind.available)
  func hardwareCommitsWithDispositionAndContainer(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let free = demo.serials(account: "ACC-0001", inUse: false)
    try #require(free.count >= 3)
    let result = demo.run([
      "deallocate", "hardware", "--account", "ACC-0001", "--serial", free[0], "--serial",
      free[1], free[2], "--disposition", "faulty", "--container", "RET", "--yes", "--json",
    ])
    #expect(result.status == 0, "\(result.output)")
    let last = try #require(demo.lastTransaction())
    #expect(last["action"] as? String == "deallocate-hardware")
    let items = try #require(last["items"] as? [[String: Any]])
    let moved = items.flatMap { ($0["serials"] as? [String]) ?? [] }
    #expect(Set(moved) == Set(free.prefix(3)))
    for serial in free.prefix(3) {
      let token = try #require(demo.token(serial))
      #expect(token["state"] as? String == "faulty")
      #expect(token["container"] as? String == "RET")
      #expect(token["account"] is NSNull)
    }
    #expect(demo.run(["verify"]).status == 0)
    let again = demo.run(["reinitialize", "--serial", free[0], free[1], "--yes"])
    #expect(again.status == 0, "\(again.output)")
    #expect(demo.token(free[0])?["state"] as? String == "available")
    #expect(demo.lastTransaction()?["action"] as? String == "reinitialize")
    #expect(demo.run(["verify"]).status == 0)
  }

  @Test func badValuesGiveTheirExitCodes() throws {
    let demo = try DemoDirectory()
    defer { demo.remove() }
    let before = demo.written
    let mobile = ["deallocate", "mobilepass", "--account", "ACC-0002", "--yes"]
    let sms = ["deallocate", "software", "--account", "ACC-0002", "--yes"]
    let cases: [([String], Int32, String)] = [
      (mobile + ["--quantity", "abc"], 2, "--quantity abc"),
      (mobile + ["--quantity", "0"], 2, "--quantity 0"),
      (mobile + ["--quantity", "1.5"], 2, "whole number"),
      (mobile + ["--quantity", "100000"], 1, "100000 is more than"),
      (
        mobile + ["--quantity", "1", "--reference", String(repeating: "R", count: 65)], 2,
        "Reference"
      ),
      (mobile + ["--quantity", "1", "--reference", "RMA 1;"], 2, "Reference"),
      (
        mobile + ["--quantity", "1", "--comment", String(repeating: "c", count: 129)], 2,
        "Comment"
      ),
      (mobile + ["--quantity", "1", "--comment", "bad\u{1B}[2Jtext"], 2, "control characters"),
      (mobile + ["--quantity", "1", "--reference", "RMA\u{7}1"], 2, "Reference"),
      (mobile + ["--quantity", "1", "--comment", "zero\u{FEFF}width"], 2, "Comment"),
      (mobile + ["--quantity", "1", "--container", "NOPE"], 1, "unknown container NOPE"),
      (
        ["deallocate", "mobilepass", "--account", "ACC-0099", "--quantity", "1", "--yes"], 1,
        "unknown account ACC-0099"
      ),
      (["deallocate", "mobilepass", "--quantity", "1"], 2, "--account"),
      (
        sms + ["--product", "capacity", "--type", "rental", "--quantity", "1"], 2,
        "--type is only for sms"
      ),
      (sms + ["--product", "sms", "--quantity", "1"], 2, "--type is required"),
      (sms + ["--product", "sms", "--type", "lease", "--quantity", "1"], 2, "--type lease"),
      (sms + ["--product", "hardware", "--quantity", "1"], 2, "--product hardware"),
      (sms + ["--product", "capacity", "--quantity", "100000"], 1, "Capacity"),
      (
        ["deallocate", "hardware", "--account", "ACC-0002", "--disposition", "return"], 2,
        "--serial"
      ),
      (
        [
          "deallocate", "hardware", "--account", "ACC-0002", "--serial", "X", "--disposition",
          "broken",
        ], 2, "--disposition broken"
      ),
    ]
    for (arguments, status, message) in cases {
      let result = demo.run(arguments)
      #expect(result.status == status, "\(arguments): \(result.output)")
      #expect(result.output.contains(message), "\(arguments): \(result.output)")
      #expect(!result.output.contains("\u{1B}"), "\(arguments) echoed a control character")
      #expect(result.output.split(separator: "\n").count == 1, "\(arguments): \(result.output)")
    }
    #expect(demo.written == before)
  }

  @Test(arguments: StoreKind.available)
  func aBadSerialListIsRefusedWholeNamingEveryOne(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let free = demo.serials(account: "ACC-0002", inUse: false)
    let busy = demo.serials(account: "ACC-0002", inUse: true)
    let foreign = demo.serials(account: "ACC-0001", inUse: false)
    try #require(free.count >= 2 && !busy.isEmpty && !foreign.isEmpty)
    let before = demo.written
    let result = demo.run([
      "deallocate", "hardware", "--account", "ACC-0002", "--serial", free[0], "NO-SUCH\u{1B}1",
      free[1], free[1], busy[0], foreign[0], "--disposition", "return", "--yes",
    ])
    #expect(result.status == 1)
    #expect(result.output.contains("unknown serial: NO-SUCH?1"), "\(result.output)")
    #expect(result.output.contains("listed twice: \(free[1])"))
    #expect(result.output.contains("in use: \(busy[0])"))
    #expect(result.output.contains("not allocated to ACC-0002: \(foreign[0])"))
    #expect(!result.output.contains("\u{1B}"))
    #expect(demo.written == before)
    #expect(demo.token(free[0])?["state"] as? String == "allocated")
  }

  @Test(arguments: StoreKind.available)
  func twoProcessesDeallocatingOneSerialMoveItOnce(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let serial = try #require(demo.serials(account: "ACC-0004", inUse: false).first)
    let arguments = [
      "deallocate", "hardware", "--account", "ACC-0004", "--serial", serial, "--disposition",
      "return", "--yes",
    ]
    let results = Results()
    DispatchQueue.concurrentPerform(iterations: 2) { index in
      results.set(index, demo.run(arguments))
    }
    let statuses = results.all.map(\.status).sorted()
    #expect(statuses.count == 2 && statuses[0] == 0, "\(results.all.map(\.output))")
    #expect([1, 3].contains(statuses[1]), "\(results.all.map(\.output))")
    let refused = results.all.first { $0.status != 0 }
    #expect(refused?.output.contains(serial) == true, "\(refused?.output ?? "")")
    let moves = demo.objects(["log", "--serial", serial, "--json"]).filter {
      ($0["action"] as? String) == "deallocate-hardware"
    }
    #expect(moves.count == 1)
    #expect(demo.token(serial)?["state"] as? String == "available")
    #expect(demo.run(["verify"]).status == 0)
  }

  /// Both sessions have checked the serial before either commits (the test holds the store's
  /// lock until both wait for it): the first commits, the second is a conflict, exit 3.
  @Test func aPickMadeStaleByAnotherSessionIsAConflict() throws {
    let demo = try DemoDirectory()
    defer { demo.remove() }
    let serial = try #require(demo.serials(account: "ACC-0006", inUse: false).first)
    let lockPath = demo.path + "/lock"
    let descriptor = open(lockPath, O_RDWR)
    try #require(descriptor >= 0)
    defer { close(descriptor) }
    var info = stat()
    try #require(fstat(descriptor, &info) == 0)
    try #require(flock(descriptor, LOCK_EX) == 0)
    let arguments = [
      "deallocate", "hardware", "--account", "ACC-0006", "--serial", serial, "--disposition",
      "initialize", "--yes",
    ]
    let results = Results()
    let group = DispatchGroup()
    for index in 0..<2 {
      DispatchQueue.global().async(group: group) { results.set(index, demo.run(arguments)) }
    }
    let deadline = Date().addingTimeInterval(30)
    while Self.waiters(inode: UInt64(info.st_ino)) < 2 && Date() < deadline {
      usleep(20_000)
    }
    flock(descriptor, LOCK_UN)
    group.wait()
    let outputs = results.all.map(\.output)
    #expect(results.all.map(\.status).sorted() == [0, 3], "\(outputs)")
    let conflict = results.all.first { $0.status == 3 }
    #expect(conflict?.output.contains("conflict") == true, "\(outputs)")
    #expect(conflict?.output.contains(serial) == true, "\(outputs)")
    let moves = demo.objects(["log", "--serial", serial, "--json"]).filter {
      ($0["action"] as? String) == "deallocate-hardware"
    }
    #expect(moves.count == 1)
    #expect(demo.run(["verify"]).status == 0)
  }

  /// How many processes wait for a flock on the file with this inode (Linux /proc/locks).
  static func waiters(inode: UInt64) -> Int {
    guard let text = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else { return 0 }
    return text.split(separator: "\n").filter {
      $0.contains("->") && $0.contains(":\(inode) ")
    }.count
  }

  @Test(arguments: StoreKind.available)
  func serialsFromACSVManifest(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let free = demo.serials(account: "ACC-0005", inUse: false)
    try #require(free.count >= 3)
    let manifest = demo.path + "/returns.csv"
    let rows = free.prefix(3).enumerated().map {
      "\($0.offset + 1),\"RMA, box \($0.offset)\",\($0.element)"
    }
    try ("Line,Note,Device Serial\n" + rows.joined(separator: "\n") + "\n")
      .write(toFile: manifest, atomically: true, encoding: .utf8)
    let preview = demo.run([
      "deallocate", "hardware", "--account", "ACC-0005", "--serials-from", manifest,
      "--disposition", "lost",
    ])
    #expect(preview.status == 0, "\(preview.output)")
    #expect(free.prefix(3).allSatisfy { preview.output.contains($0) })
    #expect(preview.output.contains("record them as lost"))
    let result = demo.run([
      "deallocate", "hardware", "--account", "ACC-0005", "--serials-from", manifest,
      "--column", "3", "--disposition", "lost", "--yes",
    ])
    #expect(result.status == 0, "\(result.output)")
    #expect(free.prefix(3).allSatisfy { demo.token($0)?["state"] as? String == "lost" })
    let badColumn = demo.run([
      "deallocate", "hardware", "--account", "ACC-0005", "--serials-from", manifest,
      "--column", "Box", "--disposition", "lost",
    ])
    #expect(badColumn.status == 2, "\(badColumn.output)")
    #expect(demo.run(["verify"]).status == 0)
  }

  @Test func containersAsJSONLines() throws {
    let demo = try DemoDirectory()
    defer { demo.remove() }
    let rows = demo.objects(["containers", "--json"])
    #expect(rows.count == 4)
    #expect(rows.first?["code"] as? String == "MAIN")
    #expect(rows.first?["default"] as? Bool == true)
    #expect(rows.dropFirst().allSatisfy { ($0["default"] as? Bool) == false })
    #expect(rows.allSatisfy { $0["name"] is String })
  }
}

/// Results written by concurrent runs.
final class Results: @unchecked Sendable {
  private let lock = NSLock()
  private var values: [Int: Spawn.Result] = [:]

  func set(_ index: Int, _ result: Spawn.Result) {
    lock.lock()
    values[index] = result
    lock.unlock()
  }

  var all: [Spawn.Result] {
    lock.lock()
    defer { lock.unlock() }
    return values.keys.sorted().compactMap { values[$0] }
  }
}
