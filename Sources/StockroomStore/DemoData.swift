import Foundation
import StockroomDomain

/// A deterministic pseudo-random sequence (SplitMix64), so demo data is the same every run.
struct SeededRandom {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }

  mutating func below(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(next() % UInt64(bound)) }

  mutating func shuffle<T>(_ items: inout [T]) {
    guard items.count > 1 else { return }
    for index in stride(from: items.count - 1, to: 0, by: -1) {
      items.swapAt(index, below(index + 1))
    }
  }
}

/// The demo data set: a provider with several containers, owned and leased stock, six accounts
/// holding every product, one large account with plenty free, some tokens in use, some RB-1
/// needing a PIN, some faulty and lost; dated over the 120 days before `now`.
struct DemoData {
  static let models = ["RB-1", "KT-4", "eToken PASS"]
  static let prefixes = ["RB1-", "KT4-", "ETP-"]
  static let large = "ACC-0001"
  static let batch = 20_000

  let seed: UInt64
  let tokens: Int
  let now: Date
  let context: TransactionContext
  var random: SeededRandom
  var requests: [CommitRequest] = []
  var leased = Set<String>()
  var allocated: [String: [SoftwareColumn: Int]] = [:]

  init(seed: UInt64, tokens: Int, now: Date, context: TransactionContext) {
    self.seed = seed
    self.tokens = tokens
    self.now = now
    self.context = context
    random = SeededRandom(state: seed)
  }

  mutating func add(_ command: Command, reference: String = "", comment: String = "") {
    var details = context
    details.reference = reference
    details.comment = comment
    requests.append(
      CommitRequest(
        command: command, context: details, key: "demo-\(seed)-\(requests.count)", time: nil))
  }

  /// Every request, timed from 120 days ago to an hour ago.
  mutating func build() -> [CommitRequest] {
    define()
    receiveSoftware()
    var pools = receiveHardware()
    let accounts = (1...6).map { String(format: "ACC-%04d", $0) }
    var held: [String: [String]] = [:]
    for account in accounts {
      allocateSoftware(account)
      held[account] = allocateHardware(account, &pools)
    }
    for account in accounts { assign(account, held[account] ?? []) }
    returns(held)
    let span = 120.0 * 86_400
    let step = span / Double(max(1, requests.count))
    for index in requests.indices {
      requests[index].time = now.addingTimeInterval(-span - 3_600 + step * Double(index))
    }
    let first = requests.count
    subscriptionDemo()
    for index in first..<requests.count {
      requests[index].context.performedBy = "Installer"
      requests[index].time = now.addingTimeInterval(-3_000 + 40 * Double(index - first))
    }
    return requests
  }

  private mutating func define() {
    add(
      .define(
        Definitions(
          provider: "Northwind Secure Services",
          containers: [
            Container(code: "MAIN", name: "Main Warehouse"),
            Container(code: "RET", name: "Returns Bench"),
            Container(code: "EAST", name: "East Depot"),
            Container(code: "LEASE", name: "Leased Stock"),
          ],
          models: Self.models,
          accounts: [
            AccountDefinition(code: "ACC-0001", name: "Contoso Bank"),
            AccountDefinition(code: "ACC-0002", name: "Fabrikam Health"),
            AccountDefinition(code: "ACC-0003", name: "Litware Insurance"),
            AccountDefinition(code: "ACC-0004", name: "Northwind Traders"),
            AccountDefinition(code: "ACC-0005", name: "Tailspin Airlines"),
            AccountDefinition(code: "ACC-0006", name: "Woodgrove Credit Union"),
          ])), comment: "Demo data")
  }

  private mutating func receiveSoftware() {
    let stock: [(Product, Int, Ownership, String)] = [
      (.capacity, 20_000, .owned, "MAIN"), (.capacity, 5_000, .leased, "LEASE"),
      (.sms, 12_000, .owned, "MAIN"), (.sms, 4_000, .leased, "LEASE"), (.sms, 500, .owned, "EAST"),
      (.st1, 3_000, .owned, "MAIN"), (.mobilepass, 10_000, .owned, "MAIN"),
    ]
    for (product, quantity, ownership, container) in stock {
      add(
        .receiveSoftware(
          product: product, quantity: quantity, ownership: ownership, container: container),
        reference: "PO-\(4_400 + requests.count)")
    }
  }

