import Testing

@testable import StockroomDomain

/// Each order type is described once (`OrderTypeSpec`); these check that its parts agree:
/// what the wizard asks and what the command line reads, what fulfilment must record and
/// what completion needs.
@Suite struct OrderTypeSpecTests {
  static let at = "2026-11-22T09:00:00Z"

  /// A book with one of everything an order may name.
  static func state() throws -> InventoryState {
    var state = InventoryState()
    let setup = OrderSetup(
      employees: [
        Employee(id: "EMP-0001", name: "Ann", email: "ann@x.example", approver: "EMP-0002"),
        Employee(
          id: "EMP-0002", name: "Bo", email: "bo@x.example", approver: "EMP-0001", stipend: true),
      ],
      vendors: [
        Vendor(
          code: "NT", name: "Northstar", plans: [Plan(code: "T", name: "Talk", kind: .voice)],
          features: ["Hotspot"], allowsLateRestore: false),
        Vendor(
          code: "SK", name: "Skyline", plans: [Plan(code: "V", name: "Voice", kind: .voice)],
          features: [], allowsLateRestore: true),
      ],
      lines: [
        Line(
          number: "555-0001", vendor: "NT", voicePlan: "T", dataPlan: nil, employee: "EMP-0001",
          device: "IMEI1", sim: "8901"),
        Line(
          number: "555-0002", vendor: "NT", voicePlan: "T", dataPlan: nil, state: .suspended,
          employee: "EMP-0001", device: nil),
      ],
      devices: [
        Device(
          serial: "IMEI1", model: "Pixel", state: .assigned, purchased: "2026-03-01",
          employee: "EMP-0001", line: "555-0001"),
        Device(serial: "STOCK1", model: "Pixel", state: .inStock, purchased: "2026-01-01"),
      ],
      sims: [Sim(iccid: "8901", line: "555-0001")],
      accessories: [Accessory(code: "CASE", name: "Case", inStock: 3)],
      stipend: StipendProgram(name: "Stipend", monthly: 40))
    try state.apply(try validate(.order(.setup(setup)), against: state))
    return state
  }

  /// A request of `type` a fresh book accepts.
  static func request(_ type: OrderType) -> OrderRequest {
    var request = OrderRequest(type: type, employee: "EMP-0001")
    let spec = type.spec
    if spec.needsLine { request.line = type == .restore ? "555-0002" : "555-0001" }
    if spec.fields.contains(.vendor) {
      request.vendor = type == .port ? "SK" : "NT"
      request.voicePlan = type == .port ? "V" : "T"
    }
    if type == .changePlan { request.voicePlan = "T" }
    if spec.fields.contains(.model) { request.model = "P9" }
    if spec.fields.contains(.device) { request.device = "STOCK1" }
    if type == .features { request.addFeatures = ["Hotspot"] }
    if type == .accessory { request.accessory = "CASE" }
    if type == .warranty { request.issue = .defect }
    if type == .transferLiability { request.liability = .personal }
    if type == .assign || type == .stipendRemove { request.employee = "EMP-0002" }
    return request
  }

  /// The command-line option each detail is read from.
  static let options: [OrderFieldKey: String] = [
    .line: "--line", .vendor: "--vendor", .voicePlan: "--voice-plan", .dataPlan: "--data-plan",
    .model: "--model", .device: "--device", .addFeature: "--add", .removeFeature: "--remove",
    .accessory: "--accessory", .quantity: "--quantity", .issue: "--issue", .liability: "--to",
  ]

  @Test(arguments: OrderType.allCases)
  func theCommandLineReadsEveryDetailTheWizardAsks(type: OrderType) {
    for field in type.spec.fields {
      guard let option = Self.options[field] else { continue }
      #expect(type.spec.usage.contains(option), "\(type) asks \(field)")
    }
    #expect(type.spec.fields.last == .comment)
    #expect(type.spec.optional.isSubset(of: Set(type.spec.fields)))
  }

  @Test(arguments: OrderType.allCases)
  func aRequestOfEveryTypeIsAcceptedAndEveryLineTypeNeedsItsLine(type: OrderType) throws {
    let state = try Self.state()
    let request = Self.request(type)
    _ = try validate(
      .order(.submit(request, actor: "EMP-0001", at: Self.at, comment: "")), against: state)
    guard type.spec.needsLine else { return }
    var lineless = request
    lineless.line = nil
    #expect(throws: DomainError.orderRule("\(type.title) needs a line (--line)")) {
      try validate(
        .order(.submit(lineless, actor: "EMP-0001", at: Self.at, comment: "")), against: state)
    }
    let offered = state.orders.lines.filter(type.spec.offers).map(\.number)
    #expect(offered.contains(request.line ?? ""), "\(type) offers \(offered)")
  }

  /// What `missing` asks of fulfilment is exactly what completion cannot do without.
  @Test(arguments: OrderType.allCases)
  func whatFulfilmentMustRecordIsWhatCompletionNeeds(type: OrderType) throws {
    let state = try Self.state()
    let book = state.orders
    let order = Order(
      number: "ORD-000001", request: Self.request(type), state: .inFulfilment,
      requestedBy: "EMP-0001", approver: "EMP-0002")
    var done = order
    done.fulfilment = Fulfilment(serviceNumber: "555-0100", serials: ["IMEI9"], sim: "8999")
    #expect(book.missing(done) == [])
    _ = try OrderCompletion(book: book, order: done, at: Self.at).effect()
    let missing = book.missing(order)
    let completes = (try? OrderCompletion(book: book, order: order, at: Self.at).effect()) != nil
    #expect(completes == missing.isEmpty, "\(type) misses \(missing)")
  }
}
