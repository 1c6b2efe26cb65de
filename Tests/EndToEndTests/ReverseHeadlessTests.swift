import Foundation
import TestSupport
import Testing

/// `stockroom reverse` against the real binary, on both stores: a hardware deallocation
/// reversed puts its serials back exactly, a second reversal is refused, and a reversal that a
/// later transaction blocks (or of an action that cannot be reversed) is refused naming why.
@Suite(.serialized) struct ReverseHeadlessTests {
  @Test(.postgres) func theDatabaseCasesRun() throws { try StoreKind.reachTheServer() }

  /// The Transaction ID a `--yes --json` run printed.
  static func committed(_ result: Spawn.Result) throws -> String {
    let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
    return try #require(object?["transactionId"] as? String, "\(result.output)")
  }

  /// What `tokens --json` and ACC-0002's `allocation --json` print.
  static func tables(_ demo: DemoDirectory) -> [String] {
    [
      demo.run(["tokens", "--json"]).output,
      demo.run(["allocation", "--account", "ACC-0002", "--json"]).output,
    ]
  }

  /// Two unused serials of ACC-0002 deallocated with `options`; the deallocation's
  /// Transaction ID, the serials, and the tables as they were before it.
  static func deallocated(_ demo: DemoDirectory, _ options: [String]) throws
    -> (id: String, serials: [String], tables: [String])
  {
    let free = Array(demo.serials(account: "ACC-0002", inUse: false).prefix(2))
    try #require(free.count == 2)
    let tables = Self.tables(demo)
    let id = try committed(
      demo.run(
        ["deallocate", "hardware", "--account", "ACC-0002", "--serial"] + free + options + [
          "--yes", "--json",
        ]))
    return (id, free, tables)
  }

  @Test(arguments: StoreKind.available)
  func aReversedDeallocationIsAsBefore(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let (id, free, tables) = try Self.deallocated(
      demo, ["--disposition", "faulty", "--container", "RET"])
    let written = demo.written
    let preview = demo.run(["reverse", id, "--why", "wrong account"])
    #expect(preview.status == 0 && preview.output.contains("Reverse \(id) (deallocate-hardware"))
    #expect(preview.output.contains("Nothing written; add --yes to commit."))
    #expect(demo.written == written)
    let reversal = try Self.committed(
      demo.run(["reverse", id, "--why", "wrong account", "--key", "undo-1", "--yes", "--json"]))
    #expect(Self.tables(demo) == tables)
    #expect(demo.run(["verify"]).status == 0)
    let original = demo.objects(["show", id, "--json"]).first
    #expect(original?["reversedBy"] as? String == reversal)
    let undo = demo.objects(["show", reversal, "--json"]).first
    #expect(undo?["reverses"] as? String == id && undo?["action"] as? String == "reverse")
    #expect(demo.run(["show", id]).output.contains("Reversed by \(reversal)"))
    #expect(demo.run(["log", "--serial", free[0]]).output.contains("Reverses \(id)"))
    // The same key returns the first reversal; a second reversal is refused.
    let retry = demo.run(["reverse", id, "--why", "wrong account", "--key", "undo-1", "--yes"])
    #expect(retry.status == 0 && retry.output.contains(reversal))
    let again = demo.run(["reverse", id, "--why", "again", "--yes"])
    #expect(again.status == 1 && again.output.contains("already reversed by \(reversal)"))
  }