  /// Receives every serial; returns the shuffled available pool per model.
  private mutating func receiveHardware() -> [[String]] {
    let shares = [45, 35, 20]
    var pools: [[String]] = []
    let base = 1_000_000 + Int(seed % 89) * 100_000
    var made = 0
    for (model, share) in shares.enumerated() {
      let count = model == 2 ? tokens - made : tokens * share / 100
      made += count
      let serials = (0..<count).map { Self.prefixes[model] + String(base + $0) }
      let leasedCount = count * 15 / 100
      let east = count * 3 / 100
      let pinned = model == 0 ? (count - leasedCount - east) * 30 / 100 : 0
      let groups: [(Range<Int>, Ownership, String, Bool)] = [
        (0..<pinned, .owned, "MAIN", true),
        (pinned..<(count - leasedCount - east), .owned, "MAIN", false),
        ((count - leasedCount - east)..<(count - leasedCount), .owned, "EAST", false),
        ((count - leasedCount)..<count, .leased, "LEASE", false),
      ]
      for (range, ownership, container, needsPIN) in groups where !range.isEmpty {
        for start in stride(from: range.lowerBound, to: range.upperBound, by: Self.batch) {
          let end = min(start + Self.batch, range.upperBound)
          add(
            .receiveHardware(
              model: Self.models[model], serials: Array(serials[start..<end]),
              ownership: ownership, container: container, needsPIN: needsPIN),
            reference: "PO-\(4_400 + requests.count)", comment: "Shipment from the factory")
        }
      }
      leased.formUnion(serials[(count - leasedCount)..<count])
      var pool = serials
      random.shuffle(&pool)
      pools.append(pool)
    }
    return pools
  }

  private mutating func allocateSoftware(_ account: String) {
    let big = account == Self.large
    let amounts: [(SoftwareColumn, Int)] = [
      (.capacity, big ? 5_000 : 300 + random.below(200)),
      (.smsRental, big ? 3_000 : 150 + random.below(100)),
      (.smsSale, big ? 1_500 : 80 + random.below(50)),
      (.st1Legacy, big ? 800 : 50 + random.below(40)),
      (.mobilePass, big ? 4_000 : 120 + random.below(80)),
    ]
    for (column, quantity) in amounts {
      allocated[account, default: [:]][column, default: 0] += quantity
      if column == .smsRental {
        allocated[account, default: [:]][.capacity, default: 0] += quantity
      }
      add(
        .allocateSoftware(
          account: account, column: column, quantity: quantity, withCapacity: false),
        reference: "SO-\(7_000 + requests.count)",
        comment: column == .st1Legacy ? "Imported from the legacy system" : "")
    }
  }

  /// Allocates hardware: a few dozen per model to small accounts, most of the rest to the large.
  private mutating func allocateHardware(_ account: String, _ pools: inout [[String]]) -> [String] {
    var held: [String] = []
    for model in pools.indices {
      let wanted: Int
      if account == Self.large {
        wanted = max(0, pools[model].count - max(30, pools[model].count / 10))
      } else {
        wanted = min(pools[model].count / 6, 20 + random.below(20))
      }
      let taken = Array(pools[model].suffix(wanted))
      pools[model].removeLast(wanted)
      for start in stride(from: 0, to: taken.count, by: Self.batch) {
        let slice = Array(taken[start..<min(start + Self.batch, taken.count)])
        let (rental, sale) = split(slice)
        if !rental.isEmpty {
          add(
            .allocateHardware(account: account, serials: rental, type: .rental),
            reference: "SO-\(7_000 + requests.count)")
        }
        if !sale.isEmpty {
          add(
            .allocateHardware(account: account, serials: sale, type: .sale),
            reference: "SO-\(7_000 + requests.count)")
        }
      }
      held += taken
    }
    return held
  }

  /// Leased serials are rented; a fifth of the owned ones are sold.
  private func split(_ serials: [String]) -> (rental: [String], sale: [String]) {
    var rental: [String] = []
    var sale: [String] = []
    for serial in serials {
      if !leased.contains(serial) && (serial.utf8.last ?? 0) % 5 == 0 {
        sale.append(serial)
      } else {
        rental.append(serial)
      }
    }
    return (rental, sale)
  }

  private mutating func assign(_ account: String, _ held: [String]) {
    let big = account == Self.large
    let shares: [(SoftwareColumn, Int)] = [
      (.capacity, 45), (.smsRental, 40), (.smsSale, 50), (.st1Legacy, 30), (.mobilePass, 45),
    ]
    for (column, percent) in shares {
      let maximum = allocated[account]?[column] ?? 0
      add(.assignSoftware(account: account, column: column, inUse: maximum * percent / 100))
    }
    let busy = held.enumerated().filter { index, _ in index % 10 < (big ? 3 : 5) }.map(\.element)
    for start in stride(from: 0, to: busy.count, by: Self.batch) {
      add(
        .assignHardware(
          account: account, serials: Array(busy[start..<min(start + Self.batch, busy.count)]),
          inUse: true), comment: "Assigned to users")
    }
  }

