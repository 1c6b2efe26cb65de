import Foundation
import StockroomDomain
import Testing

@testable import StockroomStore

/// A token taken out by its receive's reversal (`.removed`) in the file store: it keeps its
/// place through the snapshot (read in place), leaves the inventory as if never received, is
/// received again at that place, and `verify`, in one pass or in parts of its serials, agrees
/// with the snapshot about every token's place.
@Suite struct RemovedTokenTests {
  static let serials = ["R1", "R2", "R3"]

  static func receive(_ serials: [String], on store: FileStore) throws -> Transaction {
    try store.commit(
      .receiveHardware(
        model: "RB-1", serials: serials, ownership: .owned, container: nil, needsPIN: false),
      context: Support.context
    ).transaction
  }

  @Test func aRemovedTokenKeepsItsPlaceThroughTheSnapshot() throws {
    let url = Support.temporaryDirectory("removed")
    defer { try? FileManager.default.removeItem(at: url) }
    let store = try Support.smallStore(url, options: Support.options(snapshots: true))
    let inventory = store.state.inventorySummary()
    let receipt = try Self.receive(Self.serials, on: store)
    let places = Self.serials.compactMap { store.state.tokens.index(of: $0) }
    let request = try #require(
      try ReversalRequest.gather(receipt.transactionId, why: "wrong box", from: store))
    _ = try store.commit(.reverse(request), context: Support.context)
    try store.writeSnapshot()
    let reopened = try FileStore.open(at: url, options: Support.options(snapshots: true))
    #expect(reopened.state.tokens.base is MappedTokens)
    #expect(reopened.state.tokens.overlayCount == 0)
    #expect(reopened.state.inventorySummary() == inventory)
    #expect(Self.serials.compactMap { reopened.state.tokens.index(of: $0) } == places)
    #expect(Self.serials.compactMap { reopened.state.token(serial: $0) } == [])
    #expect(reopened.state.recordedToken(serial: "R1")?.state == .removed)
    // Received again over the snapshot's base, then a serial never seen: no place moves.
    _ = try Self.receive(["R2"], on: reopened)
    _ = try Self.receive(["R4"], on: reopened)
    #expect(reopened.state.tokens.index(of: "R2") == places[1])
    #expect(reopened.state.tokens.index(of: "R4") == places[2] + 1)
    #expect(reopened.state.token(serial: "R2")?.state == .available)
    try reopened.writeSnapshot()
    #expect(try FileStore.verify(at: url) == [])
    #expect(try VerifyPartsTests.parts(url, partTokens: 2) > 1)
    #expect(VerifyPartsTests.verdict(url, partTokens: 2) == [])
  }
}
