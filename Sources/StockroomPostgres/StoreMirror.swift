import StockroomDomain

/// The rows of `stockroom.tokens` and `stockroom.stock` a state implies: what a commit writes
/// beside its ledger row and what `verify` compares the tables with. Defined once, so the two
/// agree.
enum StoreMirror {
  /// One row of `stockroom.tokens`.
  struct TokenRow: Hashable, Sendable {
    var serial: String
    var model: String
    var state: String
    /// The account code; nil in the provider's stock.
    var account: String?
    var container: String
    var inUse: Bool
    var ownership: String
    var needsPIN: Bool
    var sold: Bool
  }

  /// The key of one row of `stockroom.stock`.
  struct StockKey: Hashable, Sendable {
    /// The account code; empty for the provider's own stock.
    var account: String
    var product: String
    /// The provider's `ownership/container`, or an account's allocation type or model.
    var detail: String
  }

  /// A row's quantities: for an account Maximum and In Use, for the provider what is in stock.
  struct StockCounts: Hashable, Sendable {
    var quantity: Int64
    var inUse: Int64
  }

  static func tokenRow(_ token: HardwareToken, in state: InventoryState) -> TokenRow {
    let model = Int(token.model)
    let container = Int(token.container)
    return TokenRow(
      serial: token.serial,
      model: state.models.indices.contains(model) ? state.models[model] : "#\(model)",
      state: token.state.rawValue,
      account: token.accountIndex.map { state.accounts[$0].code },
      container: state.containers.indices.contains(container)
        ? state.containers[container].code : "#\(container)",
      inUse: token.inUse, ownership: token.ownership.rawValue, needsPIN: token.needsPIN,
      sold: token.sold)
  }

  /// Every stock row of a state (accounts times columns: small beside the tokens).
  static func stockRows(of state: InventoryState) -> [StockKey: StockCounts] {
    var rows: [StockKey: StockCounts] = [:]
    for (key, quantity) in state.stock {
      let container =
        state.containers.indices.contains(key.container)
        ? state.containers[key.container].code : "#\(key.container)"
      let row = StockKey(
        account: "", product: key.product.rawValue,
        detail: "\(key.ownership.rawValue)/\(container)")
      rows[row, default: StockCounts(quantity: 0, inUse: 0)].quantity += Int64(quantity)
    }
    for account in state.accounts {
      for column in SoftwareColumn.allCases {
        let holding = account.holding(column)
        let key = StockKey(
          account: account.code, product: column.product.rawValue,
          detail: column.type?.rawValue ?? "")
        rows[key] = StockCounts(quantity: Int64(holding.maximum), inUse: Int64(holding.inUse))
      }
      for (model, name) in state.models.enumerated() {
        let key = StockKey(account: account.code, product: Product.hardware.rawValue, detail: name)
        rows[key] = StockCounts(
          quantity: Int64(account.hardwareAllocated[model]),
          inUse: Int64(account.hardwareInUse[model]))
      }
    }
    return rows
  }

  /// The rows of `after` that differ from `before` (new or changed).
  static func changedStock(
    from before: [StockKey: StockCounts], to after: [StockKey: StockCounts]
  ) -> [(StockKey, StockCounts)] {
    after.filter { before[$0.key] != $0.value }.sorted {
      ($0.key.account, $0.key.product, $0.key.detail)
        < ($1.key.account, $1.key.product, $1.key.detail)
    }.map { ($0.key, $0.value) }
  }
}