  /// A few returns so the log, the faulty and lost states and re-initialization show.
  private mutating func returns(_ held: [String: [String]]) {
    let plan: [(String, Int, Disposition, String)] = [
      ("ACC-0002", 3, .faulty, "RET"), ("ACC-0003", 2, .faulty, "RET"),
      ("ACC-0004", 1, .lost, "MAIN"), ("ACC-0005", 2, .initialize, "MAIN"),
      ("ACC-0006", 2, .return, "MAIN"),
    ]
    var faulty: [String] = []
    for (account, count, disposition, container) in plan {
      let free = (held[account] ?? []).enumerated().filter { $0.offset % 10 >= 5 }.map(\.element)
      let serials = Array(free.prefix(count))
      guard !serials.isEmpty else { continue }
      if disposition == .faulty { faulty += serials }
      add(
        .deallocateHardware(
          account: account, serials: serials, disposition: disposition, container: container),
        reference: "RMA-\(2_040 + requests.count)", comment: disposition.title)
    }
    if let first = faulty.first { add(.reinitialize(serials: [first]), comment: "Re-flashed") }
    add(
      .deallocateSoftware(account: "ACC-0006", column: .smsRental, quantity: 10, container: "RET"),
      reference: "RMA-2099", comment: "Users left the company")
    add(
      .deallocateMobilePass(account: "ACC-0004", quantity: 5, container: nil),
      reference: "RMA-2100")
  }
}

/// The subscriptions demo (issue 7), committed after every token transaction so their
/// Transaction IDs stay put: ARs (AR-0004 Suspended last, AR-0006 Closed), two warehouses with stock of
/// every product, a Fixed Product Bundle of three components, an Active Inventory Management
/// Definition, Active rules of all five families, and subscriptions in every state.
extension DemoData {
  static let itemProducts: [ItemProduct] = [
    ItemProduct(code: "STB-4K", name: "4K set-top box", distributor: "CAS"),
    ItemProduct(code: "MODEM", name: "Cable modem", distributor: "DOCSIS"),
    ItemProduct(code: "ROUTER", name: "Wi-Fi router", distributor: "ACS"),
    ItemProduct(
      code: "SEC-KIT", name: "Home security kit", distributor: "ALARM",
      components: ["SEC-HUB", "SEC-CAM", "SEC-SENSOR"]),
    ItemProduct(code: "SEC-HUB", name: "Security hub"),
    ItemProduct(code: "SEC-CAM", name: "Security camera"),
    ItemProduct(code: "SEC-SENSOR", name: "Door sensor"),
  ]
  static let itemPrefixes = [
    "STB-4K": "STB-", "MODEM": "MDM-", "ROUTER": "RTR-", "SEC-KIT": "KIT-", "SEC-HUB": "HUB-",
    "SEC-CAM": "CAM-", "SEC-SENSOR": "SNS-",
  ]

  private static var subscriptionSetup: SubscriptionSetup {
    let products = itemProducts.map(\.code)
    return SubscriptionSetup(
      receivables: [
        Receivable(code: "AR-0001", name: "Ada Lovelace"),
        Receivable(code: "AR-0002", name: "Grace Hopper"),
        Receivable(code: "AR-0003", name: "Alan Turing"),
        Receivable(code: "AR-0004", name: "Edsger Dijkstra"),
        Receivable(code: "AR-0005", name: "Barbara Liskov"),
        Receivable(code: "AR-0006", name: "Ken Thompson", state: .closed),
      ],
      products: itemProducts,
      services: [
        SubscriptionService(code: "TV", name: "TV Essentials", distributor: "IPTV"),
        SubscriptionService(code: "NET", name: "Internet 500", distributor: "DOCSIS"),
        SubscriptionService(code: "SEC", name: "Home Security", distributor: "ALARM"),
        SubscriptionService(code: "VOICE", name: "Home Phone", distributor: "VOIP"),
      ],
      warehouses: [
        Warehouse(code: "WH-CENTRAL", name: "Central Warehouse"),
        Warehouse(code: "WH-NORTH", name: "North Depot"),
      ],
      definitions: [
        InventoryDefinition(
          code: "IMD-2025", name: "Inventory 2025", active: false, returnWarehouse: "WH-NORTH",
          sourceWarehouses: ["WH-NORTH"], products: products),
        InventoryDefinition(
          code: "IMD-2026", name: "Inventory 2026", active: true, returnWarehouse: "WH-CENTRAL",
          sourceWarehouses: ["WH-CENTRAL", "WH-NORTH"], products: products),
      ],
      rules: [
        DefinitionRule(code: "R-01", check: .mostItems(8)),
        DefinitionRule(code: "R-02", check: .allowedProducts(products)),
        DefinitionRule(code: "R-03", check: .serviceNeedsProduct(service: "NET", product: "MODEM")),
        DefinitionRule(
          code: "R-04", check: .serviceDistributorNeedsItemOn(distributor: "IPTV", needs: "CAS")),
        DefinitionRule(
          code: "R-05", check: .productNeedsService(product: "SEC-KIT", service: "SEC")),
        DefinitionRule(code: "R-06", check: .distributorMostItems(distributor: "DOCSIS", most: 1)),
        DefinitionRule(code: "R-07", active: false, check: .mostItems(3)),
      ])
  }

