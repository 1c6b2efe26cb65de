import Foundation
import TestSupport
import Testing

/// Seed 001 on the command line: a plain installed item swapped for a different model the
/// rules allow (no extra option), a bundle kept to its product, and a component that leaves
/// its bundle while the rest stays.
@Suite(.serialized) struct SwapAndRemoveHeadlessTests {
  @Test(.postgres) func theDatabaseCasesRun() throws { try StoreKind.reachTheServer() }

  /// The serials installed on a subscription, and each one's bundle.
  static func items(_ demo: DemoDirectory, _ number: String) -> [String: String] {
    let object = demo.objects(["subscription", number, "--json"]).first
    let items = object?["items"] as? [[String: Any]] ?? []
    var found: [String: String] = [:]
    for item in items {
      guard let serial = item["serial"] as? String else { continue }
      found[serial] = item["bundle"] as? String ?? "-"
    }
    return found
  }

  /// Reverses the last transaction with `stockroom reverse`.
  static func reverseTheLast(_ demo: DemoDirectory) throws {
    let id = try #require(demo.lastTransaction()?["transactionId"] as? String)
    let reversed = demo.run(["reverse", id, "--why", "wrong item", "--yes"])
    #expect(reversed.status == 0, "\(reversed.output)")
  }

  /// The warehouse row of a stocked serial.
  static func stocked(_ demo: DemoDirectory, _ serial: String) -> [String: Any]? {
    demo.objects(["warehouse", "--json"]).first { $0["serial"] as? String == serial }
  }

  @Test(arguments: StoreKind.available)
  func aPlainItemSwapsToAnotherModel(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let swap = demo.run([
      "swap", "--subscription", "SUB-000001", "--item", "STB-10001", "--new", "STH-10001",
      "--reason", "exchanged", "--yes",
    ])
    #expect(swap.status == 0, "\(swap.output)")
    let items = Self.items(demo, "SUB-000001")
    #expect(items["STH-10001"] != nil && items["STB-10001"] == nil, "\(items)")
    #expect(Self.stocked(demo, "STB-10001")?["warehouse"] as? String == "WH-CENTRAL")
    // The swap to another model can be reversed: the first model is back.
    try Self.reverseTheLast(demo)
    let back = Self.items(demo, "SUB-000001")
    #expect(back["STB-10001"] != nil && back["STH-10001"] == nil, "\(back)")
    // A bundle stays its own product.
    let bundle = demo.run([
      "swap", "--subscription", "SUB-000002", "--item", "KIT-10001", "--new", "STH-10002",
      "--mode", "bundle",
    ])
    #expect(bundle.status == 1)
    #expect(bundle.output.contains("the new item must be the same product"), "\(bundle.output)")
    #expect(demo.run(["verify"]).status == 0)
  }

  @Test(arguments: StoreKind.available)
  func aComponentLeavesItsBundle(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let remove = demo.run([
      "remove", "--subscription", "SUB-000002", "--item", "HUB-10001", "--yes",
    ])
    #expect(remove.status == 0, "\(remove.output)")
    let items = Self.items(demo, "SUB-000002")
    #expect(items["HUB-10001"] == nil, "\(items)")
    #expect(items["KIT-10001"] == "-")
    #expect(items["CAM-10001"] == "KIT-10001" && items["SNS-10001"] == "KIT-10001")
    let back = Self.stocked(demo, "HUB-10001")
    #expect(back?["warehouse"] as? String == "WH-CENTRAL")
    #expect(back?["bundle"] is NSNull, "\(String(describing: back))")
    // The component's removal can be reversed: it is on the subscription again.
    try Self.reverseTheLast(demo)
    #expect(Self.items(demo, "SUB-000002")["HUB-10001"] != nil)
    #expect(demo.run(["verify"]).status == 0)
  }
}
