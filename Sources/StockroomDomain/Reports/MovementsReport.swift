/// Report 2 (issue 18): stock movements for a period, a row per product (Capacity, SMS,
/// ST-1, MobilePASS) and per hardware model.
///
/// **Held** is what the service provider holds in its own stock, as `inventory` shows it:
/// for a product, its quantity in every container, owned and leased (`inventory`'s `total`);
/// for a hardware model, its tokens not allocated to an account, whatever their state
/// (`inventory`'s `available` + `faulty` + `lost` over every container).
///
/// `start` is held at the beginning of the first day, found by applying the ledger up to it;
/// each transaction of the period is then applied once and the change it makes to held is its
/// row's movement, put in the column its action (and, for hardware coming back, its
/// disposition) names; `in` and `out` are the sums of those columns. So
/// `start + in - out = end` by construction, and `end` is held at the end of the last day.
/// `reinitialized` counts tokens re-initialized in the period (faulty → available): they stay
/// held, so it is neither `in` nor `out`.
public enum MovementsReport {
  /// What makes up `in`, then what makes up `out`, by their JSON field.
  static let inColumns = ["received", "returned", "initialized", "faulty", "lost", "otherIn"]
  static let outColumns = ["allocated", "otherOut"]

  public static let columns: [ReportTable.Column] =
    [.init("product", "Product")]
    + [.init("start", "Start", number: true), .init("in", "In", number: true)]
    + [
      .init("received", "Received", number: true), .init("returned", "Returned", number: true),
      .init("initialized", "Initialized", number: true),
      .init("faulty", "Faulty", number: true), .init("lost", "Lost", number: true),
      .init("otherIn", "Other in", number: true),
    ]
    + [
      .init("out", "Out", number: true), .init("allocated", "Allocated", number: true),
      .init("otherOut", "Other out", number: true), .init("end", "End", number: true),
      .init("reinitialized", "Re-initialized", number: true),
    ]

  /// Only the period and the product narrow it: every other filter would leave movements out
  /// and the numbers would no longer add up.
  public static func unsupported(_ filter: ReportFilter) -> String? {
    if filter.account != nil { return "--account" }
    if filter.user != nil { return "--user" }
    if filter.action != nil { return "--action" }
    if filter.returnReason != nil { return "--return-reason" }
    if let reference = filter.reference, !reference.isEmpty { return "--reference" }
    return nil
  }

  /// The period's movements as the ledger is read: held applied up to the period, then each
  /// transaction of it counted.
  struct Tally {
    let filter: ReportFilter
    var replay = HeldReplay()
    var rows: [String: Movement] = [:]
    var started = false

    /// Takes the next transaction; false once past the period.
    mutating func take(_ transaction: Transaction) throws(ReportFailure) -> Bool {
      if filter.isAfterPeriod(transaction.time) { return false }
      if !started, filter.inPeriod(transaction.time) { start() }
      guard started else {
        try replay.apply(transaction)
        return true
      }
      let before = replay.held()
      try replay.apply(transaction)
      for (product, held) in replay.held() {
        let delta = held - (before[product] ?? 0)
        rows[product, default: Movement()].count(delta, of: transaction, product: product)
      }
      return true
    }

    private mutating func start() {
      started = true
      for (product, held) in replay.held() { rows[product, default: Movement()].start = held }
    }

    /// A row per product (narrowed by the filter's product).
    mutating func finish() -> ReportTable {
      if !started { start() }
      var table = ReportTable(columns: columns)
      for product in replay.products
      where filter.product.map({ same($0, product) }) ?? true {
        table.rows.append((rows[product] ?? Movement()).cells(product))
      }
      return table
    }
  }

  static func same(_ wanted: String, _ product: String) -> Bool {
    wanted.lowercased() == product.lowercased()
  }

  /// One row's numbers as the period adds them up.
  struct Movement {
    var start = 0
    var columns: [String: Int] = [:]
    var reinitialized = 0

