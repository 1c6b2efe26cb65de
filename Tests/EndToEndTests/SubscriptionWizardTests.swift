import Foundation
import TestSupport
import Testing

/// The subscription action modal in a real terminal (tmux, 80x24, and 120x40 after a resize),
/// opened from the screens or by `--interactive`, each action checked afterwards with the
/// headless commands and `stockroom verify`.
@Suite(.serialized) struct SubscriptionWizardTests {
  @Test(.postgres) func theDatabaseCasesRun() throws { try StoreKind.reachTheServer() }

  /// A demo data directory and Stockroom open on it in a tmux pane.
  final class Pane {
    let demo: DemoDirectory
    let session: TmuxSession

    /// Stockroom on `kind`'s demo store with `arguments` (none: the home screen) in a
    /// `width`x`height` pane; waits for `ready`.
    init(
      _ arguments: [String] = [], on kind: StoreKind = .file, width: Int = 80, height: Int = 24,
      ready: String = "Subscriptions"
    ) throws {
      demo = try DemoDirectory(kind)
      session = try TmuxSession(
        command: demo.command(arguments) + "; sleep 60", width: width, height: height,
        environment: demo.terminalEnvironment)
      _ = try session.waitFor(ready)
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

    /// Sends keys, then waits for `text` on the screen; returns the screen.
    @discardableResult
    func step(_ keys: [String], _ text: String) throws -> String {
      for key in keys { session.send(key) }
      return try session.waitFor(text)
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

    /// The status line (the line above the legend) of a `height`-line pane.
    func statusLine(height: Int = 24) -> String {
      let lines = session.capture().split(separator: "\n", omittingEmptySubsequences: false)
      return lines.count > height - 2 ? String(lines[height - 2]) : ""
    }

    deinit {
      session.close()
      demo.remove()
    }
  }

  @Test(arguments: StoreKind.available)
  func swapOfARentedItem(kind: StoreKind) throws {
    let pane = try Pane(on: kind)
    try pane.open("SUB-000001")
    try pane.step(["Enter"], "Step 1 of 4")
    try pane.step(["Tab", "Tab", "Tab", "Enter"], "New Installed Item Serial No ")
    try pane.step(["Tab", "Tab", "Enter"], "Performed by")
    try pane.submit()
    #expect(pane.serials("SUB-000001").contains("STB-10006"))
    #expect(!pane.serials("SUB-000001").contains("STB-10001"))
    #expect(pane.stock["STB-10001"] == "WH-CENTRAL")
    #expect(pane.stock["STB-10006"] == nil)
    #expect(pane.verified())
  }

  @Test(arguments: StoreKind.available)
  func componentSwapInABundle(kind: StoreKind) throws {
    let pane = try Pane(on: kind)
    try pane.open("SUB-000002")
    try pane.step(["Enter"], "Step 1 of 4")
    try pane.step(["Down", "Tab", "Tab", "Right"], "(•) Swap Component")
    try pane.step(["Tab", "Space"], "[x] HUB-10001")
    try pane.step(["Tab", "Enter"], "New Component Serial No.")
    try pane.step(["Tab", "Tab", "Enter"], "Performed by")
    try pane.submit()
    let hub = pane.items("SUB-000002").first { $0["serial"] as? String == "HUB-10003" }
    #expect(hub?["bundle"] as? String == "KIT-10001")
    #expect(!pane.serials("SUB-000002").contains("HUB-10001"))
    #expect(pane.stock["HUB-10001"] == "WH-CENTRAL")
    #expect(pane.verified())
  }

  @Test(arguments: StoreKind.available)
  func removeOfARentedItemGoesBackToTheWarehouse(kind: StoreKind) throws {
    let pane = try Pane(on: kind)
    try pane.open("SUB-000001")
    try pane.step(["Down", "Enter"], "Step 1 of 3")
    try pane.step(["Down", "Down", "Tab", "Enter"], "Performed by")
    try pane.submit()
    #expect(pane.serials("SUB-000001") == ["STB-10001", "MDM-10001"])
    #expect(pane.stock["RTR-10001"] == "WH-CENTRAL")
    #expect(pane.verified())
  }

  @Test(arguments: StoreKind.available)
  func removeOfASoldItemStaysWithTheAR(kind: StoreKind) throws {
    let pane = try Pane(on: kind)
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

/// `stockroom swap|remove|add-item --interactive`, and the modal in a larger terminal.
@Suite(.serialized) struct SubscriptionInteractiveTests {
  typealias Pane = SubscriptionWizardTests.Pane

  @Test func swapInteractiveShowsEveryAnswerGiven() throws {
    let pane = try Pane(
      [
        "swap", "--subscription", "SUB-000001", "--item", "STB-10001", "--new", "STB-10007",
        "--reason", "stolen", "--performed-by", "Sam Tech", "--reference", "WO-77",
        "--interactive",
      ], ready: "Step 4 of 4")
    // Every step is answered: it opens on the preview, over the subscription's screen.
    var screen = pane.session.capture()
    #expect(screen.contains("Subscriptions › SUB-000001 › Swap"))
    #expect(screen.contains("Reason: Stolen"))
    #expect(screen.contains("Add STB-10007 4K set-top box (rented)"))
    #expect(screen.contains("Remove STB-10001 4K set-top box (rented)"))
    #expect(screen.contains("Not stocked back in (stolen): STB-10001"))
    screen = try pane.step(["Escape"], "Step 3 of 4")
    #expect(screen.contains("[Sam Tech"))
    #expect(screen.contains("[WO-77"))
    screen = try pane.step(["Escape"], "Step 2 of 4")
    #expect(screen.contains("> STB-10007"))
    screen = try pane.step(["Escape"], "Step 1 of 4")
    #expect(screen.contains("> STB-10001"))
    #expect(screen.contains("(•) Stolen"))
    // Forward again with Next on each step, then Confirm.
    try pane.step(["Tab", "Tab", "Tab", "Enter"], "Step 2 of 4")
    try pane.step(["Tab", "Tab", "Enter"], "Step 3 of 4")
    try pane.submit()
    #expect(pane.serials("SUB-000001").contains("STB-10007"))
    #expect(pane.stock["STB-10001"] == nil, "a stolen item is not stocked back in")
    let shown = pane.demo.run(["show", "T000167"]).output
    #expect(shown.contains("WO-77"))
    #expect(shown.contains("Sam Tech"))
    #expect(pane.verified())
  }

  @Test func aMissingAnswerOpensWhereItIsAsked() throws {
    let pane = try Pane(
      ["swap", "--subscription", "SUB-000001", "--item", "STB-10001", "--interactive"],
      ready: "Step 2 of 4")
    #expect(pane.statusLine().contains("New item: choose one of the 5 found"))
    try pane.step(["Down"], "> STB-10006")
    try pane.step(["Tab", "Enter"], "Step 3 of 4")
  }

  @Test func resizingKeepsEveryAnswerAndUsesTheRoom() throws {
    let pane = try Pane()
    try pane.open("SUB-000002")
    try pane.step(["Enter"], "Step 1 of 4")
    // The hub of the security kit, Exchanged, Swap Component.
    try pane.step(["Down", "Tab", "Right", "Tab", "Right"], "(•) Swap Component")
    try pane.step(["Tab", "Space"], "[x] HUB-10001")
    try pane.step(["Tab", "Enter"], "New Component Serial No.")
    pane.session.type("HUB")
    try pane.step(["Tab", "Down"], "> HUB-10004")
    // The terminal grows in the middle of the step: every answer is still there, and the
    // tables take the room (the warehouse's name, the distributors column).
    pane.session.resize(width: 120, height: 40)
    var screen = try pane.session.waitFor("WH-CENTRAL Central Warehouse")
    #expect(screen.contains("> HUB-10004"))
    #expect(screen.contains("[HUB"))
    #expect(screen.split(separator: "\n").first?.count ?? 0 > 100)
    screen = try pane.step(["Escape"], "Distributors")
    #expect(screen.contains("[x] HUB-10001"))
    #expect(screen.contains("(•) Exchanged"))
    #expect(screen.contains("(•) Swap Component"))
    try pane.step(["Tab", "Tab", "Tab", "Tab", "Enter"], "> HUB-10004")
    try pane.step(["Tab", "Tab", "Enter"], "Performed by")
    pane.session.send("Tab", "Tab")
    pane.session.type("WO-88")
    try pane.step(["Tab", "Enter"], "All validations pass.")
    screen = pane.session.capture()
    #expect(screen.contains("Reason: Exchanged · Mode: Swap Component"))
    #expect(screen.contains("Add component HUB-10004 of KIT-10001"))
    try pane.step(["Enter"], "Transaction ID T000167")
    let hub = pane.items("SUB-000002").first { $0["serial"] as? String == "HUB-10004" }
    #expect(hub?["bundle"] as? String == "KIT-10001")
    #expect(pane.stock["HUB-10001"] == "WH-CENTRAL")
    #expect(pane.demo.run(["show", "T000167"]).output.contains("WO-88"))
    #expect(pane.verified())
  }

  @Test func addItemAt120x40ShowsEveryItemFound() throws {
    let pane = try Pane(
      ["add-item", "--subscription", "SUB-000003", "--ownership", "sold", "--interactive"],
      width: 120, height: 40, ready: "Step 1 of 3")
    let screen = pane.session.capture()
    #expect(screen.contains("26 found"))
    #expect(screen.contains("STB-10008"), "two dozen rows are shown without scrolling")
    #expect(screen.contains("(•) Sold"))
    #expect(pane.statusLine(height: 40).contains("choose one of the 26 found"))
    try pane.step(["End"], "> STH-10002")
    try pane.step(["Tab", "Tab", "Enter"], "Step 2 of 3")
  }
}

/// The headless twins: consent, refusals and their exit codes, JSON fields.
@Suite struct SubscriptionHeadlessTests {
  @Test(.postgres) func theDatabaseCasesRun() throws { try StoreKind.reachTheServer() }

  @Test func listsAndShowsAsJSON() throws {
    let demo = try DemoDirectory()
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

  @Test(arguments: StoreKind.available)
  func withoutYesNothingIsWritten(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let before = demo.written
    let preview = demo.run([
      "swap", "--subscription", "SUB-000001", "--item", "STB-10001", "--new", "STB-10006",
    ])
    #expect(preview.status == 0)
    #expect(preview.output.contains("Nothing written; add --yes to commit."))
    #expect(preview.output.contains("Stock In to WH-CENTRAL"))
    #expect(demo.written == before)
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

  @Test func refusalsAndUsageErrorsHaveTheirExitCodes() throws {
    let demo = try DemoDirectory()
    defer { demo.remove() }
    let cases: [([String], Int32, String)] = [
      (["subscription", "SUB-999999"], 1, "unknown subscription SUB-999999"),
      (["remove", "--subscription", "SUB-000009", "--item", "STB-10005"], 1, "is Suspended"),
      (["remove", "--subscription", "SUB-000001", "--item", "STB-10001"], 1, "R-04"),
      (["add-item", "--subscription", "SUB-000008", "--item", "STB-10006"], 1, "Cancelled"),
      (
        // Another model is allowed; this one breaks the Active rules.
        ["swap", "--subscription", "SUB-000001", "--item", "STB-10001", "--new", "MDM-10005"], 1,
        "R-04"
      ),
      (
        ["swap", "--subscription", "SUB-000002", "--item", "HUB-10001", "--new", "CAM-10003"], 1,
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
      (["swap", "--subscription", "SUB-000001", "--interactive"], 2, "needs a terminal"),
    ]
    for (arguments, status, message) in cases {
      let result = demo.run(arguments)
      #expect(result.status == status, "\(arguments)")
      #expect(result.output.contains(message), "\(arguments): \(result.output)")
    }
  }
}
