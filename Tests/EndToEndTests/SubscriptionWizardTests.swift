import Foundation
import Testing

/// The subscription action modal in a real terminal (tmux, 80x24), each action checked
/// afterwards with the headless commands and `stockroom verify`.
@Suite(.serialized) struct SubscriptionWizardTests {
  /// A demo data directory and Stockroom open on it in a tmux pane.
  final class Pane {
    let demo = DemoDirectory()
    let session: TmuxSession

    init() throws {
      session = try TmuxSession(
        command: "\(TmuxSession.quote(Binary.path)) --data-dir \(TmuxSession.quote(demo.path))",
        environment: ["LANG": "C.UTF-8", "STOCKROOM_NOW": "2026-11-22T09:00:00Z"])
      _ = try session.waitFor("Subscriptions")
    }

    /// Opens a subscription from Home → Subscriptions by searching its number.
    func open(_ number: String) throws {
      session.send("Down", "Down", "Down", "Enter")
      _ = try session.waitFor("Search")
      session.type(number)
      _ = try session.waitFor("1 of 10")
      session.send("Enter")
      _ = try session.waitFor("Subscription \(number)")
    }

    /// Sends keys, then waits for `text` on the screen.
    func step(_ keys: [String], _ text: String) throws {
      for key in keys { session.send(key) }
      _ = try session.waitFor(text)
    }

    /// From the Details step: Next, then Confirm on the preview; waits for the result.
    func submit() throws {
      try step(["Tab", "Tab", "Tab", "Enter"], "All validations pass.")
      try step(["Enter"], "Transaction ID T000167")
    }

    /// The subscription's installed items as the headless twin prints them.
    func items(_ number: String) -> [[String: Any]] {
      let object = demo.objects(["subscription", number, "--json"]).first
      return object?["items"] as? [[String: Any]] ?? []
    }

    func serials(_ number: String) -> [String] {
      items(number).compactMap { $0["serial"] as? String }
    }

    /// Every stocked serial → warehouse.
    var stock: [String: String] {
      var result: [String: String] = [:]
      for row in demo.objects(["warehouse", "--json"]) {
        if let serial = row["serial"] as? String { result[serial] = row["warehouse"] as? String }
      }
      return result
    }

    func verified() -> Bool { demo.run(["verify"]).status == 0 }

    deinit {
      session.close()
      demo.remove()
    }
  }

  @Test func swapOfARentedItem() throws {
    let pane = try Pane()
    try pane.open("SUB-000001")
    try pane.step(["Enter"], "Step 1 of 4")
    try pane.step(["Tab", "Tab", "Tab", "Enter"], "New Installed Item Serial No.")
    try pane.step(["Tab", "Tab", "Enter"], "Performed by")
    try pane.submit()
    #expect(pane.serials("SUB-000001").contains("STB-10006"))
    #expect(!pane.serials("SUB-000001").contains("STB-10001"))
    #expect(pane.stock["STB-10001"] == "WH-CENTRAL")
    #expect(pane.stock["STB-10006"] == nil)
    #expect(pane.verified())
  }

  @Test func componentSwapInABundle() throws {
    let pane = try Pane()
    try pane.open("SUB-000002")
    try pane.step(["Enter"], "Step 1 of 4")
    try pane.step(["Down", "Down", "Tab", "Tab", "Right"], "(•) Swap Component")
    try pane.step(["Tab", "Enter"], "New Component Serial No.")
    try pane.step(["Tab", "Tab", "Enter"], "Performed by")
    try pane.submit()
    let hub = pane.items("SUB-000002").first { $0["serial"] as? String == "HUB-10003" }
    #expect(hub?["bundle"] as? String == "KIT-10001")
    #expect(!pane.serials("SUB-000002").contains("HUB-10001"))
    #expect(pane.stock["HUB-10001"] == "WH-CENTRAL")
    #expect(pane.verified())
  }

  @Test func removeOfARentedItemGoesBackToTheWarehouse() throws {
    let pane = try Pane()
    try pane.open("SUB-000001")
    try pane.step(["Down", "Enter"], "Step 1 of 3")
    try pane.step(["Down", "Down", "Tab", "Enter"], "Performed by")
    try pane.submit()
    #expect(pane.serials("SUB-000001") == ["STB-10001", "MDM-10001"])
    #expect(pane.stock["RTR-10001"] == "WH-CENTRAL")
    #expect(pane.verified())
  }

