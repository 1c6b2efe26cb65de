import Testing

@testable import StockroomDomain

/// Approval chains (issue 20) through `validate` and `apply`: which chain an order gets, each
/// kind of level with each kind of minimum, and who may approve at each level.
@Suite struct ApprovalChainTests {
  static let at = "2026-11-22T09:00:00Z"

  /// REQ orders (manager MGR); NAMED is a named approver; IT1 and IT2 are in IT; FIN ends
  /// the chains of the table; DESK is the support desk. A case costs 100.00.
  static func state() throws -> InventoryState {
    var state = InventoryState()
    func person(_ id: String, _ approver: String?, _ department: String, desk: Bool = false)
      -> Employee
    {
      Employee(
        id: id, name: id, email: "\(id)@x.example", approver: approver, department: department,
        supportDesk: desk)
    }
    let setup = OrderSetup(
      employees: [
        person("REQ", "MGR", "Sales"), person("MGR", "FIN", "Sales"),
        person("NAMED", "FIN", "Legal"), person("IT1", "FIN", "IT"),
        person("IT2", "FIN", "IT"), person("FIN", "MGR", "Finance"),
        person("DESK", "FIN", "Desk", desk: true),
      ],
      vendors: [
        Vendor(
          code: "NT", name: "Northstar",
          plans: [
            Plan(code: "T", name: "Talk", kind: .voice, price: "20.00"),
            Plan(code: "T2", name: "Talk more", kind: .voice, price: "32.50"),
          ],
          features: [], allowsLateRestore: false)
      ],
      lines: [
        Line(
          number: "555-0001", vendor: "NT", voicePlan: "T", dataPlan: nil, employee: "REQ",
          device: "D1"),
        Line(
          number: "555-0002", vendor: "NT", voicePlan: "T", dataPlan: nil, employee: "IT1",
          device: nil),
      ],
      devices: [
        Device(
          serial: "D1", model: "P9", state: .assigned, purchased: "2026-03-01", employee: "REQ",
          line: "555-0001")
      ],
      accessories: [Accessory(code: "CASE", name: "Case", inStock: 50, price: "100.00")],
      models: [DeviceModel(name: "P9", price: "799.99")])
    try state.apply(try validate(.order(.setup(setup)), against: state))
    return state
  }

  static func run(_ state: inout InventoryState, _ command: OrderCommand) throws {
    try state.apply(try validate(.order(command), against: state))
  }

  static func approve(_ state: inout InventoryState, _ number: String, by actor: String) throws {
    try run(&state, .step(.approve, order: number, actor: actor, at: at, comment: ""))
  }

  /// Submits `quantity` cases (100.00 each) for REQ; the new order's number.
  static func submit(_ state: inout InventoryState, quantity: Int = 1, type: OrderType = .accessory)
    throws -> String
  {
    let request: OrderRequest
    switch type {
    case .accessory:
      request = OrderRequest(
        type: .accessory, employee: "REQ", line: "555-0001", accessory: "CASE",
        quantity: quantity)
    case .changePlan:
      request = OrderRequest(type: type, employee: "REQ", line: "555-0001", voicePlan: "T2")
    default: request = OrderRequest(type: type, employee: "REQ", line: "555-0001")
    }
    let number = state.orders.nextNumber
    try run(&state, .submit(request, actor: "REQ", at: at, comment: ""))
    return number
  }

  static func setPolicy(_ state: inout InventoryState, _ chains: [ApprovalChain]) throws {
    try run(&state, .policy(ApprovalPolicy(chains: chains), actor: "DESK"))
  }

  enum Kind: CaseIterable { case manager, employee, department }
  enum Minimum: CaseIterable { case none, below, at, above }

