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
  /// Per serial prefix, the first number of the leased serials (the last of each model's).
  var leasedFrom: [String: Int] = [:]
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
    wirelessOrders()
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
            AccountDefinition(
              code: "ACC-0001", name: "Contoso Bank", contact: "returns@contoso.example"),
            AccountDefinition(
              code: "ACC-0002", name: "Fabrikam Health", contact: "returns@fabrikam.example"),
            AccountDefinition(
              code: "ACC-0003", name: "Litware Insurance", contact: "returns@litware.example"),
            AccountDefinition(
              code: "ACC-0004", name: "Northwind Traders", contact: "returns@northwind.example"),
            AccountDefinition(
              code: "ACC-0005", name: "Tailspin Airlines", contact: "returns@tailspin.example"),
            AccountDefinition(
              code: "ACC-0006", name: "Woodgrove Credit Union", contact: "returns@woodgrove.example"
            ),
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
      leasedFrom[Self.prefixes[model]] = base + count - leasedCount
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

  /// True for a serial received as leased: by its number, not a set of millions of serials.
  private func isLeased(_ serial: String) -> Bool {
    let prefix = String(serial.prefix(4))
    guard let from = leasedFrom[prefix], let number = Int(serial.dropFirst(4)) else { return false }
    return number >= from
  }

  /// Leased serials are rented; a fifth of the owned ones are sold.
  private func split(_ serials: [String]) -> (rental: [String], sale: [String]) {
    var rental: [String] = []
    var sale: [String] = []
    for serial in serials {
      if !isLeased(serial) && (serial.utf8.last ?? 0) % 5 == 0 {
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

/// The wireless orders area of the demo (issue 8), appended after every token transaction so
/// their Transaction IDs stay put: employees with approvers, three vendors (one without late
/// restores), lines in every state, in-stock devices, a device bought 14 months ago, SIMs,
/// accessories, the stipend program, and a few orders along the workflow.
extension DemoData {
  /// The support-desk employee the OS user who made the demo is mapped to.
  static let supportDesk = "EMP-0004"

  /// `YYYY-MM-DD` of `days` days before now.
  func day(_ days: Int) -> String {
    String(ProcessIdentity.format(now.addingTimeInterval(-Double(days) * 86_400)).prefix(10))
  }

  /// The ISO time `hours` hours before now.
  func time(hours: Double) -> String {
    ProcessIdentity.format(now.addingTimeInterval(-hours * 3_600))
  }

  /// Adds an order command taken `hours` before now by `actor`.
  mutating func addOrder(_ command: OrderCommand, hours: Double, actor: String, comment: String) {
    var details = context
    details.performedBy = actor
    details.comment = comment
    requests.append(
      CommitRequest(
        command: .order(command), context: details, key: "demo-\(seed)-\(requests.count)",
        time: now.addingTimeInterval(-hours * 3_600)))
  }

  /// Adds `make(at)` taken `hours` before now by `actor`.
  mutating func order(
    _ hours: Double, _ actor: String, _ comment: String = "",
    _ make: (_ at: String) -> OrderCommand
  ) {
    addOrder(make(time(hours: hours)), hours: hours, actor: actor, comment: comment)
  }

  mutating func wirelessOrders() {
    addOrder(.setup(orderSetup()), hours: 24 * 3, actor: Self.supportDesk, comment: "Demo data")
    let desk = Self.supportDesk
    var note = "Rugged case for site work"
    order(50, "EMP-0006", note) {
      .submit(
        OrderRequest(
          type: .accessory, employee: "EMP-0006", line: "312-555-0106", accessory: "CASE-01",
          quantity: 1),
        actor: "EMP-0006", at: $0, comment: note)
    }
    order(48, "EMP-0005") {
      .step(.approve, order: "ORD-000001", actor: "EMP-0005", at: $0, comment: "")
    }
    note = "Shipped from the IT stockroom"
    order(30, desk, note) {
      .fulfil(
        order: "ORD-000001", update: Fulfilment(tracking: ["1Z999AA10123456784"]), actor: desk,
        at: $0, comment: note)
    }
    order(26, desk, "Delivered") {
      .step(.complete, order: "ORD-000001", actor: desk, at: $0, comment: "Delivered")
    }
    note = "Travelling more this quarter"
    order(20, "EMP-0002", note) {
      .submit(
        OrderRequest(
          type: .changePlan, employee: "EMP-0002", line: "312-555-0102", dataPlan: "D-UNL"),
        actor: "EMP-0002", at: $0, comment: note)
    }
    note = "Trade fair in Singapore"
    order(18, "EMP-0005", note) {
      .submit(
        OrderRequest(
          type: .features, employee: "EMP-0005", line: "312-555-0105",
          addFeatures: ["Global Travel Pack"]),
        actor: "EMP-0005", at: $0, comment: note)
    }
    note = "Which dates are you away?"
    order(12, "EMP-0001", note) {
      .step(.requestInfo, order: "ORD-000003", actor: "EMP-0001", at: $0, comment: note)
    }
    note = "New field engineer starts Monday"
    order(10, "EMP-0003", note) {
      .submit(
        OrderRequest(
          type: .newLine, employee: "EMP-0009", vendor: "VZ", voicePlan: "V-UNL",
          dataPlan: "D-10", model: "Pixel 8"),
        actor: "EMP-0003", at: $0, comment: note)
    }
    order(8, "EMP-0002") {
      .step(.approve, order: "ORD-000004", actor: "EMP-0002", at: $0, comment: "")
    }
    note = "On leave for three months"
    order(4, "EMP-0003", note) {
      .submit(
        OrderRequest(type: .suspend, employee: "EMP-0003", line: "312-555-0103"),
        actor: "EMP-0003", at: $0, comment: note)
    }
  }

  func orderSetup() -> OrderSetup {
    let people: [(String, String, String, String, String)] = [
      ("EMP-0001", "Dana Whitfield", "dana.whitfield", "EMP-0002", "Executive"),
      ("EMP-0002", "Marcus Lee", "marcus.lee", "EMP-0001", "Finance"),
      ("EMP-0003", "Priya Raman", "priya.raman", "EMP-0002", "IT"),
      ("EMP-0004", "Sam Okafor", "sam.okafor", "EMP-0003", "IT Support Desk"),
      ("EMP-0005", "Tom Becker", "tom.becker", "EMP-0001", "Sales"),
      ("EMP-0006", "Elena Garcia", "elena.garcia", "EMP-0005", "Sales"),
      ("EMP-0007", "Kenji Sato", "kenji.sato", "EMP-0003", "Field Service"),
      ("EMP-0008", "Aisha Khan", "aisha.khan", "EMP-0005", "Sales"),
      ("EMP-0009", "Noah Fischer", "noah.fischer", "EMP-0003", "Field Service"),
      ("EMP-0010", "Lucia Romero", "lucia.romero", "EMP-0002", "Marketing"),
    ]
    let employees = people.map { id, name, mail, approver, department in
      Employee(
        id: id, name: name, email: mail + "@contoso.example", approver: approver,
        department: department, supportDesk: id == Self.supportDesk, stipend: id == "EMP-0008")
    }
    let vendors = [
      Vendor(
        code: "VZ", name: "Verity Wireless",
        plans: [
          Plan(code: "V-UNL", name: "Unlimited Talk & Text", kind: .voice, price: "40.00"),
          Plan(code: "V-POOL", name: "Pooled 500 Minutes", kind: .voice, price: "25.00"),
          Plan(code: "D-10", name: "Data 10 GB", kind: .data, price: "30.00"),
          Plan(code: "D-UNL", name: "Unlimited Data", kind: .data, price: "55.00"),
        ],
        features: ["International Roaming", "Hotspot", "Visual Voicemail", "Wi-Fi Calling"],
        allowsLateRestore: true),
      Vendor(
        code: "NT", name: "Northstar Mobile",
        plans: [
          Plan(code: "N-TALK", name: "Business Talk", kind: .voice, price: "35.00"),
          Plan(code: "N-5", name: "Shared 5 GB", kind: .data, price: "20.00"),
          Plan(code: "N-20", name: "Shared 20 GB", kind: .data, price: "45.00"),
        ],
        features: ["Hotspot", "Global Travel Pack", "Call Recording"], allowsLateRestore: false),
      Vendor(
        code: "BW", name: "Bluewave Telecom",
        plans: [
          Plan(code: "B-VOICE", name: "Voice Essentials", kind: .voice, price: "30.00"),
          Plan(code: "B-FLEX", name: "Data Flex 15 GB", kind: .data, price: "35.00"),
        ],
        features: ["Hotspot", "Priority Data"], allowsLateRestore: true),
    ]
    // number, vendor, voice, data, features, state, disconnected days ago, employee, device
    // model, bought days ago, liability
    typealias Row = (
      String, String, String?, String?, [String], LineState, Int?, String?, String?, Int,
      Liability
    )
    let rows: [Row] = [
      (
        "0101", "VZ", "V-UNL", "D-UNL", ["Wi-Fi Calling"], .active, nil, "EMP-0001",
        "iPhone 15 Pro", 200, .corporate
      ),
      ("0102", "VZ", "V-UNL", "D-10", [], .active, nil, "EMP-0002", "iPhone 15", 300, .corporate),
      (
        "0103", "NT", "N-TALK", "N-5", ["Hotspot"], .active, nil, "EMP-0003", "Pixel 8", 150,
        .corporate
      ),
      (
        "0104", "VZ", "V-UNL", "D-10", ["Visual Voicemail"], .active, nil, "EMP-0004",
        "Galaxy S24", 90, .corporate
      ),
      (
        "0105", "NT", "N-TALK", "N-20", [], .active, nil, "EMP-0005", "iPhone 15", 250,
        .corporate
      ),
      (
        "0106", "VZ", "V-POOL", "D-10", [], .active, nil, "EMP-0006", "Galaxy S23", 425,
        .corporate
      ),
      ("0107", "NT", "N-TALK", "N-5", [], .active, nil, "EMP-0007", "Pixel 8", 120, .corporate),
      (
        "0108", "BW", "B-VOICE", "B-FLEX", [], .suspended, nil, "EMP-0008", "iPhone 14", 500,
        .corporate
      ),
      ("0109", "VZ", "V-UNL", "D-10", [], .disconnected, 10, "EMP-0010", nil, 0, .corporate),
      ("0110", "NT", "N-TALK", "N-5", [], .disconnected, 45, "EMP-0007", nil, 0, .corporate),
      (
        "0111", "BW", "B-VOICE", "B-FLEX", [], .active, nil, "EMP-0010", "iPhone 15", 60,
        .personal
      ),
      ("0112", "VZ", nil, "D-10", [], .active, nil, "EMP-0002", "iPad Air", 330, .corporate),
      (
        "0113", "NT", nil, "N-20", ["Hotspot"], .active, nil, "EMP-0005", "Nighthawk M6", 210,
        .corporate
      ),
      (
        "0114", "BW", "B-VOICE", "B-FLEX", [], .active, nil, "EMP-0004", "Pixel 7a", 700,
        .corporate
      ),
    ]
    var lines: [Line] = []
    var devices: [Device] = []
    var sims: [Sim] = []
    for (index, row) in rows.enumerated() {
      let number = "312-555-" + row.0
      let serial = row.8.map { _ in "35" + String(6_100_000_000_000 + index * 7_919) }
      let iccid = "8901260" + String(1_000_000_000_000 + index * 37)
      lines.append(
        Line(
          number: number, vendor: row.1, voicePlan: row.2, dataPlan: row.3, features: row.4,
          state: row.5, disconnectedOn: row.6.map { day($0) }, employee: row.7, device: serial,
          sim: row.5 == .disconnected ? nil : iccid, liability: row.10))
      if let serial, let model = row.8 {
        devices.append(
          Device(
            serial: serial, model: model, state: .assigned, purchased: day(row.9),
            employee: row.7, line: number))
      }
      sims.append(
        Sim(
          iccid: iccid, line: row.5 == .disconnected ? nil : number,
          retired: row.5 == .disconnected))
    }
    let stock: [(String, String, Int)] = [
      ("356100000090001", "Pixel 8", 30), ("356100000090002", "iPhone 15", 30),
      ("356100000090003", "Galaxy S24", 12), ("R52W90ABCDE", "Galaxy Tab S9", 45),
    ]
    for (serial, model, days) in stock {
      devices.append(Device(serial: serial, model: model, state: .inStock, purchased: day(days)))
    }
    for spare in 0..<3 { sims.append(Sim(iccid: "8901260" + String(2_000_000_000_000 + spare))) }
    let accessories = [
      Accessory(
        code: "CASE-01", name: "Rugged case", inStock: 25, price: "49.99",
        fits: ["Galaxy S23", "Galaxy S24"]),
      Accessory(
        code: "CASE-02", name: "Slim case", inStock: 12, price: "39.00",
        fits: ["iPhone 15", "iPhone 15 Pro"]),
      Accessory(
        code: "CASE-03", name: "Folio case", inStock: 9, price: "35.00",
        fits: ["Pixel 8", "Pixel 8a"]),
      Accessory(code: "BAT-01", name: "Battery pack", inStock: 10, price: "79.00"),
      Accessory(code: "HS-01", name: "Bluetooth headset", inStock: 8, price: "129.00"),
      Accessory(code: "CHG-01", name: "Car charger", inStock: 15, price: "24.50"),
    ]
    return OrderSetup(
      employees: employees, vendors: vendors, lines: lines, devices: devices, sims: sims,
      accessories: accessories,
      stipend: StipendProgram(name: "Bring your own device stipend", monthly: 50),
      models: Self.deviceModels)
  }

  /// The device models the demo company orders, at list price.
  static let deviceModels: [DeviceModel] = [
    ("iPhone 15 Pro", "999.00"), ("iPhone 15", "799.00"), ("iPhone 14", "599.00"),
    ("Pixel 8", "699.00"), ("Pixel 7a", "449.00"), ("Galaxy S24", "799.99"),
    ("Galaxy S23", "599.00"), ("Galaxy Tab S9", "799.00"), ("iPad Air", "599.00"),
    ("Nighthawk M6", "499.00"),
  ].map { DeviceModel(name: $0.0, price: $0.1) }
}

/// The subscriptions demo (issue 7), committed after every token transaction so their
/// Transaction IDs stay put: ARs (AR-0004 Suspended last, AR-0006 Closed), two warehouses with stock of
/// every product, a Fixed Product Bundle of three components, an Active Inventory Management
/// Definition, Active rules of all five families, and subscriptions in every state.
extension DemoData {
  static let itemProducts: [ItemProduct] = [
    ItemProduct(code: "STB-4K", name: "4K set-top box", distributor: "CAS"),
    // A second set-top box model on the same distributor: a swap to a different model.
    ItemProduct(code: "STB-HD", name: "HD set-top box", distributor: "CAS"),
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
    "STB-4K": "STB-", "STB-HD": "STH-", "MODEM": "MDM-", "ROUTER": "RTR-", "SEC-KIT": "KIT-",
    "SEC-HUB": "HUB-",
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
        ("STB-4K", 6), ("STB-HD", 2), ("MODEM", 4), ("ROUTER", 4), ("SEC-KIT", 2),
        ("SEC-HUB", 2), ("SEC-CAM", 2), ("SEC-SENSOR", 2),
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
