/// The service provider's own inventory at a glance (issue 6): software and
/// capacity by product with owned and leased counts, and hardware tokens by
/// state per container and model.
public struct InventorySummary: Hashable, Sendable {
  /// Quantities of one software product (or capacity) in provider stock.
  public struct SoftwareRow: Hashable, Sendable {
    public var product: Product
    public var owned: Int
    public var leased: Int
    public var total: Int { owned + leased }
  }

  /// Hardware tokens of one model in one container, by state.
  public struct HardwareRow: Hashable, Sendable {
    public var model: String
    public var container: String
    public var available: Int
    public var faulty: Int
    public var lost: Int
  }

  public var software: [SoftwareRow]
  public var hardware: [HardwareRow]
}

extension InventoryState {
  /// What the provider holds now; hardware rows only where a count is not zero.
  public func inventorySummary() -> InventorySummary {
    let software = Product.software.map { product in
      InventorySummary.SoftwareRow(
        product: product, owned: stockQuantity(product, ownership: .owned),
        leased: stockQuantity(product, ownership: .leased))
    }
    var counts = [[Int]](
      repeating: [Int](repeating: 0, count: 3), count: max(1, models.count * containers.count))
    // Only the provider's stock: a token an account holds is always allocated.
    for model in models.indices {
      tokens.forEachMember(holder: -1, model: model) { _, token in
        let slot = Int(token.model) * containers.count + Int(token.container)
        guard counts.indices.contains(slot) else { return true }
        switch token.state {
        case .available: counts[slot][0] += 1
        case .faulty: counts[slot][1] += 1
        case .lost: counts[slot][2] += 1
        case .allocated, .removed: break
        }
        return true
      }
    }
    var hardware: [InventorySummary.HardwareRow] = []
    for (model, name) in models.enumerated() {
      for (index, container) in containers.enumerated() {
        let slot = counts[model * containers.count + index]
        guard slot.contains(where: { $0 > 0 }) else { continue }
        hardware.append(
          InventorySummary.HardwareRow(
            model: name, container: container.code, available: slot[0], faulty: slot[1],
            lost: slot[2]))
      }
    }
    return InventorySummary(software: software, hardware: hardware)
  }
}
