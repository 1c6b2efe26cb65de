@testable import StockroomDomain

/// A small subscriptions area built through `validate` and `apply`, as the ledger would.
enum SubscriptionFixture {
  static func run(_ command: SubscriptionCommand, _ state: inout InventoryState) throws {
    try state.apply(try validate(.subscription(command), against: state))
  }

  static func state() throws -> InventoryState {
    var state = InventoryState()
    let products = ["STB", "MODEM", "ROUTER", "KIT", "HUB", "CAM", "DISH"]
    try run(
      .setup(
        SubscriptionSetup(
          receivables: [
            Receivable(code: "AR-0001", name: "Ada"), Receivable(code: "AR-0002", name: "Bob"),
          ],
          products: [
            ItemProduct(code: "STB", name: "Set-top box", distributor: "CAS"),
            ItemProduct(code: "MODEM", name: "Modem", distributor: "DOCSIS"),
            ItemProduct(code: "ROUTER", name: "Router", distributor: "ACS"),
            ItemProduct(
              code: "KIT", name: "Kit", distributor: "ALARM", components: ["HUB", "CAM"]),
            ItemProduct(code: "HUB", name: "Hub"), ItemProduct(code: "CAM", name: "Camera"),
            ItemProduct(code: "DISH", name: "Dish"),
          ],
          services: [
            SubscriptionService(code: "TV", name: "TV", distributor: "IPTV"),
            SubscriptionService(code: "NET", name: "Internet", distributor: "DOCSIS"),
            SubscriptionService(code: "SEC", name: "Security", distributor: "ALARM"),
          ],
          warehouses: [
            Warehouse(code: "W1", name: "One"), Warehouse(code: "W2", name: "Two"),
            Warehouse(code: "W3", name: "Three"),
          ],
          definitions: [
            InventoryDefinition(
              code: "IMD", name: "Active", active: true, returnWarehouse: "W1",
              sourceWarehouses: ["W1", "W2"], products: products)
          ],
          rules: [
            DefinitionRule(code: "R-01", check: .mostItems(4)),
            DefinitionRule(
              code: "R-02", check: .allowedProducts(products.filter { $0 != "DISH" })),
            DefinitionRule(
              code: "R-03", check: .serviceNeedsProduct(service: "NET", product: "MODEM")),
            DefinitionRule(
              code: "R-04",
              check: .serviceDistributorNeedsItemOn(distributor: "IPTV", needs: "CAS")),
            DefinitionRule(
              code: "R-05", check: .productNeedsService(product: "KIT", service: "SEC")),
            DefinitionRule(
              code: "R-06", check: .distributorMostItems(distributor: "DOCSIS", most: 1)),
            DefinitionRule(code: "R-07", active: false, check: .mostItems(0)),
          ])), &state)
    let stocked: [(String, String, String?)] = [
      ("STB-1", "STB", nil), ("STB-2", "STB", nil), ("STB-3", "STB", nil), ("STB-4", "STB", nil),
      ("STB-5", "STB", nil), ("MDM-1", "MODEM", nil), ("MDM-2", "MODEM", nil),
      ("RTR-1", "ROUTER", nil), ("RTR-2", "ROUTER", nil), ("RTR-3", "ROUTER", nil),
      ("KIT-1", "KIT", nil), ("HUB-1", "HUB", "KIT-1"), ("CAM-1", "CAM", "KIT-1"),
      ("KIT-2", "KIT", nil), ("HUB-2", "HUB", "KIT-2"), ("CAM-2", "CAM", "KIT-2"),
      ("HUB-3", "HUB", nil), ("DISH-1", "DISH", nil),
    ]
    try run(
      .receive(
        warehouse: "W1",
        items: stocked.map { StockItem(serial: $0.0, product: $0.1, warehouse: "W1", bundle: $0.2) }
      ), &state)
    try run(
      .receive(warehouse: "W2", items: [StockItem(serial: "STB-6", product: "STB", warehouse: "")]),
      &state)
    try run(
      .receive(warehouse: "W3", items: [StockItem(serial: "STB-9", product: "STB", warehouse: "")]),
      &state)
    let plan: [(String, String, [String], LifeCycleState, [(String, ItemOwnership)])] = [
      (
        "SUB-1", "AR-0001", ["TV", "NET"], .effective,
        [("STB-1", .rented), ("MDM-1", .rented), ("RTR-1", .rented)]
      ),
      ("SUB-2", "AR-0001", ["TV"], .draft, [("STB-2", .rented)]),
      ("SUB-3", "AR-0001", ["SEC"], .effective, [("KIT-1", .rented), ("RTR-2", .sold)]),
      ("SUB-4", "AR-0002", ["TV"], .effective, [("STB-3", .rented)]),
      ("SUB-5", "AR-0001", ["TV"], .cancelled, []),
      ("SUB-6", "AR-0001", ["TV"], .inResting, [("STB-4", .sold)]),
    ]
    for (number, owner, services, lifeCycle, items) in plan {
      try run(.open(number: number, receivable: owner, services: services), &state)
      for (serial, ownership) in items {
        try run(
          .add(AddItemRequest(subscription: number, serial: serial, ownership: ownership)), &state)
      }
      if lifeCycle != .draft {
        try run(.changeState(subscription: number, state: lifeCycle), &state)
      }
    }
    try run(.changeReceivable(receivable: "AR-0002", state: .suspended), &state)
    return state
  }
}
