import Foundation
import Testing

/// Three order types end to end in a real terminal: submitted in the new-order wizard,
/// approved from the approval queue (the demo's support desk acting as each approver with
/// `s`), completed from the order's detail; the inventory shows the change.
@Suite(.serialized) struct OrderWizardTests {
  typealias Run = TerminalLifecycleTests.Run

  func press(_ run: Run, _ key: String, times: Int = 1) {
    for _ in 0..<times { run.session.send(key) }
  }

  /// New order of the type at `typeIndex`, with `rights` presses on each detail field.
  func submit(_ run: Run, typeIndex: Int, rights: [Int]) throws {
    press(run, "n")
    try run.session.waitFor("Step 1 of 3")
    press(run, "Down", times: typeIndex)
    press(run, "Enter")
    press(run, "Enter")
    try run.session.waitFor("Step 2 of 3")
    for count in rights {
      press(run, "Right", times: count)
      press(run, "Tab")
    }
    press(run, "Tab")
    press(run, "Enter")
    try run.session.waitFor("Step 3 of 3")
    press(run, "Enter")
    try run.session.waitFor("submitted (T")
    press(run, "Enter")
    try run.session.waitFor("My orders")
  }

  /// From My orders: act as the next employee `steps` times.
  func actAs(_ run: Run, steps: Int, name: String) throws {
    press(run, "s", times: steps)
    try run.session.waitFor("Acting as \(name)")
  }

  /// Approves the first order waiting in the queue.
  func approveFirst(_ run: Run, _ number: String) throws {
    press(run, "a")
    try run.session.waitFor("Waiting for your approval")
    press(run, "Enter")
    try run.session.waitFor("Order \(number)")
    press(run, "a")
    try run.session.waitFor("Approved · \(number)")
    press(run, "Enter")
    try run.session.waitFor("Committed as")
    press(run, "Escape")
    press(run, "Escape")
    press(run, "Escape")
    try run.session.waitFor("My orders")
  }

  @Test func threeTypesInTheTerminal() throws {
    let run = try Run()
    defer {
      run.session.close()
      try? FileManager.default.removeItem(atPath: run.dataDir)
    }
    try run.session.waitFor("Wireless orders")
    press(run, "Down", times: 2)
    press(run, "Enter")
    try run.session.waitFor("Acting as Sam Okafor")
    try submit(run, typeIndex: 15, rights: [6])  // suspend 312-555-0107 → ORD-000006
    try submit(run, typeIndex: 13, rights: [0])  // restore 312-555-0108 → ORD-000007
    try submit(run, typeIndex: 14, rights: [9, 2])  // assign 312-555-0112 → ORD-000008
    try actAs(run, steps: 1, name: "Tom Becker")
    try approveFirst(run, "ORD-000007")
    try approveFirst(run, "ORD-000008")
    try actAs(run, steps: 8, name: "Priya Raman")
    try approveFirst(run, "ORD-000006")
    try actAs(run, steps: 1, name: "Sam Okafor")
    for (down, number) in [(2, "ORD-000006"), (1, "ORD-000007")] {
      press(run, "Home")
      press(run, "Down", times: down)
      press(run, "Enter")
      try run.session.waitFor("Order \(number)")
      press(run, "d")
      try run.session.waitFor("Completed · \(number)")
      press(run, "Enter")
      try run.session.waitFor("Committed as")
      press(run, "Escape")
      press(run, "Escape")
      try run.session.waitFor("My orders")
    }
    var env = ProcessInfo.processInfo.environment
    env["STOCKROOM_DATA_DIR"] = run.dataDir
    let lines = Spawn.run([Binary.path, "lines", "--json"], environment: env).output
    #expect(lines.contains(#""number":"312-555-0107","state":"suspended""#))
    #expect(lines.contains(#""number":"312-555-0108","state":"active""#))
    #expect(lines.contains(#""number":"312-555-0112","state":"active","employee":"EMP-0006""#))
    let orders = Spawn.run([Binary.path, "orders"], environment: env).output
    #expect(orders.components(separatedBy: "completed").count - 1 == 4, "\(orders)")
  }

  /// `order new --interactive`: the wizard opens above My orders on the first step still to
  /// answer, the options filled in; what is missing is typed and the order submitted.
  @Test func newInteractiveOpensFilledIn() throws {
    let comment = TmuxSession.quote("Cracked screen")
    let run = try Run(
      arguments: "order new --type upgrade --line 312-555-0107 --comment \(comment) --interactive")
    defer {
      run.session.close()
      try? FileManager.default.removeItem(atPath: run.dataDir)
    }
    let details = try run.session.waitFor("Step 2 of 3")
    #expect(details.contains("Wireless orders › New wireless order"))
    #expect(details.contains("‹ 312-555-0107 Kenji Sato (NT, active) ›"))
    #expect(details.contains("[Cracked screen"))
    #expect(details.contains("Upgrade needs a device model (--model)"))
    run.session.type("Pixel 9")  // the cursor is in the missing answer
    try run.session.waitFor("[Pixel 9")
    press(run, "Tab")
    press(run, "Tab")
    press(run, "Enter")
    let confirm = try run.session.waitFor("Step 3 of 3")
    #expect(confirm.contains("New device      Pixel 9"))
    #expect(confirm.contains("Comment         Cracked screen"))
    press(run, "Enter")
    try run.session.waitFor("Order ORD-000006 submitted (T")
    press(run, "Enter")
    try run.session.waitFor("My orders")
    var env = ProcessInfo.processInfo.environment
    env["STOCKROOM_DATA_DIR"] = run.dataDir
    let order = Spawn.run([Binary.path, "order", "show", "ORD-000006", "--json"], environment: env)
    #expect(order.output.contains(#""type":"upgrade""#), "\(order.output)")
    #expect(order.output.contains(#""model":"Pixel 9""#), "\(order.output)")
  }

  /// Without `--type` the wizard opens on the type list, acting as `--as`; without a
  /// terminal `--interactive` is a usage error.
  @Test func newInteractiveWithoutTypeAndWithoutTerminal() throws {
    let run = try Run(arguments: "order new --as EMP-0007 --interactive")
    defer {
      run.session.close()
      try? FileManager.default.removeItem(atPath: run.dataDir)
    }
    try run.session.waitFor("Step 1 of 3")
    press(run, "Escape")
    try run.session.waitFor("Acting as Kenji Sato")
    var env = ProcessInfo.processInfo.environment
    env["STOCKROOM_DATA_DIR"] = run.dataDir
    let piped = Spawn.run(
      [Binary.path, "order", "new", "--type", "suspend", "--interactive"], environment: env)
    #expect(piped.status == 2)
    #expect(piped.output.contains("--interactive needs a terminal"))
  }
}
