import Foundation
import TestSupport
import Testing

/// Three order types end to end in a real terminal: submitted in the new-order wizard,
/// approved from the approval queue (the demo's support desk acting as each approver with
/// `s`), completed from the order's detail; the inventory shows the change.
@Suite(.serialized) struct OrderWizardTests {
  @Test(.postgres) func theDatabaseCasesRun() throws { try StoreKind.reachTheServer() }

  func press(_ session: TmuxSession, _ key: String, times: Int = 1) {
    for _ in 0..<times { session.send(key) }
  }

  /// New order of the type at `typeIndex`, with `rights` presses on each detail field.
  func submit(_ session: TmuxSession, typeIndex: Int, rights: [Int]) throws {
    press(session, "n")
    try session.waitFor("Step 1 of 3")
    press(session, "Down", times: typeIndex)
    press(session, "Enter")
    press(session, "Enter")
    try session.waitFor("Step 2 of 3")
    for count in rights {
      press(session, "Right", times: count)
      press(session, "Tab")
    }
    press(session, "Tab")
    press(session, "Enter")
    try session.waitFor("Step 3 of 3")
    press(session, "Enter")
    try session.waitFor("submitted (T")
    press(session, "Enter")
    try session.waitFor("My orders")
  }

  /// From My orders: act as the next employee `steps` times.
  func actAs(_ session: TmuxSession, steps: Int, name: String) throws {
    press(session, "s", times: steps)
    try session.waitFor("Acting as \(name)")
  }

  /// Approves the first order waiting in the queue.
  func approveFirst(_ session: TmuxSession, _ number: String) throws {
    press(session, "a")
    try session.waitFor("Waiting for your approval")
    press(session, "Enter")
    try session.waitFor("Order \(number)")
    press(session, "a")
    try session.waitFor("Approved · \(number)")
    press(session, "Enter")
    try session.waitFor("Committed as")
    press(session, "Escape")
    press(session, "Escape")
    press(session, "Escape")
    try session.waitFor("My orders")
  }

  @Test(arguments: StoreKind.available)
  func threeTypesInTheTerminal(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let terminal = try WizardTerminal(demo)
    defer { terminal.close() }
    let session = terminal.session
    try session.waitFor("Wireless orders")
    press(session, "Down", times: 2)
    press(session, "Enter")
    try session.waitFor("Acting as Sam Okafor")
    try submit(session, typeIndex: 15, rights: [6])  // suspend 312-555-0107 → ORD-000006
    try submit(session, typeIndex: 13, rights: [0])  // restore 312-555-0108 → ORD-000007
    try submit(session, typeIndex: 14, rights: [9, 2])  // assign 312-555-0112 → ORD-000008
    try actAs(session, steps: 1, name: "Tom Becker")
    try approveFirst(session, "ORD-000007")
    try approveFirst(session, "ORD-000008")
    try actAs(session, steps: 8, name: "Priya Raman")
    try approveFirst(session, "ORD-000006")
    try actAs(session, steps: 1, name: "Sam Okafor")
    for (down, number) in [(2, "ORD-000006"), (1, "ORD-000007")] {
      press(session, "Home")
      press(session, "Down", times: down)
      press(session, "Enter")
      try session.waitFor("Order \(number)")
      press(session, "d")
      try session.waitFor("Completed · \(number)")
      press(session, "Enter")
      try session.waitFor("Committed as")
      press(session, "Escape")
      press(session, "Escape")
      try session.waitFor("My orders")
    }
    let lines = demo.run(["lines", "--json"]).output
    #expect(lines.contains(#""number":"312-555-0107","state":"suspended""#))
    #expect(lines.contains(#""number":"312-555-0108","state":"active""#))
    #expect(lines.contains(#""number":"312-555-0112","state":"active","employee":"EMP-0006""#))
    let orders = demo.run(["orders"]).output
    #expect(orders.components(separatedBy: "completed").count - 1 == 4, "\(orders)")
  }

