@testable import StockroomDomain

/// A returns bench's inventory: five accounts, each holding 40 RB-1 and 10 KT-4 tokens
/// (`R<account>-<n>` and `K<account>-<n>`), plus provider stock, a faulty, a lost and an
/// in-use token, built through `validate` and `apply` as the ledger would.
enum ReturnsFixture {
  static let accounts = (1...5).map { "ACC-000\($0)" }

  static func serials(account: Int, model: String, count: Int) -> [String] {
    (1...count).map { "\(model)\(account)-\($0)" }
  }

  static func state() throws -> InventoryState {
    var commands: [Command] = [
      Fixture.define(
        accounts: accounts.enumerated().map {
          AccountDefinition(code: $1, name: "Customer \($0 + 1)")
        }),
      .receiveHardware(
        model: "RB-1", serials: ["FREE-1", "BAD-1", "GONE-1"], ownership: .owned,
        container: nil, needsPIN: false),
    ]
    for account in 1...5 {
      let rb = serials(account: account, model: "R", count: 40)
      let kt = serials(account: account, model: "K", count: 10)
      commands += [
        .receiveHardware(
          model: "RB-1", serials: rb, ownership: .owned, container: nil, needsPIN: false),
        .receiveHardware(
          model: "KT-4", serials: kt, ownership: .leased, container: nil, needsPIN: false),
        .allocateHardware(account: accounts[account - 1], serials: rb + kt, type: .rental),
      ]
    }
    commands += [
      .allocateHardware(account: "ACC-0001", serials: ["BAD-1", "GONE-1"], type: .rental),
      .deallocateHardware(
        account: "ACC-0001", serials: ["BAD-1"], disposition: .faulty, container: nil),
      .deallocateHardware(
        account: "ACC-0001", serials: ["GONE-1"], disposition: .lost, container: nil),
      .assignHardware(account: "ACC-0002", serials: ["R2-40"], inUse: true),
    ]
    return try Fixture.built(from: commands)
  }
}