    var moveIn: Int { inColumns.reduce(0) { $0 + (columns[$1] ?? 0) } }
    var moveOut: Int { outColumns.reduce(0) { $0 + (columns[$1] ?? 0) } }

    /// Puts a change of held in the column the transaction's action names.
    mutating func count(_ delta: Int, of transaction: Transaction, product: String) {
      if transaction.action == .reinitialize {
        reinitialized += transaction.items.filter { MovementsReport.isItem($0, of: product) }
          .reduce(0) { $0 + ($1.serials?.count ?? 0) }
      }
      guard delta != 0 else { return }
      if delta < 0 {
        columns[transaction.action == .allocate ? "allocated" : "otherOut", default: 0] -= delta
        return
      }
      switch transaction.action {
      case .receive: columns["received", default: 0] += delta
      case .deallocateSoftware, .deallocateMobilePass: columns["returned", default: 0] += delta
      case .deallocateHardware: byDisposition(delta, transaction, product)
      default: columns["otherIn", default: 0] += delta
      }
    }

    /// Hardware coming back: each disposition takes the serials of this model it names; what
    /// is left (none, when the ledger applies as written) is `otherIn`.
    private mutating func byDisposition(_ delta: Int, _ transaction: Transaction, _ model: String) {
      var left = delta
      let names: [Disposition: String] = [
        .return: "returned", .initialize: "initialized", .faulty: "faulty", .lost: "lost",
      ]
      for item in transaction.items where MovementsReport.isItem(item, of: model) {
        let column = names[item.disposition ?? .return] ?? "otherIn"
        let taken = min(left, item.serials?.count ?? 0)
        columns[column, default: 0] += taken
        left -= taken
      }
      if left > 0 { columns["otherIn", default: 0] += left }
    }

    func cells(_ product: String) -> [ReportTable.Value] {
      let number = { (key: String) in ReportTable.Value.number(columns[key] ?? 0) }
      return [.text(product), .number(start), .number(moveIn)] + inColumns.map(number)
        + [.number(moveOut)] + outColumns.map(number)
        + [.number(start + moveIn - moveOut), .number(reinitialized)]
    }
  }

  static func isItem(_ item: TransactionItem, of product: String) -> Bool {
    if item.product == .hardware { return same(item.model ?? "", product) }
    return item.product.rawValue == product
  }
}

/// The ledger applied transaction by transaction with `InventoryState.apply`, and held (see
/// `MovementsReport`) read off the state after each: the tokens of each model are counted as
/// they are received (and taken off when a receive is reversed), the allocated ones are the
/// accounts' counts.
struct HeldReplay {
  var state = InventoryState()
  private var modelTotals: [Int] = []

  /// Row names: the products counted by quantity, then the hardware models.
  var products: [String] { Product.software.map(\.rawValue) + state.models }

  mutating func apply(_ transaction: Transaction) throws(ReportFailure) {
    do throws(DomainError) {
      try state.apply(transaction.change)
    } catch {
      throw .damaged(error)
    }
    while modelTotals.count < state.models.count { modelTotals.append(0) }
    let change = transaction.change
    let sign = change.action == .receive ? 1 : change.reversal?.action == .receive ? -1 : 0
    guard sign != 0 else { return }
    for item in change.items where item.product == .hardware {
      if let model = state.modelIndex(item.model ?? "") {
        modelTotals[model] += sign * (item.serials?.count ?? 0)
      }
    }
  }

  /// Held of every row now.
  func held() -> [String: Int] {
    var held: [String: Int] = [:]
    for product in Product.software { held[product.rawValue] = state.stockQuantity(product) }
    for (model, name) in state.models.enumerated() {
      let allocated = state.accounts.reduce(0) { $0 + $1.hardwareAllocated[model] }
      held[name] = (modelTotals.indices.contains(model) ? modelTotals[model] : 0) - allocated
    }
    return held
  }
}
