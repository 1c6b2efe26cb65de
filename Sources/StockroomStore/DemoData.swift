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
