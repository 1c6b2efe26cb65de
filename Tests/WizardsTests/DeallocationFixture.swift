import StockroomDomain

/// A small inventory like the sketches': Northwind Clinics holds 26 RB-1 tokens (2 in use),
/// 100 rental SMS tokens with 12 units of capacity in use, and 10 MobilePASS tokens.
enum DeallocationFixture {
  static let serials = (100..<130).map { "RB1-000401\(String($0).suffix(2))" }

  static func state() throws -> InventoryState {
    var state = InventoryState()
    let commands: [Command] = [
      .define(
        Definitions(
          provider: "Provider",
          containers: [
            Container(code: "MAIN", name: "Main Warehouse"),
            Container(code: "RET", name: "Returns Bench – Building 2"),
          ],
          models: ["RB-1"],
          accounts: [
            AccountDefinition(code: "ACC-0001", name: "Northwind Clinics"),
            AccountDefinition(code: "ACC-0002", name: "Other\u{1B}[31m Bank"),
          ])),
      .receiveSoftware(product: .sms, quantity: 200, ownership: .owned, container: nil),
      .receiveSoftware(product: .capacity, quantity: 200, ownership: .owned, container: nil),
      .receiveSoftware(product: .mobilepass, quantity: 50, ownership: .owned, container: nil),
      .receiveHardware(
        model: "RB-1", serials: serials, ownership: .owned, container: nil, needsPIN: true),
      .allocateSoftware(
        account: "ACC-0001", column: .smsRental, quantity: 100, withCapacity: false),
      .allocateSoftware(
        account: "ACC-0001", column: .mobilePass, quantity: 10, withCapacity: false),
      .assignSoftware(account: "ACC-0001", column: .capacity, inUse: 12),
      .allocateHardware(account: "ACC-0001", serials: Array(serials.prefix(26)), type: .rental),
      .assignHardware(account: "ACC-0001", serials: Array(serials.prefix(2)), inUse: true),
      .allocateHardware(account: "ACC-0002", serials: [serials[26]], type: .rental),
      .deallocateHardware(
        account: "ACC-0002", serials: [serials[26]], disposition: .faulty, container: "RET"),
    ]
    for command in commands {
      try state.apply(try validate(command, against: state))
    }
    return state
  }

  static let context = TransactionContext(
    user: "jdoe", uid: 1001, reference: "RMA-2026-04417",
    comment: "Returned by courier, two units scratched")
}
