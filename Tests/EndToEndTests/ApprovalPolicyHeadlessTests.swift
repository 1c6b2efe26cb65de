import Foundation
import TestSupport
import Testing

/// The acceptance of issue 20, headless: a two-level policy for `suspend` orders (the manager,
/// then `department:IT`), minimums that skip or keep a level, a bad file and a non-desk
/// employee refused, and orders keeping the policy they were submitted under.
@Suite(.serialized) struct ApprovalPolicyHeadlessTests {
  @Test(.postgres) func theDatabaseCasesRun() throws { try StoreKind.reachTheServer() }

  static let twoLevels = """
    [[chain]]
    types = ["suspend"]
    [[chain.level]]
    approver = "manager"
    [[chain.level]]
    approver = "department:IT"
    """

  /// Writes `text` as a policy file in the demo's directory; its path.
  func policy(_ desk: OrderDesk, _ name: String, _ text: String) throws -> String {
    let path = desk.demo.path + "/" + name
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  func approvals(_ desk: OrderDesk, _ number: String) -> [[String: Any]] {
    desk.demo.objects(["order", "show", number, "--json"]).first?["approvals"]
      as? [[String: Any]] ?? []
  }

  @Test(arguments: StoreKind.available)
  func aSuspendGoesThroughTheManagerThenIT(kind: StoreKind) throws {
    let desk = try OrderDesk(kind)
    defer { desk.demo.remove() }
    let file = try policy(desk, "policy.toml", Self.twoLevels)
    desk.refused(
      ["approvals", "set", "--file", file, "--as", "EMP-0006", "--yes"], "only the support desk")
    desk.ok(["approvals", "set", "--file", file, "--as", "EMP-0004", "--yes"])
    let shown = desk.demo.objects(["approvals", "--json"]).first?["chains"] as? [[String: Any]]
    #expect(shown?.first?["types"] as? [String] == ["suspend"])
    let levels = shown?.first?["levels"] as? [[String: Any]]
    #expect(levels?.map { $0["approver"] as? String } == ["manager", "department:IT"])
    #expect(levels?.allSatisfy { $0["minimum"] is NSNull } == true)

    let number = desk.ok(
      ["order", "new", "--type", "suspend", "--line", "312-555-0106", "--as", "EMP-0006", "--yes"])
    desk.refused(["order", "approve", number, "--as", "EMP-0006", "--yes"], "own order")
    desk.refused(["order", "approve", number, "--as", "EMP-0003", "--yes"], "EMP-0005")
    desk.ok(["order", "approve", number, "--as", "EMP-0005", "--yes"])
    #expect(desk.state(number) == "pending-approval")
    desk.refused(["order", "approve", number, "--as", "EMP-0006", "--yes"], "own order")
    desk.refused(["order", "approve", number, "--as", "EMP-0005", "--yes"], "two levels")
    desk.ok(["order", "approve", number, "--as", "EMP-0003", "--yes"])
    #expect(desk.state(number) != "pending-approval")

    let shownOrder = try #require(desk.demo.objects(["order", "show", number, "--json"]).first)
    #expect(shownOrder["price"] as? String == "0.00")
    let chain = approvals(desk, number)
    #expect(chain.map { $0["level"] as? Int } == [1, 2])
    #expect(chain.map { $0["approver"] as? String } == ["manager", "department:IT"])
    #expect(chain.map { $0["approvedBy"] as? String } == ["EMP-0005", "EMP-0003"])
    #expect(chain.allSatisfy { $0["time"] is String && $0["skipped"] as? Bool == false })
    let mail = shownOrder["mail"] as? [[String: Any]] ?? []
    let needed = mail.filter { $0["milestone"] as? String == "approval-needed" }
    #expect(
      needed.map { $0["to"] as? [String] }
        == [["tom.becker@contoso.example"], ["priya.raman@contoso.example"]])
  }

  /// CASE-01 costs 49.99: a minimum above it skips its level, one at it keeps it; a new
  /// policy leaves the orders already submitted on theirs.
  @Test func minimumsAndPolicyChanges() throws {
    let desk = try OrderDesk()
    defer { desk.demo.remove() }
    func set(_ minimum: String) throws {
      let text = """
        [[chain]]
        types = ["accessory"]
        [[chain.level]]
        approver = "manager"
        [[chain.level]]
        approver = "department:IT"
        minimum = "\(minimum)"
        """
      desk.ok(["approvals", "set", "--file", try policy(desk, "p.toml", text), "--yes"])
    }
    let order = [
      "order", "new", "--type", "accessory", "--line", "312-555-0106", "--accessory", "CASE-01",
    ]
    try set("50.00")
    let above = desk.ok(order + ["--as", "EMP-0006", "--yes"])
    try set("49.99")
    let at = desk.ok(order + ["--as", "EMP-0008", "--yes"])
    #expect(approvals(desk, above).map { $0["skipped"] as? Bool } == [false, true])
    #expect(approvals(desk, at).map { $0["skipped"] as? Bool } == [false, false])
    desk.ok(["order", "approve", above, "--as", "EMP-0005", "--yes"])
    #expect(desk.state(above) == "in-fulfilment")
    desk.ok(["order", "approve", at, "--as", "EMP-0005", "--yes"])
    #expect(desk.state(at) == "pending-approval")

    let bad = try policy(desk, "bad.toml", "[[chain]]\n[[chain.level]]\napprover = \"EMP-0404\"\n")
    desk.refused(["approvals", "set", "--file", bad, "--yes"], "line 3: chain 1, level 1")
  }
}
