@testable import StockroomDomain

/// A small inventory built through `validate` and `apply`, as the ledger would.
enum Fixture {
  static func state() throws -> InventoryState {
    try built(from: [
      define(accounts: [
        AccountDefinition(code: "ACC-0001", name: "Big"),
        AccountDefinition(code: "ACC-0002", name: "Small"),
      ]),
      .receiveSoftware(product: .capacity, quantity: 100, ownership: .owned, container: nil),
      .receiveSoftware(product: .capacity, quantity: 20, ownership: .leased, container: "RET"),
      .receiveSoftware(product: .sms, quantity: 50, ownership: .owned, container: nil),
      .receiveSoftware(product: .sms, quantity: 10, ownership: .leased, container: nil),
      .receiveSoftware(product: .mobilepass, quantity: 30, ownership: .owned, container: nil),
      .receiveHardware(
        model: "RB-1", serials: ["A1", "A2", "A3", "A4"], ownership: .owned, container: nil,
        needsPIN: true),
      .receiveHardware(
        model: "KT-4", serials: ["B1", "B2"], ownership: .leased, container: nil, needsPIN: false),
      .allocateSoftware(account: "ACC-0001", column: .capacity, quantity: 10, withCapacity: false),
      .allocateSoftware(account: "ACC-0001", column: .smsRental, quantity: 20, withCapacity: false),
      .allocateSoftware(account: "ACC-0001", column: .mobilePass, quantity: 8, withCapacity: false),
      .allocateHardware(account: "ACC-0001", serials: ["A1", "A2", "A3", "B1"], type: .rental),
      .assignSoftware(account: "ACC-0001", column: .capacity, inUse: 25),
      .assignSoftware(account: "ACC-0001", column: .mobilePass, inUse: 3),
      .assignHardware(account: "ACC-0001", serials: ["A3"], inUse: true),
    ])
  }

  /// The provider P with containers MAIN and RET, models RB-1 and KT-4, and `accounts`.
  static func define(accounts: [AccountDefinition]) -> Command {
    .define(
      Definitions(
        provider: "P",
        containers: [
          Container(code: "MAIN", name: "Main"), Container(code: "RET", name: "Returns"),
        ],
        models: ["RB-1", "KT-4"], accounts: accounts))
  }

  /// The state after `commands`, each validated and applied as the ledger would.
  static func built(from commands: [Command]) throws -> InventoryState {
    var state = InventoryState()
    for command in commands {
      try state.apply(try validate(command, against: state))
    }
    return state
  }
}
