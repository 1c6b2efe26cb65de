import Foundation
import TestSupport
import Testing

/// `stockroom reverse` of a hardware receive against the real binary, on both stores: the
/// inventory is as before the receive, a second reversal is refused, a receive whose serial
/// was allocated since is refused naming the serial and the transaction, and a serial taken
/// out can be received again; `verify` passes throughout.
@Suite(.serialized) struct ReverseReceiveHeadlessTests {
  @Test(.postgres) func theDatabaseCasesRun() throws { try StoreKind.reachTheServer() }

  /// Receives `serials` as KT-4; the receive's Transaction ID.
  static func received(_ demo: DemoDirectory, _ serials: [String]) throws -> String {
    try ReverseHeadlessTests.committed(
      demo.run(
        ["receive", "--model", "KT-4", "--serial"] + serials + [
          "--ownership", "owned", "--container", "MAIN", "--yes", "--json",
        ]))
  }

  @Test(arguments: StoreKind.available)
  func aReversedReceiveLeavesTheInventoryAsBefore(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let inventory = demo.run(["inventory", "--json"]).output
    let tokens = demo.run(["tokens", "--json"]).output
    let id = try Self.received(demo, ["UNDO-1", "UNDO-2"])
    #expect(demo.run(["inventory", "--json"]).output != inventory)
    let preview = demo.run(["reverse", id, "--why", "wrong delivery"])
    #expect(preview.status == 0, "\(preview.output)")
    #expect(preview.output.contains("Take 2 KT-4 serials out of the provider's stock"))
    let reversal = try ReverseHeadlessTests.committed(
      demo.run(["reverse", id, "--why", "wrong delivery", "--yes", "--json"]))
    #expect(demo.run(["inventory", "--json"]).output == inventory)
    #expect(demo.run(["tokens", "--json"]).output == tokens)
    #expect(demo.run(["tokens", "--serial", "UNDO-1"]).output.contains("removed"))
    #expect(demo.run(["show", id]).output.contains("UNDO-1 (now removed)"))
    #expect(demo.run(["verify"]).status == 0)
    let again = demo.run(["reverse", id, "--why", "again", "--yes"])
    #expect(again.status == 1 && again.output.contains("already reversed by \(reversal)"))
    let allocate = demo.run(["allocate", "--account", "ACC-0001", "--serial", "UNDO-1", "--yes"])
    #expect(allocate.status != 0 && allocate.output.contains("UNDO-1"))
    // Received again: in the inventory once more, and verify still passes.
    _ = try Self.received(demo, ["UNDO-1"])
    #expect(demo.run(["tokens", "--serial", "UNDO-1"]).output.contains("available"))
    #expect(demo.run(["verify"]).status == 0)
  }

  @Test(arguments: StoreKind.available)
  func aReceiveWhoseSerialWasAllocatedSinceIsRefused(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let id = try Self.received(demo, ["UNDO-1", "UNDO-2"])
    let taken = try ReverseHeadlessTests.committed(
      demo.run(["allocate", "--account", "ACC-0003", "--serial", "UNDO-2", "--yes", "--json"]))
    let refused = demo.run(["reverse", id, "--why", "mistake", "--yes"])
    #expect(refused.status == 1, "\(refused.output)")
    #expect(refused.output.contains("UNDO-2 was since taken by \(taken) (allocate ACC-0003"))
    #expect(demo.run(["tokens", "--serial", "UNDO-1"]).output.contains("available"))
    #expect(demo.run(["verify"]).status == 0)
  }
}
