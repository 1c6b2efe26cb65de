@testable import StockroomDomain

/// The fixture's inventory with its transactions kept, as a ledger would keep them, so a
/// reversal can be asked for with each serial's history (what `ReversalRequest.gather` reads).
struct ReversalFixture {
  var state = InventoryState()
  var transactions: [Transaction] = []

  init() throws {
    let setUp: [Command] = [
      .define(
        Definitions(
          provider: "P",
          containers: [
            Container(code: "MAIN", name: "Main"), Container(code: "RET", name: "Returns"),
          ],
          models: ["RB-1"],
          accounts: [
            AccountDefinition(code: "ACC-0001", name: "Big"),
            AccountDefinition(code: "ACC-0002", name: "Small"),
          ])),
      .receiveSoftware(product: .sms, quantity: 50, ownership: .owned, container: nil),
      .receiveSoftware(product: .mobilepass, quantity: 30, ownership: .owned, container: nil),
      .receiveHardware(
        model: "RB-1", serials: ["A1", "A2", "A3"], ownership: .owned, container: nil,
        needsPIN: false),
      .allocateHardware(account: "ACC-0001", serials: ["A1", "A2"], type: .sale),
      .allocateSoftware(account: "ACC-0001", column: .smsSale, quantity: 10, withCapacity: false),
      .allocateSoftware(account: "ACC-0001", column: .mobilePass, quantity: 8, withCapacity: false),
    ]
    for command in setUp { try commit(command) }
  }

  /// A ledger that starts from `state` (its earlier transactions not kept).
  init(starting state: InventoryState) {
    self.state = state
  }

  /// Validates, applies and records `command`; its transaction.
  @discardableResult
  mutating func commit(_ command: Command) throws -> Transaction {
    let change = try validate(command, against: state)
    let transaction = Transaction(
      sequence: UInt64(transactions.count + 1), key: "k\(transactions.count + 1)", version: 1,
      time: "2026-01-01T00:00:00Z", change: change,
      context: TransactionContext(user: "alice", uid: 501))
    try state.apply(transaction)
    transactions.append(transaction)
    return transaction
  }

  /// The reversal of `original`, with its serials' histories.
  func request(_ original: Transaction, why: String = "wrong account") -> Command {
    var history: [String: [Transaction]] = [:]
    for serial in original.namedSerials {
      history[serial] = transactions.filter { $0.namedSerials.contains(serial) }
    }
    return .reverse(ReversalRequest(original: original, why: why, history: history))
  }

  /// Commits the reversal of `original`.
  @discardableResult
  mutating func reverse(_ original: Transaction) throws -> Transaction {
    try commit(request(original))
  }

  /// The message `original`'s reversal is refused with.
  func refusal(_ original: Transaction, why: String = "wrong account") -> String? {
    do {
      _ = try validate(request(original, why: why), against: state)
      return nil
    } catch {
      return error.message
    }
  }
}