  @Test func removeOfASoldItemStaysWithTheAR() throws {
    let pane = try Pane()
    try pane.open("SUB-000002")
    try pane.step(["Down", "Enter"], "Step 1 of 3")
    try pane.step(["End", "Tab", "Enter"], "Performed by")
    try pane.submit()
    #expect(!pane.serials("SUB-000002").contains("RTR-10002"))
    #expect(pane.stock["RTR-10002"] == nil)
    let shown = pane.demo.run(["show", "T000167", "--json"]).output
    #expect(shown.contains("\"toCustomer\":[{\"product\":\"ROUTER\",\"serial\":\"RTR-10002\""))
    #expect(shown.contains("\"action\":\"remove-installed-item\""))
    #expect(pane.verified())
  }

  @Test func undoAddInDraft() throws {
    let pane = try Pane()
    try pane.open("SUB-000003")
    try pane.step(["Down", "Enter"], "UNDOADDINSTITEM")
    try pane.step(["Tab", "Enter"], "Performed by")
    try pane.submit()
    #expect(pane.serials("SUB-000003") == [])
    #expect(pane.stock["STB-10002"] == "WH-CENTRAL")
    #expect(pane.demo.run(["show", "T000167"]).output.contains("undo-add-installed-item"))
    #expect(pane.verified())
  }
}

/// The headless twins: consent, refusals and their exit codes, JSON fields.
@Suite struct SubscriptionHeadlessTests {
  @Test func listsAndShowsAsJSON() {
    let demo = DemoDirectory()
    defer { demo.remove() }
    let rows = demo.objects(["subscriptions", "--json"])
    #expect(rows.count == 10)
    #expect(rows.first?["number"] as? String == "SUB-000001")
    #expect(rows.first?["state"] as? String == "effective")
    let item = (rows.first?["items"] as? [[String: Any]])?.first
    #expect(item?["serial"] as? String == "STB-10001")
    #expect(item?["product"] as? String == "STB-4K")
    #expect(item?["ownership"] as? String == "rented")
    #expect(demo.objects(["subscriptions", "--search", "Grace", "--json"]).count == 2)
    let stocked = demo.objects(["warehouse", "--json"])
    #expect(stocked.contains { $0["serial"] as? String == "STB-10006" })
    #expect(demo.run(["warehouse", "WH-NORTH"]).output.contains("Transactions"))
  }

  @Test func withoutYesNothingIsWritten() {
    let demo = DemoDirectory()
    defer { demo.remove() }
    let before = demo.ledgerSize
    let preview = demo.run([
      "swap", "--subscription", "SUB-000001", "--item", "STB-10001", "--new", "STB-10006",
    ])
    #expect(preview.status == 0)
    #expect(preview.output.contains("Nothing written; add --yes to commit."))
    #expect(preview.output.contains("Stock In to WH-CENTRAL"))
    #expect(demo.ledgerSize == before)
    let done = demo.run([
      "swap", "--subscription", "SUB-000001", "--item", "STB-10001", "--new", "STB-10006",
      "--reason", "stolen", "--performed-by", "Sam", "--reference", "WO-1", "--yes",
    ])
    #expect(done.status == 0)
    #expect(done.output.contains("Transaction ID: T000167"))
    #expect(done.output.contains("STB-10001 not stocked back in (stolen)"))
    let again = demo.run([
      "add-item", "--subscription", "SUB-000003", "--item", "STB-10007", "--reference", "wo-1",
      "--yes",
    ])
    #expect(again.status == 1)
    #expect(again.output.contains("transaction reference wo-1 is already used"))
    #expect(demo.run(["verify"]).status == 0)
  }

  @Test func refusalsAndUsageErrorsHaveTheirExitCodes() {
    let demo = DemoDirectory()
    defer { demo.remove() }
    let cases: [([String], Int32, String)] = [
      (["subscription", "SUB-999999"], 1, "unknown subscription SUB-999999"),
      (["remove", "--subscription", "SUB-000009", "--item", "STB-10005"], 1, "is Suspended"),
      (["remove", "--subscription", "SUB-000001", "--item", "STB-10001"], 1, "R-04"),
      (["add-item", "--subscription", "SUB-000008", "--item", "STB-10006"], 1, "Cancelled"),
      (
        ["swap", "--subscription", "SUB-000001", "--item", "STB-10001", "--new", "MDM-10005"], 1,
        "the same product"
      ),
      (
        ["swap", "--subscription", "SUB-000001", "--item", "STB-10001", "--new", "STB-10002"], 1,
        "not available"
      ),
      (["remove", "--subscription", "SUB-000001"], 2, "--item is required"),
      (
        ["swap", "--subscription", "SUB-000001", "--item", "A", "--new", "B", "--mode", "x"], 2,
        "--mode x"
      ),
      (["warehouse", "NOPE"], 1, "unknown warehouse NOPE"),
    ]
    for (arguments, status, message) in cases {
      let result = demo.run(arguments)
      #expect(result.status == status, "\(arguments)")
      #expect(result.output.contains(message), "\(arguments): \(result.output)")
    }
  }
}