  /// Stock per warehouse: (product, count); a bundle brings its three components.
  private static let stockPlan: [(String, [(String, Int)])] = [
    (
      "WH-CENTRAL",
      [
        ("STB-4K", 6), ("MODEM", 4), ("ROUTER", 4), ("SEC-KIT", 2), ("SEC-HUB", 2),
        ("SEC-CAM", 2), ("SEC-SENSOR", 2),
      ]
    ),
    (
      "WH-NORTH",
      [
        ("STB-4K", 4), ("MODEM", 3), ("ROUTER", 3), ("SEC-KIT", 1), ("SEC-HUB", 1),
        ("SEC-CAM", 1), ("SEC-SENSOR", 1),
      ]
    ),
  ]

  /// (number, AR, services, final state, [(serial, ownership)]).
  private static let subscriptionPlan:
    [(String, String, [String], LifeCycleState, [(String, ItemOwnership)])] = [
      (
        "SUB-000001", "AR-0001", ["TV", "NET"], .effective,
        [("STB-10001", .rented), ("MDM-10001", .rented), ("RTR-10001", .rented)]
      ),
      (
        "SUB-000002", "AR-0002", ["NET", "SEC"], .effective,
        [("MDM-10002", .sold), ("KIT-10001", .rented), ("RTR-10002", .sold)]
      ),
      ("SUB-000003", "AR-0003", ["TV"], .draft, [("STB-10002", .rented)]),
      ("SUB-000004", "AR-0005", ["NET"], .notEffective, [("MDM-10003", .rented)]),
      ("SUB-000005", "AR-0001", ["TV"], .inResting, [("STB-10003", .rented)]),
      ("SUB-000006", "AR-0002", ["TV"], .shortTermEffective, [("STB-10004", .sold)]),
      ("SUB-000007", "AR-0003", ["NET", "VOICE"], .shortTermNotEffective, [("MDM-10004", .sold)]),
      ("SUB-000008", "AR-0005", ["TV"], .cancelled, []),
      ("SUB-000009", "AR-0004", ["TV"], .effective, [("STB-10005", .rented)]),
      ("SUB-000010", "AR-0006", ["VOICE"], .regretted, []),
    ]

  mutating func subscriptionDemo() {
    add(.subscription(.setup(Self.subscriptionSetup)), comment: "Subscriptions demo data")
    var next: [String: Int] = [:]
    func serial(_ product: String) -> String {
      next[product, default: 10_001] += 1
      return (Self.itemPrefixes[product] ?? "ITM-") + String(next[product, default: 10_002] - 1)
    }
    for (warehouse, plan) in Self.stockPlan {
      var items: [StockItem] = []
      for (product, count) in plan {
        for _ in 0..<count {
          let bundle = serial(product)
          items.append(StockItem(serial: bundle, product: product, warehouse: warehouse))
          for component in Self.itemProducts.first(where: { $0.code == product })?.components ?? []
          {
            items.append(
              StockItem(
                serial: serial(component), product: component, warehouse: warehouse,
                bundle: bundle))
          }
        }
      }
      add(
        .subscription(.receive(warehouse: warehouse, items: items)),
        reference: "PO-\(4_400 + requests.count)", comment: "Shipment of equipment")
    }
    for (number, receivable, services, state, items) in Self.subscriptionPlan {
      add(.subscription(.open(number: number, receivable: receivable, services: services)))
      for (serial, ownership) in items {
        let reference = "WO-\(5_000 + requests.count)"
        add(
          .subscription(
            .add(
              AddItemRequest(
                subscription: number, serial: serial, ownership: ownership,
                details: ActionDetails(reference: reference)))),
          reference: reference, comment: "Installed at the customer's home")
      }
      if state != .draft {
        add(.subscription(.changeState(subscription: number, state: state)))
      }
    }
    add(
      .subscription(.changeReceivable(receivable: "AR-0004", state: .suspended)),
      comment: "Unpaid invoices")
  }
}
