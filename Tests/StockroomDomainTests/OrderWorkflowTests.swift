import Testing

@testable import StockroomDomain

/// The order workflow and the seed's rules, through `validate` and `apply` as the ledger does.
@Suite struct OrderWorkflowTests {
  static let at = "2026-11-22T09:00:00Z"

  static func state() throws -> InventoryState {
    var state = InventoryState()
    let setup = OrderSetup(
      employees: [
        Employee(id: "EMP-0001", name: "Ann", email: "ann@x.example", approver: "EMP-0002"),
        Employee(id: "EMP-0002", name: "Bo", email: "bo@x.example", approver: "EMP-0001"),
        Employee(
          id: "EMP-0003", name: "Desk", email: "desk@x.example", approver: "EMP-0001",
          supportDesk: true),
      ],
      vendors: [
        Vendor(
          code: "NT", name: "Northstar", plans: [Plan(code: "T", name: "Talk", kind: .voice)],
          features: ["Hotspot"], allowsLateRestore: false)
      ],
      lines: [
        Line(
          number: "555-0001", vendor: "NT", voicePlan: "T", dataPlan: nil, employee: "EMP-0001",
          device: "IMEI1"),
        Line(
          number: "555-0002", vendor: "NT", voicePlan: "T", dataPlan: nil, state: .disconnected,
          disconnectedOn: "2026-10-01", employee: "EMP-0001", device: nil),
      ],
      devices: [
        Device(
          serial: "IMEI1", model: "Pixel", state: .assigned, purchased: "2026-03-01",
          employee: "EMP-0001", line: "555-0001")
      ])
    try state.apply(try validate(.order(.setup(setup)), against: state))
    return state
  }

  static func run(_ state: inout InventoryState, _ command: OrderCommand) throws {
    try state.apply(try validate(.order(command), against: state))
  }

  @Test func upgradeGoesThroughTheWorkflowAndTheInventoryFollows() throws {
    var state = try Self.state()
    let request = OrderRequest(type: .upgrade, employee: "EMP-0001", line: "555-0001", model: "P9")
    try Self.run(&state, .submit(request, actor: "EMP-0001", at: Self.at, comment: "old"))
    let order = try #require(state.orders.order("ORD-000001"))
    #expect(order.approver == "EMP-0002")
    #expect(order.state == .pendingApproval)
    #expect(throws: DomainError.selfApproval(order: "ORD-000001", employee: "EMP-0001")) {
      _ = try validate(
        .order(.step(.approve, order: "ORD-000001", actor: "EMP-0001", at: Self.at, comment: "")),
        against: state)
    }
    try Self.run(
      &state, .step(.approve, order: "ORD-000001", actor: "EMP-0002", at: Self.at, comment: ""))
    #expect(throws: DomainError.self) {
      _ = try validate(
        .order(.step(.complete, order: "ORD-000001", actor: "EMP-0003", at: Self.at, comment: "")),
        against: state)
    }
    try Self.run(
      &state,
      .fulfil(
        order: "ORD-000001", update: Fulfilment(serials: ["IMEI2"], tracking: ["1Z"]),
        actor: "EMP-0003", at: Self.at, comment: ""))
    try Self.run(
      &state, .step(.complete, order: "ORD-000001", actor: "EMP-0003", at: Self.at, comment: ""))
    #expect(state.orders.line("555-0001")?.device == "IMEI2")
    #expect(state.orders.device("IMEI1")?.state == .inStock)
    #expect(state.orders.device("IMEI2")?.purchased == "2026-11-22")
    #expect(
      state.orders.order("ORD-000001")?.timeline.map(\.step) == [
        .submit, .approve, .fulfil, .complete,
      ])
    #expect(state.orderViolations() == [])
  }

  @Test func approverOrderingForAReportIsEscalated() throws {
    var state = try Self.state()
    let request = OrderRequest(type: .suspend, employee: "EMP-0001", line: "555-0001")
    try Self.run(&state, .submit(request, actor: "EMP-0002", at: Self.at, comment: ""))
    #expect(state.orders.order("ORD-000001")?.approver == "EMP-0001")
  }

  @Test func warrantyAndRestoreRules() throws {
    let state = try Self.state()
    let late = OrderRequest(type: .warranty, employee: "EMP-0001", line: "555-0001", issue: .defect)
    #expect(throws: DomainError.warrantyExpired(device: "IMEI1", purchased: "2026-03-01")) {
      _ = try validate(
        .order(.submit(late, actor: "EMP-0001", at: "2027-03-01T00:00:00Z", comment: "")),
        against: state)
    }
    var wet = late
    wet.issue = .liquid
    #expect(throws: DomainError.warrantyDamage(.liquid)) {
      _ = try validate(
        .order(.submit(wet, actor: "EMP-0001", at: Self.at, comment: "")), against: state)
    }
    _ = try validate(
      .order(.submit(late, actor: "EMP-0001", at: "2027-02-28T23:00:00Z", comment: "")),
      against: state)
    let restore = OrderRequest(type: .restore, employee: "EMP-0001", line: "555-0002")
    #expect(throws: DomainError.lateRestore(line: "555-0002", days: 52, vendor: "Northstar")) {
      _ = try validate(
        .order(.submit(restore, actor: "EMP-0001", at: Self.at, comment: "")), against: state)
    }
    _ = try validate(
      .order(.submit(restore, actor: "EMP-0001", at: "2026-10-31T00:00:00Z", comment: "")),
      against: state)
  }

  @Test func dates() {
    #expect(OrderRules.day("1970-01-02") == 1)
    #expect(OrderRules.days(from: "2024-02-28", to: "2024-03-01") == 2)
    #expect(OrderRules.withinFirstYear(purchased: "2025-11-22", at: "2026-11-21T23:59:59Z"))
    #expect(!OrderRules.withinFirstYear(purchased: "2025-11-22", at: "2026-11-22T00:00:00Z"))
    #expect(Order.number(123) == "ORD-000123")
  }
}
