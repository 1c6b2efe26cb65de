import Foundation
import TestSupport
import Testing

/// The line mode end to end from the home menu (issue 21), in the pseudo-terminal of
/// `LinePty` with `TERM=dumb`: the returns bench, an allocation from the Inventory and a subscription swap (its
/// new item chosen by number from the rows offered), each checked afterwards with the
/// headless commands and `verify`.
@Suite(.serialized) struct LineModeHomeRunsTests {
  @Test(.postgres) func theDatabaseCasesRun() throws { try StoreKind.reachTheServer() }

  /// Stockroom's home menu on `demo`, in the line mode.
  static func home(_ demo: DemoDirectory) throws -> LinePty {
    try LinePty([Binary.path, "--data-dir", demo.path], environment: demo.terminalEnvironment)
  }

  /// The returns bench: serials of two accounts scanned one a line, each answered in one
  /// line, returned in one commit; their tokens back in stock afterwards.
  @Test(arguments: StoreKind.available)
  func theReturnsBenchScansSerialsOfTwoAccounts(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let first = try #require(demo.freeSerials(account: "ACC-0002", model: "RB-1").first)
    let second = try #require(demo.freeSerials(account: "ACC-0004", model: "RB-1").first)
    let pty = try Self.home(demo)
    try pty.answer("2", when: "2 Returns bench")
    try pty.answer(first, when: "Type or scan serials")
    try pty.answer(second, when: "\(first): ACC-0002")
    try pty.answer("NOT-A-SERIAL", when: "\(second): ACC-0004")
    try pty.answer("", when: "Error: NOT-A-SERIAL: not a known serial")
    let confirm = try pty.wait(for: "Type confirm to commit it", after: pty.mark)
    #expect(confirm.contains("Returns bench, step 2 of 2, Confirm."), "\(confirm)")
    try pty.answer("confirm", when: "Type confirm to commit it")
    try pty.wait(for: "Committed as T", after: pty.mark)
    try pty.answer(":quit", when: "An empty line")
    #expect(pty.exitStatus() == 0)
    #expect(pty.brokenLines.isEmpty, "\(pty.brokenLines)\n\(pty.text)")
    for serial in [first, second] {
      #expect(demo.token(serial)?["state"] as? String == "available", "\(serial)")
    }
    #expect(demo.run(["verify"]).status == 0)
  }

  @Test(arguments: StoreKind.available)
  func hardwareAllocationFromTheInventory(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let serial = try #require(
      demo.objects(["tokens", "--state", "available", "--json"]).first {
        ($0["model"] as? String) == "RB-1"
      }?["serial"] as? String)
    let before = try #require(demo.column("ACC-0002", "RB-1"))
    let pty = try Self.home(demo)
    try pty.answer("5", when: "5 Inventory: Provider stock")
    try pty.answer("allocate", when: "Actions: allocate")
    try pty.answer(
      try pty.row(containing: "Fabrikam Health", listedBefore: "to allocate to the account."),
      when: "to allocate to the account.")
    try pty.answer("", when: "Allocate to Fabrikam Health, step 1 of 4, Type.")
    try pty.answer("RB-1", when: "Product (radio, required)")
    try pty.answer("", when: "Quantity (number)")
    try pty.answer("", when: "Search (button)")
    try pty.answer(serial, when: "Type or scan serials")
    try pty.answer(":done", when: "\(serial) moved to Allocate")
    try pty.answer("9.90", when: "Amount (text)")
    try pty.answer("", when: "Charged (choice)")
    try pty.answer("", when: "Trigger (choice)")
    try pty.answer("PO-2026-1", when: "Customer ref (text)")
    try pty.answer("", when: "Reference (text)")
    try pty.answer("", when: "Comment (text)")
    let confirm = try pty.wait(for: "Type confirm to commit it", after: pty.mark)
    #expect(confirm.contains("allocate 1 RB-1 hardware token to Fabrikam Health as a Rental"))
    #expect(confirm.contains("Billing: 9.90 per unit, billed on allocation"), "\(confirm)")
    try pty.answer("confirm", when: "Type confirm to commit it")
    let id = try pty.committed()
    try pty.answer(":quit", when: "An empty line opens the details")
    #expect(pty.exitStatus() == 0)
    #expect(pty.brokenLines.isEmpty, "\(pty.brokenLines)\n\(pty.text)")

    let last = try #require(demo.lastTransaction())
    #expect(last["transactionId"] as? String == id)
    #expect(last["action"] as? String == "allocate")
    let billing = try #require(last["billing"] as? [String: Any])
    #expect(billing["amount"] as? String == "9.90")
    #expect(billing["customerReference"] as? String == "PO-2026-1")
    #expect(demo.token(serial)?["account"] as? String == "ACC-0002")
    #expect(demo.column("ACC-0002", "RB-1")?.maximum == before.maximum + 1)
    #expect(demo.run(["verify"]).status == 0)
  }

  @Test(arguments: StoreKind.available)
  func subscriptionSwapFromTheSubscriptions(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let pty = try Self.home(demo)
    try pty.answer("4", when: "4 Subscriptions: Swap")
    try pty.answer(
      try pty.row(containing: "SUB-000001", listedBefore: "to open the subscription."),
      when: "to open the subscription.")
    try pty.answer("swap", when: "Actions: swap: Swap Installed Item")
    try pty.answer("STB-10001", when: "Installed Items (table, required)")
    try pty.answer("Exchanged", when: "Reason (radio, required)")
    try pty.answer("", when: "Swap (radio)")
    try pty.answer("", when: "New Installed Item Serial No (text)")
    // The new item by its number among the rows offered, each value named by its column.
    let offered = try pty.wait(for: "or its serial to choose it", after: pty.mark)
    #expect(offered.contains("Warehouse WH-CENTRAL"), "\(offered)")
    try pty.answer(
      try pty.row(containing: "STB-10007: Product 4K set-top box", listedBefore: "its serial"),
      when: "New item (table, required)")
    try pty.answer("Line Tech", when: "Performed by (text, required)")
    try pty.answer("", when: "Performed date (text, required)")
    try pty.answer("SWAP-LINE-21", when: "Transaction reference (text)")
    let preview = try pty.wait(for: "Type confirm to commit it", after: pty.mark)
    #expect(preview.contains("Add STB-10007 4K set-top box (rented)"), "\(preview)")
    #expect(preview.contains("Remove STB-10001 4K set-top box (rented)"), "\(preview)")
    #expect(preview.contains("All validations pass."), "\(preview)")
    try pty.answer("confirm", when: "Type confirm to commit it")
    _ = try pty.committed()
    try pty.answer(":quit", when: "An empty line opens the details")
    #expect(pty.exitStatus() == 0)
    #expect(pty.brokenLines.isEmpty, "\(pty.brokenLines)\n\(pty.text)")

    let items = demo.objects(["subscription", "SUB-000001", "--json"]).first?["items"]
    let serials = ((items as? [[String: Any]]) ?? []).compactMap { $0["serial"] as? String }
    #expect(serials.contains("STB-10007") && !serials.contains("STB-10001"), "\(serials)")
    let stock = demo.objects(["warehouse", "--json"])
    let stocked = { (serial: String) in
      stock.first { $0["serial"] as? String == serial }?["warehouse"] as? String
    }
    #expect(stocked("STB-10001") == "WH-CENTRAL")
    #expect(stocked("STB-10007") == nil)
    #expect(demo.run(["verify"]).status == 0)
  }
}