  /// Every kind of level with every kind of minimum, on an order of 200.00, before a last
  /// level (FIN): the level applies unless its minimum is above the price, and then the
  /// level's own people approve it, and nobody else.
  @Test(arguments: Kind.allCases, Minimum.allCases)
  func eachKindOfLevelWithEachMinimum(kind: Kind, minimum: Minimum) throws {
    var state = try Self.state()
    let approver: Approver
    let decider: String
    switch kind {
    case .manager: (approver, decider) = (.manager, "MGR")
    case .employee: (approver, decider) = (.employee("named"), "NAMED")
    case .department: (approver, decider) = (.department("it"), "IT2")
    }
    let floor: String? =
      switch minimum {
      case .none: nil
      case .below: "150"
      case .at: "200.00"
      case .above: "200.01"
      }
    try Self.setPolicy(
      &state,
      [
        ApprovalChain(
          types: [.accessory],
          levels: [
            ApprovalLevel(approver: approver, minimum: floor),
            ApprovalLevel(approver: .employee("FIN")),
          ])
      ])
    let number = try Self.submit(&state, quantity: 2)
    let order = try #require(state.orders.order(number))
    #expect(order.price == "200.00")
    let skipped = minimum == .above
    #expect(order.chain.map(\.skipped) == [skipped, false])
    #expect(
      order.chain.map(\.approver.text) == [
        approver.text == "named" ? "NAMED" : approver.text, "FIN",
      ])
    if !skipped {
      #expect(state.orders.deciders(of: order).map(\.id).contains(decider))
      #expect(throws: DomainError.self) { try Self.approve(&state, number, by: "FIN") }
      #expect(throws: DomainError.selfApproval(order: number, employee: "REQ")) {
        try Self.approve(&state, number, by: "REQ")
      }
      try Self.approve(&state, number, by: decider)
      #expect(state.orders.order(number)?.state == .pendingApproval)
      #expect(
        state.orders.stateTitle(try #require(state.orders.order(number))) == "Pending approval 2/2")
    }
    #expect(state.orders.queue(approver: "FIN").map(\.number) == [number])
    try Self.approve(&state, number, by: "FIN")
    let done = try #require(state.orders.order(number))
    #expect(done.state == .inFulfilment)
    #expect(done.chain.map(\.approvedBy) == [skipped ? nil : decider, "FIN"])
    #expect(done.chain.map { $0.time != nil } == [!skipped, true])
  }

  /// Which chain applies: the first covering the type, a chain without types for every type,
  /// the manager when none covers it.
  @Test(arguments: [
    (true, OrderType.changePlan, ["NAMED"]),
    (true, .accessory, ["department:IT", "FIN"]),
    (true, .suspend, ["department:IT", "FIN"]),
    (true, .disconnect, ["FIN"]),
    (false, .changePlan, ["NAMED"]),
    (false, .accessory, ["NAMED"]),
    (false, .disconnect, ["manager"]),
  ])
  func theFirstChainCoveringTheTypeApplies(
    catchAll: Bool, type: OrderType, expected: [String]
  ) throws {
    var state = try Self.state()
    let named = [ApprovalLevel(approver: .employee("NAMED"))]
    let department = [
      ApprovalLevel(approver: .department("IT")), ApprovalLevel(approver: .employee("FIN")),
    ]
    let chains =
      catchAll
      ? [
        ApprovalChain(types: [.changePlan], levels: named),
        ApprovalChain(types: [.accessory, .suspend], levels: department),
        ApprovalChain(types: [], levels: [ApprovalLevel(approver: .employee("FIN"))]),
      ]
      : [
        ApprovalChain(types: [.changePlan, .accessory], levels: named),
        ApprovalChain(types: [.accessory], levels: department),
      ]
    try Self.setPolicy(&state, chains)
    let number = try Self.submit(&state, type: type)
    #expect(try #require(state.orders.order(number)).chain.map(\.approver.text) == expected)
  }

  @Test func withoutAPolicyTheManagerApproves() throws {
    var state = try Self.state()
    let number = try Self.submit(&state)
    let order = try #require(state.orders.order(number))
    #expect(order.chain == [OrderApproval(approver: .manager)])
    try Self.approve(&state, number, by: "MGR")
    #expect(state.orders.order(number)?.state == .inFulfilment)
  }

  /// A department level leaves out whoever approved before and the requester; nobody approves
  /// at two levels.
  @Test func aDepartmentSkipsPriorApproversAndTheRequester() throws {
    var state = try Self.state()
    try Self.setPolicy(
      &state,
      [
        ApprovalChain(
          types: [],
          levels: [
            ApprovalLevel(approver: .department("IT")), ApprovalLevel(approver: .department("IT")),
          ])
      ])
    let number = try Self.submit(&state)
    try Self.approve(&state, number, by: "IT1")
    #expect(
      state.orders.deciders(of: try #require(state.orders.order(number))).map(\.id) == ["IT2"])
    #expect(throws: DomainError.self) { try Self.approve(&state, number, by: "IT1") }
    #expect(state.orders.queue(approver: "IT1").isEmpty)
    try Self.approve(&state, number, by: "IT2")
    #expect(state.orders.order(number)?.state == .inFulfilment)

    // IT1 orders for themself: only IT2 may approve at the first level, and then nobody is
    // left for the second: refused at submission.
    let request = OrderRequest(type: .suspend, employee: "IT1", line: "555-0002")
    #expect(throws: DomainError.self) {
      try Self.run(&state, .submit(request, actor: "IT1", at: Self.at, comment: ""))
    }
  }

  /// Reject, request information and respond work at any level; the order stays where it was.
  @Test func rejectAndRequestInformationAtTheSecondLevel() throws {
    var state = try Self.state()
    try Self.setPolicy(
      &state,
      [
        ApprovalChain(
          types: [],
          levels: [ApprovalLevel(approver: .manager), ApprovalLevel(approver: .department("IT"))])
      ])
    let number = try Self.submit(&state)
    try Self.approve(&state, number, by: "MGR")
    try Self.run(
      &state, .step(.requestInfo, order: number, actor: "IT1", at: Self.at, comment: "why"))
    try Self.run(&state, .step(.respond, order: number, actor: "REQ", at: Self.at, comment: "site"))
    let back = try #require(state.orders.order(number))
    #expect(back.state == .pendingApproval && back.currentLevel == 1)
    #expect(throws: DomainError.self) {
      try Self.run(&state, .step(.reject, order: number, actor: "MGR", at: Self.at, comment: "no"))
    }
    try Self.run(&state, .step(.reject, order: number, actor: "IT2", at: Self.at, comment: "no"))
    #expect(state.orders.order(number)?.state == .rejected)
  }

  /// An order keeps the chain it was submitted under; every level skipped leaves the manager.
  @Test func aNewPolicyLeavesSubmittedOrdersAlone() throws {
    var state = try Self.state()
    let high = ApprovalLevel(approver: .employee("FIN"), minimum: "1000")
    try Self.setPolicy(&state, [ApprovalChain(types: [], levels: [high])])
    let number = try Self.submit(&state)
    #expect(
      state.orders.order(number)?.chain
        == [
          OrderApproval(approver: .employee("FIN"), minimum: "1000", skipped: true),
          OrderApproval(approver: .manager),
        ])
    try Self.setPolicy(
      &state, [ApprovalChain(types: [], levels: [ApprovalLevel(approver: .employee("NAMED"))])])
    #expect(state.orders.order(number)?.chain.count == 2)
    try Self.approve(&state, number, by: "MGR")
    #expect(state.orders.order(number)?.state == .inFulfilment)
  }

  @Test func onlyTheSupportDeskSetsAPolicyOfKnownPeople() throws {
    var state = try Self.state()
    let chain = ApprovalChain(types: [], levels: [ApprovalLevel(approver: .manager)])
    #expect(throws: DomainError.self) {
      try Self.run(&state, .policy(ApprovalPolicy(chains: [chain]), actor: "MGR"))
    }
    for level in [
      ApprovalLevel(approver: .employee("NOBODY")), ApprovalLevel(approver: .department("Moon")),
      ApprovalLevel(approver: .manager, minimum: "12,50"),
    ] {
      #expect(throws: DomainError.self) {
        try Self.setPolicy(&state, [ApprovalChain(types: [], levels: [level])])
      }
    }
    #expect(throws: DomainError.self) {
      try Self.setPolicy(&state, [ApprovalChain(types: [], levels: [])])
    }
  }

  /// Prices: the device, accessories times quantity, a plan change's difference, 0 otherwise.
  @Test func pricesComeFromTheListPrices() throws {
    let book = try Self.state().orders
    #expect(
      book.price(of: OrderRequest(type: .newLine, employee: "REQ", model: "p9")).text == "799.99")
    #expect(
      book.price(
        of: OrderRequest(type: .accessory, employee: "REQ", accessory: "CASE", quantity: 3)
      )
      .text == "300.00")
    #expect(
      book.price(
        of: OrderRequest(type: .changePlan, employee: "REQ", line: "555-0001", voicePlan: "T2")
      )
      .text == "12.50")
    #expect(
      book.price(of: OrderRequest(type: .suspend, employee: "REQ", line: "555-0001")) == .zero)
    #expect(Money("0.0001")?.text == "0.0001")
    #expect(Money("12.5") == Money("12.50"))
    #expect(Money("-1") == nil)
  }
}
