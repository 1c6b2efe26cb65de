import Foundation
import TestSupport
import Testing

/// A wireless order in the line mode (issue 21) in a pseudo-terminal with `TERM=dumb`, from
/// submission through approval to completion, each step as the employee it belongs to: the
/// employee submits, the approver the policy names (read from Confirm) approves from their
/// queue, the support desk completes it. Checked with `order show --json`, `lines --json`
/// and `verify`.
@Suite(.serialized) struct LineOrderTests {
  @Test(.postgres) func theDatabaseCasesRun() throws { try StoreKind.reachTheServer() }

  static let line = "312-555-0107"
  static let number = "ORD-000006"

  /// On My orders: acts as `name` (`act NAME`), and waits until My orders says so.
  static func act(as name: String, _ pty: LinePty) throws {
    try pty.answer("act \(name)", when: "act: Act as another employee")
    try pty.wait(for: "Acting as \(name) (", after: pty.mark)
  }

  /// The number a list gives `choice` under ("7 312-555-0107 Kenji Sato ...").
  static func numbered(_ choice: String, in seen: String) throws -> String {
    let row = seen.split(separator: "\n").first {
      $0.first?.isNumber == true && $0.drop { $0.isNumber }.hasPrefix(" " + choice)
    }
    return try #require(row.map { String($0.prefix { $0.isNumber }) }, "\(seen)")
  }

  @Test(arguments: StoreKind.available)
  func aWirelessOrderFromSubmissionThroughApprovalToCompletion(kind: StoreKind) throws {
    let desk = try OrderDesk(kind)
    let demo = desk.demo
    defer { demo.remove() }
    let pty = try LinePty(
      [Binary.path, "--data-dir", demo.path], environment: demo.terminalEnvironment)
    try pty.answer("3", when: "3 Wireless orders")
    // Kenji Sato asks to suspend his line.
    try Self.act(as: "Kenji Sato", pty)
    try pty.answer("new", when: "Actions: new")
    let types = try pty.wait(for: "Type a number", after: pty.mark)
    try pty.answer(try Self.numbered("Suspend line", in: types), when: "Type a number")
    let lines = try pty.wait(for: "Type a number", after: pty.mark)
    #expect(lines.contains("Line (choice, required)"), "\(lines)")
    try pty.answer(try Self.numbered(Self.line, in: lines), when: "Type a number")
    try pty.answer("", when: "Comment (text)")
    let confirm = try pty.wait(for: "Type confirm to commit it", after: pty.mark)
    #expect(confirm.contains("Line: \(Self.line)"), "\(confirm)")
    // "Approver: Priya Raman (EMP-0003)": the name to act as, the employee to check.
    let named = try #require(
      confirm.split(separator: "\n").first { $0.hasPrefix("Approver: ") }, "\(confirm)")
    let parts = named.dropFirst("Approver: ".count).split(separator: "(")
    try #require(parts.count == 2, "\(named)")
    let approver = String(parts[0].dropLast())
    let approverId = String(parts[1].prefix { $0 != ")" })
    try pty.answer("confirm", when: "Type confirm to commit it")
    try pty.wait(for: "Order \(Self.number) submitted (T", after: pty.mark)
    try pty.answer("", when: "An empty line goes back.")
    #expect(desk.state(Self.number) == "pending-approval")

    // The approver the policy names approves it from their queue.
    try Self.act(as: approver, pty)
    try pty.answer("approvals", when: "Actions: new")
    let queue = try pty.wait(for: "Type a row's number to open the order", after: pty.mark)
    try pty.answer(try Self.numbered(Self.number + ":", in: queue), when: "open the order")
    try pty.answer("approve", when: "approve: Approve")
    try pty.answer("commit", when: "commit: Commit the step: Approve")
    try pty.wait(for: "Committed as T", after: pty.mark)
    #expect(desk.state(Self.number) == "in-fulfilment")
    try pty.answer(":back", when: ":back goes back")
    try pty.answer(":back", when: "State: In fulfilment")
    try pty.answer(":back", when: "Waiting for the approval of \(approver)")

    // The support desk records it done.
    try Self.act(as: "Sam Okafor", pty)
    let mine = try pty.wait(for: "Type a row's number to open the order", after: pty.mark)
    try pty.answer(try Self.numbered(Self.number + ":", in: mine), when: "open the order")
    try pty.answer("complete", when: "complete: Complete")
    try pty.answer("commit", when: "commit: Commit the step: Complete")
    try pty.wait(for: "Committed as T", after: pty.mark)
    try pty.answer(":quit", when: ":back goes back")
    #expect(pty.exitStatus() == 0)
    #expect(pty.brokenLines.isEmpty, "\(pty.brokenLines)")

    let order = try #require(demo.objects(["order", "show", Self.number, "--json"]).first)
    #expect(order["state"] as? String == "completed", "\(order)")
    #expect(order["type"] as? String == "suspend", "\(order)")
    #expect(order["employee"] as? String == "EMP-0007", "\(order)")
    let steps = (order["timeline"] as? [[String: Any]] ?? []).map {
      [$0["step"] as? String ?? "", $0["actor"] as? String ?? "", $0["comment"] as? String ?? ""]
    }
    #expect(
      steps == [
        ["submit", "EMP-0007", ""], ["approve", approverId, ""], ["complete", "EMP-0004", ""],
      ],
      "\(order)")
    let state = demo.run(["lines", "--json"]).output
    #expect(state.contains(#""number":"\#(Self.line)","state":"suspended""#), "\(state)")
    #expect(demo.run(["verify"]).status == 0)
  }
}
