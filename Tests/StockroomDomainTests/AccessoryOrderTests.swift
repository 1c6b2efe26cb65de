import Testing

@testable import StockroomDomain

/// An accessory is ordered "for an existing device" (seed 002; issue 19, point 9): the order
/// names the line, records the device on it, and takes only accessories that fit its model.
@Suite struct AccessoryOrderTests {
  typealias Workflow = OrderWorkflowTests

  static func state() throws -> InventoryState {
    var state = try Workflow.state()
    let accessories = [
      Accessory(code: "CASE-P", name: "Pixel case", inStock: 5, fits: ["Pixel"]),
      Accessory(code: "CASE-G", name: "Galaxy case", inStock: 5, fits: ["Galaxy S24"]),
      Accessory(code: "HS", name: "Headset", inStock: 5),
    ]
    try Workflow.run(&state, .setup(OrderSetup(accessories: accessories)))
    return state
  }

  static func submit(
    _ state: inout InventoryState, _ type: OrderType, line: String?, _ code: String?
  )
    throws
  {
    let request = OrderRequest(type: type, employee: "EMP-0002", line: line, accessory: code)
    try Workflow.run(&state, .submit(request, actor: "EMP-0001", at: Workflow.at, comment: ""))
  }

  @Test func theOrderNamesTheLineAndTakesWhatFitsItsDevice() throws {
    var state = try Self.state()
    let book = state.orders
    #expect(book.accessories(for: book.line("555-0001")).map(\.code) == ["CASE-P", "HS"])
    // The disconnected line has no device: nothing to order for.
    #expect(book.accessories(for: book.line("555-0002")).isEmpty)
    #expect(!OrderType.accessory.spec.offers(try #require(book.line("555-0002"))))

    #expect(
      throws: DomainError.orderRule(
        "Galaxy case (CASE-G) does not fit the Pixel on line 555-0001; it takes CASE-P, HS")
    ) { try Self.submit(&state, .accessory, line: "555-0001", "CASE-G") }
    #expect(
      throws: DomainError.orderRule("Accessory needs a line (--line)")
    ) { try Self.submit(&state, .accessory, line: nil, "HS") }

    try Self.submit(&state, .accessory, line: "555-0001", "CASE-P")
    let order = try #require(state.orders.order("ORD-000001"))
    #expect(order.request.device == "IMEI1")
    #expect(order.employee == "EMP-0001")
    #expect(state.orders.rows(order).contains { $0.0 == "For device" && $0.1 == "Pixel IMEI1" })
    // The open accessory order does not hold the line: a suspend may still name it.
    try Self.submit(&state, .suspend, line: "555-0001", nil)
    #expect(state.orders.order("ORD-000002")?.state == .pendingApproval)
  }
}