  @Test(arguments: StoreKind.available)
  func laterTransactionsBlockTheReversalNamingThem(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let free = demo.serials(account: "ACC-0002", inUse: false)
    try #require(free.count >= 2)
    let deallocation = try Self.committed(
      demo.run([
        "deallocate", "hardware", "--account", "ACC-0002", "--serial", free[0],
        "--disposition", "return", "--yes", "--json",
      ]))
    let taken = try Self.committed(
      demo.run(["allocate", "--account", "ACC-0003", "--serial", free[0], "--yes", "--json"]))
    let refused = demo.run(["reverse", deallocation, "--why", "mistake", "--yes"])
    #expect(refused.status == 1, "\(refused.output)")
    #expect(refused.output.contains("\(free[0]) was since taken by \(taken) (allocate ACC-0003"))
    // An allocation whose serial was deallocated since.
    let returned = try Self.committed(
      demo.run([
        "deallocate", "hardware", "--account", "ACC-0003", "--serial", free[0],
        "--disposition", "lost", "--yes", "--json",
      ]))
    let blocked = demo.run(["reverse", taken, "--why", "mistake", "--yes"])
    #expect(blocked.status == 1 && blocked.output.contains("since taken by \(returned)"))
    // A software deallocation whose quantity the provider no longer holds.
    let mobilePass = try Self.committed(
      demo.run([
        "deallocate", "mobilepass", "--account", "ACC-0002", "--quantity", "1", "--yes", "--json",
      ]))
    let software = demo.objects(["inventory", "--json"]).first?["software"] as? [[String: Any]]
    let held = try #require(
      software?.first { $0["product"] as? String == "mobilepass" }?["total"] as? Int)
    let drained = demo.run([
      "allocate", "--account", "ACC-0003", "--product", "mobilepass", "--quantity", String(held),
      "--yes",
    ])
    #expect(drained.status == 0, "\(drained.output)")
    let short = demo.run(["reverse", mobilePass, "--why", "mistake", "--yes"])
    #expect(
      short.status == 1 && short.output.contains("the provider no longer holds 1 owned MobilePASS"))
    #expect(demo.run(["verify"]).status == 0)
  }

  @Test(arguments: StoreKind.available)
  func aSwapIsSwappedBackUnlessItsItemWasInstalledSince(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let swap = try Self.committed(
      demo.run([
        "swap", "--subscription", "SUB-000001", "--item", "STB-10001", "--new", "STB-10006",
        "--yes", "--json",
      ]))
    let preview = demo.run(["reverse", swap, "--why", "wrong box"])
    #expect(preview.output.contains("Swap STB-10006 back for STB-10001 on SUB-000001"))
    let taken = try Self.committed(
      demo.run([
        "add-item", "--subscription", "SUB-000003", "--item", "STB-10001", "--yes", "--json",
      ]))
    let refused = demo.run(["reverse", swap, "--why", "wrong box", "--yes"])
    #expect(refused.status == 1, "\(refused.output)")
    #expect(refused.output.contains("STB-10001 was since taken by \(taken) (add-installed-item"))
    // Once the item is back in stock, the swap is swapped back.
    _ = try Self.committed(
      demo.run(["reverse", taken, "--why", "wrong subscription", "--yes", "--json"]))
    _ = try Self.committed(demo.run(["reverse", swap, "--why", "wrong box", "--yes", "--json"]))
    let items = demo.objects(["subscription", "SUB-000001", "--json"]).first?["items"]
    let serials = ((items as? [[String: Any]]) ?? []).compactMap { $0["serial"] as? String }
    #expect(serials.contains("STB-10001") && !serials.contains("STB-10006"), "\(serials)")
    #expect(demo.run(["verify"]).status == 0)
  }

  @Test(arguments: StoreKind.available)
  func orderStepsAndLifeCycleChangesAreNotReversible(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let log = demo.objects(["log", "--json"])
    for action in ["order-submit", "order-approve", "change-subscription-state", "define"] {
      guard
        let id = log.first(where: { $0["action"] as? String == action })?["transactionId"]
          as? String
      else { continue }
      let refused = demo.run(["reverse", id, "--why", "mistake", "--yes"])
      #expect(refused.status == 1, "\(action): \(refused.output)")
      #expect(refused.output.contains("\(id) (\(action)) cannot be reversed"))
    }
    #expect(demo.run(["reverse", "T999999", "--why", "x"]).status == 1)
    #expect(demo.run(["reverse", "T000001", "--why", ""]).status == 2)
  }
}