  /// Issue 20 in a real terminal: under a two-level policy for suspend orders (the manager,
  /// then IT) the manager's approval leaves the order in Priya's queue at level 2, and hers
  /// sends it to fulfilment.
  @Test(arguments: StoreKind.available)
  func aSuspendGoesThroughTwoLevelsInTheTerminal(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let policy = demo.path + "/policy.toml"
    try """
    [[chain]]
    types = ["suspend"]
    [[chain.level]]
    approver = "manager"
    [[chain.level]]
    approver = "department:IT"
    """.write(toFile: policy, atomically: true, encoding: .utf8)
    #expect(demo.run(["approvals", "set", "--file", policy, "--yes"]).status == 0)
    let terminal = try WizardTerminal(demo)
    defer { terminal.close() }
    let session = terminal.session
    try session.waitFor("Wireless orders")
    press(session, "Down", times: 2)
    press(session, "Enter")
    try session.waitFor("Acting as Sam Okafor")
    try submit(session, typeIndex: 15, rights: [5])  // suspend 312-555-0106 → ORD-000006
    try actAs(session, steps: 1, name: "Tom Becker")
    try approveFirst(session, "ORD-000006")
    #expect(
      demo.objects(["order", "show", "ORD-000006", "--json"]).first?["state"] as? String
        == "pending-approval")
    try actAs(session, steps: 8, name: "Priya Raman")
    press(session, "a")
    let queue = try session.waitFor("Pending approval 2/2")
    #expect(queue.contains("ORD-000006"))
    press(session, "p")
    try session.waitFor("2. Department IT")
    press(session, "Escape")
    press(session, "Escape")
    try session.waitFor("My orders")
    try approveFirst(session, "ORD-000006")
    let order = demo.objects(["order", "show", "ORD-000006", "--json"]).first
    #expect(order?["state"] as? String == "in-fulfilment")
    let chain = order?["approvals"] as? [[String: Any]] ?? []
    #expect(chain.map { $0["approvedBy"] as? String } == ["EMP-0005", "EMP-0003"])
  }

  /// `order new --interactive`: the wizard opens above My orders on the first step still to
  /// answer, the options filled in; what is missing is typed and the order submitted.
  @Test(arguments: StoreKind.available)
  func newInteractiveOpensFilledIn(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let terminal = try WizardTerminal(
      demo,
      arguments: [
        "order", "new", "--type", "upgrade", "--line", "312-555-0107", "--comment",
        "Cracked screen", "--interactive",
      ], waitingFor: "Step 2 of 3")
    defer { terminal.close() }
    let session = terminal.session
    let details = try session.waitFor("Step 2 of 3")
    #expect(details.contains("Wireless orders › New wireless order"))
    #expect(details.contains("‹ 312-555-0107 Kenji Sato (NT, active) Pixel 8 ›"))
    #expect(details.contains("[Cracked screen"))
    #expect(details.contains("Upgrade needs a device model (--model)"))
    session.type("Pixel 9")  // the cursor is in the missing answer
    try session.waitFor("[Pixel 9")
    press(session, "Tab")
    press(session, "Tab")
    press(session, "Enter")
    let confirm = try session.waitFor("Step 3 of 3")
    #expect(confirm.contains("New device      Pixel 9"))
    #expect(confirm.contains("Comment         Cracked screen"))
    press(session, "Enter")
    try session.waitFor("Order ORD-000006 submitted (T")
    press(session, "Enter")
    try session.waitFor("My orders")
    let order = demo.run(["order", "show", "ORD-000006", "--json"])
    #expect(order.output.contains(#""type":"upgrade""#), "\(order.output)")
    #expect(order.output.contains(#""model":"Pixel 9""#), "\(order.output)")
  }

  /// Without `--type` the wizard opens on the type list, acting as `--as`; without a
  /// terminal `--interactive` is a usage error.
  @Test func newInteractiveWithoutTypeAndWithoutTerminal() throws {
    let demo = try DemoDirectory()
    defer { demo.remove() }
    let terminal = try WizardTerminal(
      demo, arguments: ["order", "new", "--as", "EMP-0007", "--interactive"],
      waitingFor: "Step 1 of 3")
    defer { terminal.close() }
    let session = terminal.session
    press(session, "Escape")
    try session.waitFor("Acting as Kenji Sato")
    let piped = demo.run(["order", "new", "--type", "suspend", "--interactive"])
    #expect(piped.status == 2)
    #expect(piped.output.contains("--interactive needs a terminal"))
  }
}
