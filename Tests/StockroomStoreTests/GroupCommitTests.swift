import Foundation
import StockroomDomain
import TestSupport
import Testing

@testable import StockroomStore

/// The returns session's group record on the file store: cut anywhere inside (a torn tail),
/// none of the session is there (file-only: a database's SQL transaction is never torn; the
/// group commit and its crash points on both stores are in ReturnsContractTests).
@Suite struct GroupCommitTests {
  /// Three accounts holding `A0…A5`, `B0…B5` and `C0…C5`.
  static func store(_ url: URL) throws -> FileStore {
    let store = try FileStore.open(at: url, options: Support.options(snapshots: true))
    var commands: [Command] = [
      .define(
        Definitions(
          provider: "P",
          containers: [Container(code: "MAIN", name: "Main"), Container(code: "RET", name: "R")],
          models: ["RB-1", "KT-4"],
          accounts: ["A", "B", "C"].enumerated().map {
            AccountDefinition(
              code: "ACC-000\($0 + 1)", name: "Customer \($1)", contact: "\($1)@example.test")
          }))
    ]
    for (index, prefix) in ["A", "B", "C"].enumerated() {
      let serials = (0..<6).map { "\(prefix)\($0)" }
      commands += [
        .receiveHardware(
          model: index == 2 ? "KT-4" : "RB-1", serials: serials, ownership: .owned,
          container: nil, needsPIN: false),
        .allocateHardware(account: "ACC-000\(index + 1)", serials: serials, type: .rental),
      ]
    }
    for command in commands { _ = try store.commit(command, context: Support.context) }
    return store
  }

  static func session(_ serials: [String], in state: InventoryState) -> ReturnsSession {
    var session = ReturnsSession(id: "Rtest", settings: ReturnsSettings(reference: "RMA-1"))
    for serial in serials { session.scan(serial, in: state) }
    return session
  }

  static let scanned = ["A0", "B0", "A1", "C0", "B1"]

  /// The record cut anywhere inside: a torn tail, cut on opening; none of the session is there.
  @Test func aTornGroupDropsTheWholeSession() throws {
    let url = Support.temporaryDirectory("group-torn")
    let store = try Self.store(url)
    let before = store.state
    let sequence = store.lastSequence
    let ledger = Support.ledger(url)
    let start = try Support.bytes(ledger).count
    _ = try store.commit(
      returns: Self.session(Self.scanned, in: store.state), context: Support.context, key: "g")
    let whole = try Support.bytes(ledger)
    for cut in [start + 1, start + 40, (start + whole.count) / 2, whole.count - 1] {
      let copy = Support.temporaryDirectory("group-torn-copy")
      try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
      try Support.write(Array(whole[..<cut]), to: Support.ledger(copy))
      let opened = try FileStore.open(at: copy, options: Support.options())
      #expect(opened.lastSequence == sequence, "cut at \(cut)")
      #expect(opened.state == before, "cut at \(cut)")
      #expect(opened.warnings.contains { $0.contains("cut an incomplete record") })
      #expect(try FileStore.verify(at: copy) == [])
    }
  }
}
